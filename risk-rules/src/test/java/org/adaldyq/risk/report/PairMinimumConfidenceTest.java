package org.adaldyq.risk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.report.PairReport.PairedFinding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A minimum confidence on two official versions scanned together is decided per pair: the Kazakh and Russian
 * confidence tables differ (kk VAGUE_TERMS 0.73, ru 0.49), and a version-by-version cut made the same factor
 * in the same provision look like a difference between the versions. On the bundled kk/ru twin.
 */
class PairMinimumConfidenceTest {
    private static final Path KK = Path.of("../data/samples/kk/kz-laws_kaz_104440.md");
    private static final Path RU = Path.of("../data/samples/ru/kz-laws_rus_104440.md");
    private static RiskEngine engine;
    private static PairReport all;

    @BeforeAll
    static void scan() throws Exception {
        engine = RiskEngine.builder().build();
        all = engine.scanPair(KK, RU);
    }

    @Test
    void aFactorBothVersionsFoundStaysInBothWhenEitherReachesTheMinimum() throws Exception {
        cutAt(0.6);
        PairReport high = cutAt(0.7);
        assertThat(high.findings()).as("a factor below 0.7 in both versions goes").hasSizeLessThan(all.findings().size());
        assertThat(high.first().score() + high.second().score()).isLessThan(all.first().score() + all.second().score());
    }

    private static PairReport cutAt(double min) throws Exception {
        PairReport cut = engine.withMinConfidence(min).scanPair(KK, RU);
        List<PairedFinding> expected = all.findings().stream()
                .filter(f -> reaches(f.first(), min) || reaches(f.second(), min)).toList();
        assertThat(cut.findings()).isEqualTo(expected);
        // the case this is about: both versions found it, one version's confidence is below the minimum
        assertThat(cut.findings()).anyMatch(f -> f.inBoth() && (f.first().confidence() < min || f.second().confidence() < min));
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
