package org.adaldyq.risk.signal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.regulation.RegulationRules;
import org.adaldyq.risk.regulation.RegulationScanner;
import org.adaldyq.risk.rules.PackOptions;
import org.adaldyq.risk.structure.DocumentReader;
import org.adaldyq.risk.structure.ParsedDocument;
import org.junit.jupiter.api.Test;

/** What the models read: the same analysis as the rules, located in the text, with the rules' own hits. */
class SignalFeaturesTest {

    static final RegulationScanner SCANNER = RegulationRules.load(PackOptions.of(SignalFeaturesTest.class.getClassLoader(), List.of()))
            .orThrow();
    static final DocumentReader READER = DocumentReader.create();

    static List<SignalFeature> features(String text, Language lang) {
        ParsedDocument doc = READER.read(text, "t", lang);
        List<List<SignalFeature>> all = SCANNER.signalFeatures(doc);
        assertThat(all).hasSize(doc.provisions().size());
        return all.get(all.size() - 1);
    }

    static List<String> names(List<SignalFeature> f) {
        return f.stream().map(SignalFeature::name).toList();
    }

    @Test
    void wordsConceptsTheirOrderAndTheRulesHits() {
        String text = "Уполномоченный орган вправе приостановить действие лицензии.";
        List<SignalFeature> f = features(text, Language.RU);
        assertThat(names(f)).contains("k:STATE_BODY", "k:OPTIONAL_VERB", "p:STATE_BODY>OPTIONAL_VERB", "h:OPTIONAL_POWER",
                "s:lang:ru", "b:ru:уполномочен орга");
        assertThat(names(f)).anyMatch(n -> n.startsWith("r:OPTIONAL_POWER."));
        assertThat(names(f)).anyMatch(n -> n.startsWith("c:ru:"));
        for (SignalFeature x : f) {
            if (x.located()) {
                assertThat(x.start()).isBetween(0, text.length());
                assertThat(x.end()).isBetween(x.start(), text.length());
            }
        }
        SignalFeature verb = f.stream().filter(x -> x.name().equals("k:OPTIONAL_VERB")).findFirst().orElseThrow();
        assertThat(text.substring(verb.start(), verb.end())).isEqualTo("вправе");
    }

    @Test
    void aCitizensRightReadsInAnotherOrder() {
        List<String> body = names(features("Уполномоченный орган вправе приостановить действие лицензии.", Language.RU));
        List<String> citizen = names(features("Граждане вправе обжаловать решение уполномоченного органа.", Language.RU));
        assertThat(citizen).doesNotContain("p:STATE_BODY>OPTIONAL_VERB", "h:OPTIONAL_POWER");
        assertThat(body).contains("p:STATE_BODY>OPTIONAL_VERB");
    }

    @Test
    void aListItemCarriesItsLeadIn() {
        List<String> f = names(features("Комиссия имеет право:\n2) запрашивать у заявителя документы;", Language.RU));
        assertThat(f).contains("s:list", "lk:OPTIONAL_VERB");
    }

    @Test
    void sameTextSameFeatures() {
        String text = "Уәкілетті орган лицензияның қолданылуын тоқтата тұруға құқылы.";
        assertThat(features(text, Language.KK)).isEqualTo(features(text, Language.KK));
    }
}
