package org.adaldyq.risk.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.finding.ProvisionLocation;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.report.ScannedDocument;
import org.adaldyq.risk.structure.Provision;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code similar} on the real acts bundled in the repository: two laws in both official languages
 * (104440, 28811), two Kazakh laws without their Russian text, a Russian federal code and two US acts; plus
 * a second draft of the Russian 104440 (a deadline added to article 12 point 2), as a ministry indexes its
 * drafts beside the law in force.
 */
class SimilarProvisionsTest {

    private static final Path DOCUMENTS = Path.of("..").toAbsolutePath().normalize().resolve("risk-core/src/test/resources/documents");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private static ProvisionIndex index;
    private static final Map<String, ScannedDocument> SCANNED = new LinkedHashMap<>();

    @TempDir
    static Path dir;

    @BeforeAll
    static void indexTheDocuments() throws Exception {
        RiskEngine engine = RiskEngine.builder().build();
        List<Path> files = new ArrayList<>();
        for (String lang : List.of("kk", "ru", "en")) {
            try (Stream<Path> s = Files.list(DOCUMENTS.resolve(lang))) {
                s.sorted().forEach(files::add);
            }
        }
        Path draft = dir.resolve("kz-laws_rus_104440-draft2.md");
        String act = Files.readString(DOCUMENTS.resolve("ru/kz-laws_rus_104440.md"));
        String notify = "Агентство извещает инвестора о принятом решении.";
        assertThat(act).containsOnlyOnce(notify);
        Files.writeString(draft, act.replace(notify, "Агентство в течение пяти рабочих дней извещает инвестора о принятом решении."));
        files.add(draft);
        for (Path f : files) {
            String name = f.getFileName().toString();
            SCANNED.put(name.substring(0, name.lastIndexOf('.')), engine.scanDocument(f));
        }
        index = ProvisionIndex.open(dir.resolve("index"), engine);
        assertThat(index.add(files.toArray(Path[]::new)).problems()).isEmpty();
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @Test
    void theOtherLanguageVersionOfAnActIsFoundAndNothingElseIsTakenForOne() throws IOException {
        assertThat(index.twinAct("kz-laws_rus_104440")).contains("kz-laws_kaz_104440");
        assertThat(index.twinAct("kz-laws_kaz_104440")).contains("kz-laws_rus_104440");
        assertThat(index.twinAct("kz-laws_rus_28811")).contains("kz-laws_kaz_28811");
        assertThat(index.twinAct("kz-laws_kaz_28811")).contains("kz-laws_rus_28811");
        for (String alone : List.of("kz-laws_kaz_17717", "kz-laws_kaz_4739", "pravo-gov-ru_102107048", "115publ6-uslm", "BILLS-116s1014es")) {
            assertThat(index.twinAct(alone)).as(alone).isEmpty();
        }
    }

    @Test
    void aProvisionFindsItsTwinFirstThenProvisionsOfItsLanguageButNeverItself() throws IOException {
        SimilarResults r = index.similar("kz-laws_rus_104440", "Article 12, point 3", SearchOptions.defaults().withLimit(5),
                SimilarSettings.defaults());
        assertThat(r.source()).hasValueSatisfying(s -> assertThat(s.factors()).contains("SELECTIVE_EXCEPTION"));
        assertThat(r.twinAct()).contains("kz-laws_kaz_104440");
        SimilarHit twin = r.hits().get(0);
        assertThat(twin.match()).isEqualTo(SimilarHit.Match.TWIN);
        assertThat(twin.hit().act()).isEqualTo("kz-laws_kaz_104440");
        assertThat(twin.hit().citation()).isEqualTo("Article 12, point 3");
        assertThat(twin.hit().snippet().text()).startsWith("3. Оң шешiм қабылданған ретте");
        List<SimilarHit> text = r.hits().subList(1, r.hits().size());
        // the same point of the second draft has the same words: the most alike
        assertThat(text.get(0).hit().act() + "#" + text.get(0).hit().citation()).isEqualTo("kz-laws_rus_104440-draft2#Article 12, point 3");
        assertThat(text).isNotEmpty().hasSizeLessThanOrEqualTo(5).allSatisfy(h -> {
            assertThat(h.match()).isEqualTo(SimilarHit.Match.TEXT);
            assertThat(h.hit().language()).isEqualTo(Language.RU);
            assertThat(h.hit().act() + "#" + h.hit().citation()).isNotEqualTo("kz-laws_rus_104440#Article 12, point 3");
        });
    }

    @Test
    void aDamagedCopyOfAProvisionFindsTheProvisionFirstInEachLanguage() throws IOException {
        for (String act : List.of("kz-laws_kaz_104440", "kz-laws_rus_104440", "pravo-gov-ru_102107048")) {
            ScannedDocument doc = SCANNED.get(act);
            int tried = 0;
            int first = 0;
            for (Provision p : doc.document().provisions()) {
                String[] w = doc.document().textOf(p).split("\\s+");
                if (w.length < 15 || tried >= 20) {
                    continue;
                }
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < w.length; i++) {
                    if (i % 3 != 2) {
                        b.append(w[i]).append(' ');
                    }
                }
                tried++;
                SimilarResults r = index.similar(b.toString(), doc.document().language(), SearchOptions.defaults().withLimit(1),
                        SimilarSettings.defaults());
                // the second draft of 104440 has the same provision under the same citation: either is right
                if (!r.hits().isEmpty() && r.hits().get(0).hit().act().startsWith(act) && r.hits().get(0).hit().citation().equals(p.citation())) {
                    first++;
                }
            }
            assertThat(tried).as(act).isEqualTo(20);
            assertThat(first).as(act + ": provisions found first from two thirds of their words").isGreaterThanOrEqualTo(18);
        }
    }

    @Test
    void aFindingSaysInHowManyOtherActsItsFormulaRecurs() throws IOException {
        int checked = 0;
        int recurring = 0;
        for (Map.Entry<String, ScannedDocument> e : SCANNED.entrySet()) {
            for (Finding f : e.getValue().report().findings()) {
                if (!f.code().equals("BLANKET_DELEGATION") && !f.code().equals("NORM_COLLISION")) {
                    continue;
                }
                String quote = ((ProvisionLocation) f.location()).quote();
                FormulaUse use = index.formulaUse(e.getKey(), f.code(), quote);
                // the truth, counted without Lucene: other acts whose words contain the quote's words in order
                String words = " " + words(quote) + " ";
                long acts = SCANNED.entrySet().stream().filter(o -> !o.getKey().equals(e.getKey()))
                        .filter(o -> o.getValue().document().provisions().stream()
                                .anyMatch(p -> (" " + words(o.getValue().document().textOf(p)) + " ").contains(words)))
                        .count();
                assertThat(use.otherActs()).as("%s «%s» in %s", f.code(), quote, e.getKey()).isEqualTo(acts);
                assertThat(use.provisions()).isGreaterThanOrEqualTo(use.otherActs());
                checked++;
                recurring += acts > 0 ? 1 : 0;
            }
        }
        assertThat(checked).isGreaterThan(20);
        // at least the formulas of 104440, which its second draft repeats
        assertThat(recurring).as("formulas that recur in another act").isGreaterThanOrEqualTo(2);
    }

    @Test
    void anUnknownProvisionIsAClearError() {
        assertThatThrownBy(() -> index.similar("kz-laws_rus_104440", "Article 99", SearchOptions.defaults(), SimilarSettings.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Article 99");
        assertThatThrownBy(() -> index.similar(" ", Language.RU, SearchOptions.defaults(), SimilarSettings.defaults()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String words(String text) {
        StringBuilder b = new StringBuilder();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT).replace('ё', 'е'));
        while (m.find()) {
            b.append(b.isEmpty() ? "" : " ").append(m.group());
        }
        return b.toString();
    }
}
