package org.adaldyq.risk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.finding.Evidence;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.regulation.ConfidenceTable;
import org.adaldyq.risk.report.PairReport.PairedFinding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A minimum confidence on two official versions scanned together is decided per pair: the Kazakh and Russian
 * confidence tables differ (kk VAGUE_TERMS 0.73, ru 0.49), and a version-by-version cut made the same factor
 * in the same provision look like a difference between the versions. A finding both versions have carries the
 * confidence measured for that case (the pair row of {@code confidence.csv}), in both. On the bundled kk/ru twin.
 */
class PairMinimumConfidenceTest {
    private static final Path KK = Path.of("../data/samples/kk/kz-laws_kaz_104440.md");
    private static final Path RU = Path.of("../data/samples/ru/kz-laws_rus_104440.md");
    private static RiskEngine engine;
    private static PairReport all;
    private static ConfidenceTable.PairRow measured;

    @BeforeAll
    static void scan() throws Exception {
        engine = RiskEngine.builder().build();
        all = engine.scanPair(KK, RU);
        measured = engine.confidence().pair(Language.KK, Language.RU).orElseThrow();
    }

    @Test
    void aFindingBothVersionsHaveCarriesTheConfidenceMeasuredForThatCase() throws Exception {
        assertThat(all.findings()).anyMatch(f -> !f.inBoth());
        for (PairedFinding f : all.findings()) {
            for (Finding one : java.util.Arrays.asList(f.first(), f.second())) {
                if (one == null) {
                    continue;
                }
                Language lang = one == f.first() ? Language.KK : Language.RU;
                double own = engine.confidence().get(lang, f.code()).orElseThrow().confidence();
                assertThat(one.confidence()).as(f.toString()).isEqualTo(f.inBoth() ? measured.confidence() : own);
                assertThat(one.evidence()).as(f.toString()).containsExactly(Evidence.of(Evidence.CONFIDENCE, f.inBoth()
                        ? measured.inWords(lang) : engine.confidence().get(lang, f.code()).orElseThrow().inWords(lang)));
            }
            assertThat(f.confidence()).isEqualTo(f.inBoth() ? measured.confidence()
                    : (f.first() != null ? f.first() : f.second()).confidence());
        }
        // each version's report holds the same findings as the pair, and scores as scanning it alone does
        assertThat(all.first().findings()).containsExactlyInAnyOrderElementsOf(
                all.findings().stream().map(PairedFinding::first).filter(java.util.Objects::nonNull).toList());
        assertThat(all.first().score()).isEqualTo(engine.scan(KK).score());
        assertThat(all.second().provisions()).isEqualTo(engine.scan(RU).provisions());
        assertThat(measured.inWords(Language.RU)).contains("обеих официальных версиях", measured.right() + " из " + measured.total());
    }

    @Test
    void aFactorBothVersionsFoundStaysInBothWhenEitherReachesTheMinimum() throws Exception {
        // 0.7: above each language's own confidence of some factors both versions found, below the pair's
        PairReport kept = cutAt(0.7);
        assertThat(kept.findings()).filteredOn(PairedFinding::inBoth).hasSize((int) all.inBoth())
                .anyMatch(f -> engine.confidence().get(Language.RU, f.code()).orElseThrow().confidence() < 0.7);
        PairReport high = cutAt(measured.confidence() + 0.01);
        assertThat(high.findings()).as("above the pair's confidence").hasSizeLessThan(all.findings().size());
        assertThat(high.first().score() + high.second().score()).isLessThan(all.first().score() + all.second().score());
    }

    @Test
    void withoutAPairRowEachVersionKeepsItsOwnConfidence() throws Exception {
        PairReport raw = PairReport.of(engine.scanVersion(KK), engine.scanVersion(RU));
        assertThat(raw.findings()).anyMatch(f -> f.inBoth() && !f.first().confidence().equals(f.second().confidence()));
        PairReport confirmed = raw.confirmedByBoth(0.5, lang -> "both versions, " + lang.code());
        assertThat(confirmed.findings()).hasSameSizeAs(raw.findings());
        for (int i = 0; i < raw.findings().size(); i++) {
            PairedFinding before = raw.findings().get(i);
            PairedFinding after = confirmed.findings().get(i);
            if (before.inBoth()) {
                assertThat(after.first().confidence()).isEqualTo(0.5);
                assertThat(after.second().evidence()).containsExactly(Evidence.of(Evidence.CONFIDENCE, "both versions, ru"));
                assertThat(after.first().location()).isEqualTo(before.first().location());
            } else {
                assertThat(after).isSameAs(before);
            }
        }
        assertThat(confirmed.first().score()).isEqualTo(raw.first().score());
        assertThat(confirmed.second().findings()).contains(confirmed.findings().stream().filter(PairedFinding::inBoth)
                .map(PairedFinding::second).findFirst().orElseThrow());
        assertThatThrownBy(() -> raw.confirmedByBoth(1.2, lang -> "")).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Without a pair row for the two languages each version keeps its own confidence, and a finding both versions
     * have is kept in both when either reaches the minimum: the Word comment of the one below it says so.
     */
    @Test
    void withoutAPairRowAWordCommentKeptBelowTheMinimumSaysTheOtherVersionReachedIt() throws Exception {
        org.adaldyq.risk.report.ScannedDocument ru = engine.scanVersion(RU);
        PairReport raw = PairReport.of(engine.scanVersion(KK), ru).keeping(0.7);
        long below = raw.findings().stream().filter(f -> f.inBoth() && f.second().confidence() < 0.7).count();
        assertThat(below).as("Russian findings the Kazakh version's confidence kept").isPositive();
        java.io.ByteArrayOutputStream docx = new java.io.ByteArrayOutputStream();
        org.adaldyq.risk.report.writer.DocxPairReview.review(raw, ru, false, engine.catalogue(),
                () -> java.nio.file.Files.newInputStream(RU), docx);
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx.toByteArray()))) {
            long said = java.util.Arrays.stream(doc.getComments()).filter(c -> c.getText().contains("Показан, хотя его достоверность ниже 0.70: в версии kk"))
                    .count();
            assertThat(said).isEqualTo(below);
        }
    }

    private static PairReport cutAt(double min) throws Exception {
        PairReport cut = engine.withMinConfidence(min).scanPair(KK, RU);
        List<PairedFinding> expected = all.findings().stream()
                .filter(f -> reaches(f.first(), min) || reaches(f.second(), min)).toList();
        assertThat(cut.findings()).isEqualTo(expected);
        assertThat(cut.inBoth()).isEqualTo(expected.stream().filter(PairedFinding::inBoth).count());
        assertThat(cut.firstOnly() + cut.secondOnly()).isLessThanOrEqualTo(all.firstOnly() + all.secondOnly());
        // each version's report holds exactly the findings of the pair it is part of
        assertThat(cut.first().findings()).containsExactlyInAnyOrderElementsOf(
                expected.stream().map(PairedFinding::first).filter(java.util.Objects::nonNull).toList());
        assertThat(cut.second().findings()).containsExactlyInAnyOrderElementsOf(
                expected.stream().map(PairedFinding::second).filter(java.util.Objects::nonNull).toList());
        return cut;
    }

    @Test
    void thePairSaysWhatMinimumItKeptAndThePageExplainsIt() throws Exception {
        PairReport cut = engine.withMinConfidence(0.7).scanPair(KK, RU);
        assertThat(cut.minConfidence()).isEqualTo(0.7);
        assertThat(all.minConfidence()).isZero();
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(ReportJson.compact().writeValueAsString(cut));
        assertThat(json.get("minConfidence").asDouble()).isEqualTo(0.7);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(ReportJson.compact().writeValueAsString(all))
                .has("minConfidence")).isFalse();
        java.io.StringWriter page = new java.io.StringWriter();
        org.adaldyq.risk.report.writer.HtmlPairReport.write(cut, engine.catalogue(), page);
        assertThat(page.toString()).contains("сенімділігі 0.70"); // the page is in the first version's language
        java.io.StringWriter plain = new java.io.StringWriter();
        org.adaldyq.risk.report.writer.HtmlPairReport.write(all, engine.catalogue(), plain);
        assertThat(plain.toString()).doesNotContain("сенімділігі 0.");
        assertThatThrownBy(() -> new PairReport(all.first(), all.second(), 1, 1, 1, List.of(), 1.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
    }

    @Test
    void noMinimumLeavesThePairAsAligned() throws Exception {
        assertThat(all.keeping(0)).isSameAs(all);
        assertThat(engine.pair(engine.scanVersion(KK), engine.scanVersion(RU))).isEqualTo(all);
        assertThat(all.findings()).anyMatch(PairedFinding::inBoth);
    }

    @Test
    void aReportKeepingSomeFindingsScoresAsTheScannerDoesWithThatCut() throws Exception {
        for (Path file : List.of(KK, RU)) {
            ScanReport full = engine.scan(file);
            for (double min : new double[] {0.5, 0.6, 0.7, 0.8}) {
                ScanReport scanned = engine.withMinConfidence(min).scan(file);
                assertThat(full.keeping(f -> f.confidence() == null || f.confidence() >= min)).as(file + " at " + min)
                        .isEqualTo(scanned);
            }
            assertThat(full.keeping(f -> true)).isSameAs(full);
            ScanReport none = full.keeping(f -> false);
            assertThat(none.findings()).isEmpty();
            assertThat(none.provisions()).isEmpty();
            assertThat(none.score()).isZero();
            assertThat(none.provisionCount()).isEqualTo(full.provisionCount());
        }
    }

    private static boolean reaches(Finding f, double min) {
        return f != null && f.confidence() >= min;
    }
}
