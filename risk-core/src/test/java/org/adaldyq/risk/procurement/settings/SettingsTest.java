package org.adaldyq.risk.procurement.settings;

import org.adaldyq.risk.procurement.catalogue.IndicatorCatalogue;
import org.adaldyq.risk.procurement.fact.IndicatorSetting;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {
    @Test
    void cardinalIni() {
        Settings s = Settings.parse("""
                currency = USD
                no_price_comparison_procurement_methods = Lottery | Random
                ; a comment
                [exclusions]
                procurement_method_details = Skip
                [R003]
                threshold = 10
                procurement_methods = open|selective
                [R003.procurement_method_details]
                Quick = 3
                [R024]
                """);
        assertThat(s.currency()).isEqualTo("USD");
        assertThat(s.noPriceComparisonMethods()).containsExactly("Lottery", "Random");
        assertThat(s.comparesPrices("Lottery")).isFalse();
        assertThat(s.comparesPrices("Open")).isTrue();
        assertThat(s.comparesPrices(null)).isTrue();
        assertThat(s.excludedProcurementMethodDetails()).containsExactly("Skip");
        assertThat(s.enabled("R003")).isTrue();
        assertThat(s.enabled("R018")).isFalse();
        IndicatorSetting r003 = s.indicator("R003");
        assertThat(r003.thresholdFor("Quick", 15)).isEqualTo(3);
        assertThat(r003.thresholdFor("Other", 15)).isEqualTo(10);
        assertThat(r003.appliesToMethod("limited")).isFalse();
        assertThat(s.indicator("R024").has("threshold")).isFalse();
    }

    @Test
    void byteOrderMarkIsIgnored() {
        Settings s = Settings.parse("\uFEFFcurrency = KZT\n[R024]\n");
        assertThat(s.currency()).isEqualTo("KZT");
        assertThat(s.enabled("R024")).isTrue();
    }

    @Test
    void numericSettingsMustBeNumbers() {
        // an empty threshold used to disable R024 silently (NaN fence), and an unparsable one to fall back to
        // the default elsewhere; Cardinal rejects such a file, so do we
        assertThatThrownBy(() -> Settings.parse("[R024]\nthreshold =\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threshold");
        assertThatThrownBy(() -> Settings.parse("[R035]\nthreshold = one\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
        assertThat(Settings.parse("[R038]\nthreshold = 0.5\nminimum_submitted_bids = 3\n").indicator("R038")
                .number("minimum_submitted_bids", 2)).isEqualTo(3);
    }

    @Test
    void listsAreSeparatedByBars() {
        Settings s = Settings.parse("price_comparison_procurement_methods = Open tender | Request for quotations|\n"
                + "[exclusions]\nprocurement_method_details = A|B c\n"
                + "[R003]\nprocurement_methods =\n"
                + "[R018]\nprocurement_methods = open\n");
        assertThat(s.priceComparisonMethods()).containsExactly("Open tender", "Request for quotations");
        assertThat(s.excludedProcurementMethodDetails()).containsExactly("A", "B c");
        assertThat(s.indicator("R003").appliesToMethod("limited")).isTrue(); // empty = all
        assertThat(s.indicator("R018").getProcurementMethods()).containsExactly("open");
        assertThat(s.enabled("R024")).isFalse(); // no section, no indicator
        assertThat(s.indicator("R024")).isNull();
    }

    @Test
    void priceComparisonList() {
        Settings s = Settings.parse("price_comparison_procurement_methods = Open\n");
        assertThat(s.comparesPrices("Open")).isTrue();
        assertThat(s.comparesPrices("Direct")).isFalse();
        assertThat(s.comparesPrices(null)).isFalse();
    }

    @Test
    void templateEnablesEveryCardinalIndicatorWithDefaults() throws Exception {
        try (InputStream in = Settings.class.getResourceAsStream("/org/adaldyq/risk/procurement/settings-template.ini")) {
            Settings s = Settings.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            for (String code : IndicatorCatalogue.builtIn().cardinalCodes()) {
                assertThat(s.enabled(code)).as(code).isTrue();
                assertThat(s.section(code)).as(code).isEmpty();
            }
            assertThat(s.currency()).isNull();
            assertThat(s.indicator("R018").getProcurementMethods()).containsExactlyInAnyOrder("open", "selective");
        }
    }
}
