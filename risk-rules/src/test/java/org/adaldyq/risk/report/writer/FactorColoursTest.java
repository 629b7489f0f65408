package org.adaldyq.risk.report.writer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.adaldyq.risk.regulation.FactorCatalogue;
import org.junit.jupiter.api.Test;

/**
 * The pages colour each factor's marks, notes and bars: every built-in factor gets its own colour, far enough
 * from every other's to be told apart at a glance, whatever the catalogue holds besides.
 */
class FactorColoursTest {
    private static final FactorCatalogue BUILT_IN = FactorCatalogue.fromClasspath(FactorColoursTest.class.getClassLoader(),
            "org/adaldyq/risk/rules/regulation/factors.json");

    /** Distance of two colours in a simple perceptual approximation ("redmean"), 0 to about 765. */
    private static double distance(String a, String b) {
        int[] x = rgb(a);
        int[] y = rgb(b);
        double r = (x[0] + y[0]) / 2.0;
        double dr = x[0] - y[0];
        double dg = x[1] - y[1];
        double db = x[2] - y[2];
        return Math.sqrt((2 + r / 256) * dr * dr + 4 * dg * dg + (2 + (255 - r) / 256) * db * db);
    }

    private static int[] rgb(String hex) {
        int v = Integer.parseInt(hex.substring(1), 16);
        return new int[] {v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff};
    }

    @Test
    void everyBuiltInFactorHasAColourUnlikeAnyOther() {
        Map<String, String> colours = HtmlReport.colours(BUILT_IN);
        assertThat(colours).hasSize(14);
        List<String> tooClose = new ArrayList<>();
        List<String> codes = new ArrayList<>(colours.keySet());
        for (int i = 0; i < codes.size(); i++) {
            for (int j = i + 1; j < codes.size(); j++) {
                if (distance(colours.get(codes.get(i)), colours.get(codes.get(j))) < 100) {
                    tooClose.add(codes.get(i) + " " + colours.get(codes.get(i)) + " ~ " + codes.get(j) + " " + colours.get(codes.get(j)));
                }
            }
        }
        assertThat(tooClose).isEmpty();
    }

    @Test
    void aFactorAnAuthorAddsLeavesTheBuiltInColoursAsTheyWere() {
        FactorCatalogue withAuthorFactor = BUILT_IN.merge(FactorCatalogue.read(new java.io.ByteArrayInputStream("""
                [{"code": "AAA_AUTHOR_FACTOR", "severity": "low", "level": "provision", "methodology": "author",
                  "title": {"en": "An author's factor", "ru": "Фактор автора", "kk": "Автордың факторы"},
                  "explanation": {"en": "Why ({triggers}).", "ru": "Почему ({triggers}).", "kk": "Неге ({triggers})."},
                  "recommendation": {"en": "Fix.", "ru": "Исправьте.", "kk": "Түзетіңіз."}}]
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        Map<String, String> before = HtmlReport.colours(BUILT_IN);
        Map<String, String> after = HtmlReport.colours(withAuthorFactor);
        assertThat(after).containsAllEntriesOf(before).containsKey("AAA_AUTHOR_FACTOR");
        assertThat(before.values()).doesNotContain(after.get("AAA_AUTHOR_FACTOR"));
    }
}
