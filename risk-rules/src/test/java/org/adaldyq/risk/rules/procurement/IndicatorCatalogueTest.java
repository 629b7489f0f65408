package org.adaldyq.risk.rules.procurement;

import org.adaldyq.risk.procurement.catalogue.IndicatorCatalogue;
import org.adaldyq.risk.procurement.fact.Computability;
import org.adaldyq.risk.procurement.rules.RuleBook;
import org.adaldyq.risk.procurement.rules.RuleInfo;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code indicators.json}, the DRL pack and its example cases cannot drift apart: every DRL code has an
 * entry and every entry a rule and examples; defaults in the catalogue are the DRL's fallbacks; every
 * entry names a data requirement the engine knows and has its texts in en, ru and kk.
 */
class IndicatorCatalogueTest {
    static final Path PACK = Path.of("src/main/resources/org/adaldyq/risk/rules/procurement");
    static final IndicatorCatalogue CATALOGUE = IndicatorCatalogue.builtIn();

    @Test
    void everyRuleCodeHasAnEntryAndEveryEntryARuleAndExamples() {
        Map<String, RuleInfo> rules = RuleBook.fromClasspath().rules();
        assertThat(CATALOGUE.codes()).containsExactlyInAnyOrderElementsOf(rules.keySet());
        for (IndicatorCatalogue.Indicator i : CATALOGUE.indicators()) {
            assertThat(rules.get(i.code()).title()).as(i.code()).isEqualTo(i.title("en"));
            assertThat(PACK.resolve(i.code() + ".examples.jsonl")).as(i.code() + " has example cases").exists();
        }
    }

    @Test
    void cardinalsElevenInItsOrder() {
        assertThat(CATALOGUE.cardinalCodes()).containsExactly(
                "R003", "R018", "R024", "R025", "R028", "R030", "R035", "R036", "R038", "R048", "R058");
    }

    @Test
    void entriesAreComplete() {
        for (IndicatorCatalogue.Indicator i : CATALOGUE.indicators()) {
            assertThat(Computability.REQUIREMENTS).as(i.code()).contains(i.computable());
            assertThat(i.groups()).as(i.code()).isNotEmpty().isSubsetOf("OCID", "Buyer", "ProcuringEntity", "Tenderer");
            assertThat(i.processLevel()).as(i.code() + ": a process-level flag flags the OCID group")
                    .isEqualTo(i.groups().contains("OCID"));
            for (String lang : List.of("en", "ru", "kk")) {
                assertThat(i.title()).as(i.code()).containsKey(lang);
                assertThat(i.explanation()).as(i.code()).containsKey(lang);
                assertThat(i.recommendation()).as(i.code()).containsKey(lang);
            }
            assertThat(i.needs()).as(i.code()).isNotEmpty();
            assertThat(i.statistic() != null).as(i.code() + ": a dataset flag names its statistic").isEqualTo(i.dataset());
            if (i.statistic() != null) {
                assertThat(org.adaldyq.risk.procurement.stats.DatasetStatistics.STATISTICS).as(i.code()).contains(i.statistic());
            }
            assertThat(i.fence()).as(i.code()).isIn(null, "low", "high");
        }
    }

    /** A DRL fallback ({@code $s.number("threshold", 15)}) that differs from the catalogue default is drift. */
    @Test
    void catalogueDefaultsAreTheRulesFallbacks() throws Exception {
        Pattern rule = Pattern.compile("\\nrule \"");
        Pattern code = Pattern.compile("@code\\(\"(R\\d+B?)\"\\)");
        Pattern fallback = Pattern.compile("(?:number\\(\"([a-z_]+)\",\\s*|thresholdFor\\([^,]+,\\s*)([0-9.]+)\\)");
        int checked = 0;
        try (Stream<Path> files = Files.list(PACK)) {
            for (Path drl : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                String[] blocks = rule.split(Files.readString(drl));
                for (int b = 1; b < blocks.length; b++) {
                    Matcher c = code.matcher(blocks[b]);
                    assertThat(c.find()).isTrue();
                    Map<String, String> defaults = CATALOGUE.find(c.group(1)).defaults();
                    Matcher m = fallback.matcher(blocks[b]);
                    while (m.find()) {
                        String key = m.group(1) == null ? "threshold" : m.group(1);
                        assertThat(Double.parseDouble(defaults.getOrDefault(key, "NaN"))).as(drl.getFileName() + " " + c.group(1) + " " + key)
                                .isEqualTo(Double.parseDouble(m.group(2)));
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void aBrokenCatalogueIsAClearError() {
        String noTexts = "[{\"code\":\"R003\",\"cardinal\":true,\"level\":\"process\",\"dataset\":false,\"groups\":[\"OCID\"],"
                + "\"computable\":\"always\",\"needs\":[],\"defaults\":{},\"title\":{},\"explanation\":{},\"recommendation\":{}}]";
        assertThatThrownBy(() -> IndicatorCatalogue.read(new ByteArrayInputStream(noTexts.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("R003");
        String unknownField = noTexts.replace("\"needs\"", "\"colour\":\"red\",\"needs\"");
        assertThatThrownBy(() -> IndicatorCatalogue.read(new ByteArrayInputStream(unknownField.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("colour");
        assertThat(CATALOGUE.find("R999")).isNull();
    }
}
