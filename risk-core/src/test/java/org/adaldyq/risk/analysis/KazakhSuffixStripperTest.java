package org.adaldyq.risk.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.lexicon.TokenizedText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class KazakhSuffixStripperTest {

    @ParameterizedTest(name = "{0} and {1} share a stem")
    @CsvSource({
            "құжаттар, құжаттарды",
            "жағдайларда, жағдайда",
            "комиссия, комиссиясының",
            "тәртіппен, тәртібі",
            "мерзімін, мерзімде",
    })
    void inflectedFormsOfOneWordShareAStem(String a, String b) {
        String sa = stem(a);
        String sb = stem(b);
        assertThat(sa.startsWith(sb) || sb.startsWith(sa)).as("%s -> %s, %s -> %s", a, sa, b, sb).isTrue();
    }

    @Test
    void neverEmptiesAWordAndKeepsShortWords() {
        for (String w : new String[] {"бап", "ол", "он", "сот", "ай", "үшін"}) {
            assertThat(KazakhSuffixStripper.stem(w)).isNotEmpty();
            assertThat(KazakhSuffixStripper.stem(w).length()).isGreaterThanOrEqualTo(Math.min(w.length(), KazakhSuffixStripper.MIN_STEM));
        }
    }

    @Test
    void latinLettersInKazakhWordsAreFoldedBeforeStemming() {
        // Real texts write «мүмкiн» with a Latin i; it must be the same term as «мүмкін».
        assertThat(TokenizedText.analyze("мүмкiн", Language.KK).get(0).term())
                .isEqualTo(TokenizedText.analyze("мүмкін", Language.KK).get(0).term());
        assertThat(TokenizedText.analyze("Yкiметi", Language.KK).get(0).surface()).isEqualTo("үкіметі");
    }

    private static String stem(String w) {
        return KazakhSuffixStripper.stem(w);
    }

    @ParameterizedTest(name = "{0} and {1}: the voiced consonant before a vowel suffix is the bare word's")
    @CsvSource({
            "талап, талабы",
            "талап, талаптары",
            "тілек, тілегі",
            "құқық, құқығы",
            "құқық, құқығын",
            "кітап, кітабына",
    })
    void consonantVoicingAtTheSuffixBoundary(String bare, String inflected) {
        assertThat(KazakhSuffixStripper.stem(inflected)).isEqualTo(KazakhSuffixStripper.stem(bare));
    }

    @Test
    void aConsonantBeforeAConsonantSuffixIsLeftAsWritten() {
        // «тәуелсіздігі»: г before і is voiced from к — but «бағдарлама» keeps its own ғ (no suffix stripped there).
        assertThat(KazakhSuffixStripper.stem("бағ")).isEqualTo("бағ");
        assertThat(KazakhSuffixStripper.stem("тәуелсіздігі")).isEqualTo(KazakhSuffixStripper.stem("тәуелсіздік"));
    }

    @ParameterizedTest(name = "agent noun {0} is not the verb {1}")
    @CsvSource({
            "беруші, беру",
            "берушінің, берді",
            "тапсырушыға, тапсыру",
            "сатып алушылар, сатып алу",
    })
    void agentNounsInUshyAreNotReadAsTheirVerb(String agent, String verb) {
        String a = TokenizedText.analyze(agent, Language.KK).tokens().get(agent.split(" ").length - 1).term();
        String v = TokenizedText.analyze(verb, Language.KK).tokens().get(verb.split(" ").length - 1).term();
        assertThat(a).isNotEqualTo(v);
        assertThat(a).as("inflections of the agent noun share its stem")
                .isEqualTo(TokenizedText.analyze(agent.replaceAll("(ның|нің|ға|ге|лар|лер)$", ""), Language.KK)
                        .tokens().get(agent.split(" ").length - 1).term());
    }
}
