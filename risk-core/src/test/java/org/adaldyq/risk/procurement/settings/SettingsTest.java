package org.adaldyq.risk.procurement.settings;

import org.adaldyq.risk.procurement.catalogue.IndicatorCatalogue;
import org.adaldyq.risk.procurement.fact.IndicatorSetting;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

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
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("settings:2: ");
        assertThat(Settings.parse("[R038]\nthreshold = 0.5\nminimum_submitted_bids = 3\n").indicator("R038")
                .number("minimum_submitted_bids", 2)).isEqualTo(3);
    }

    /** What would otherwise run silently wrong is refused with its line (issue 11, part 4); --lenient allows it. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "[R03]                                       | 1 | unknown section [R03] (did you mean [R003]?)",
        "[Exclusions]\\nprocurement_method_details = x | 1 | unknown section [Exclusions]",
        "[R003]\\ntreshold = 5                      | 2 | unknown setting treshold in [R003]",
        "curency = KZT                               | 1 | unknown setting curency at the top",
        "[R025]\\npercentile = 150                  | 2 | percentile must be between 0 and 100",
        "[R003]\\nthreshold = NaN                   | 2 | threshold is not a finite number",
        "[R024]\\nthreshold = Infinity              | 2 | threshold is not a finite number",
        "[R060]\\nthreshold = -5                    | 2 | threshold must not be negative",
        "[R048]\\ndigits = 2.5                      | 2 | digits must be a whole number",
        "[R003]\\nthreshold = 5\\nthreshold = 6      | 3 | threshold is set twice in [R003]",
        "[R003]\\n[R018]\\n[R003]                   | 3 | section [R003] is given twice",
        "[weights]\\nR003 = -7                       | 2 | weight of R003 must be a finite number, not negative",
        "[R003.procurement_method_details]\\nQuick = soon | 2 | Quick is not a number",
        "[R038]\\nminimum_submitted_bids = 2.5      | 2 | minimum_submitted_bids must be a whole number",
        "[R038]\\nminimum_contracting_processes = 1e20 | 2 | minimum_contracting_processes must be a whole number",
        "[R048]\\ndigits = 99999999999999999999     | 2 | digits must be a whole number",
        "[R003]\\nthreshold = 1\u00005             | 2 | control character U+0000",
        "[R003.procurement_method_details]\\nQuick = 5 | 1 | [R003.procurement_method_details] without [R003]",
    })
    void strictSettingsRefuseWhatWouldRunSilentlyWrong(String ini, int line, String message) {
        String text = ini.replace("\\n", "\n");
        assertThatThrownBy(() -> Settings.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("settings:" + line + ": ").hasMessageContaining(message);
    }

    /** A refusal quotes at most 80 characters of the bad line: a 1 MB value made a 1 MB error line. */
    @Test
    void aRefusalQuotesLongValuesShort() {
        for (String ini : List.of("[R003]\nthreshold = " + "1".repeat(1_000_000), "[" + "R".repeat(100_000) + "]",
                "[R003]\nthreshold = 1" + "x".repeat(10_000), "[".repeat(10_000))) {
            assertThatThrownBy(() -> Settings.parse(ini)).isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400).doesNotContain("\n"));
        }
    }

    /**
     * A settings path that is not a regular file is refused before it is opened: a FIFO blocked the run
     * forever, /dev/zero filled the heap (an OutOfMemoryError and its stack trace); too big a file is refused.
     */
    @Test
    void aSettingsPathThatIsNoSettingsFileIsRefusedWithoutReadingIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        java.nio.file.Path fifo = tmp.resolve("fifo.ini");
        boolean made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        java.nio.file.Path big = java.nio.file.Files.write(tmp.resolve("big.ini"), new byte[(1 << 20) + 1]);
        List<java.nio.file.Path> paths = new java.util.ArrayList<>(List.of(tmp, tmp.resolve("missing.ini"), big));
        if (made) {
            paths.add(fifo);
        }
        if (java.nio.file.Files.exists(java.nio.file.Path.of("/dev/zero"))) {
            paths.add(java.nio.file.Path.of("/dev/zero"));
        }
        for (java.nio.file.Path p : paths) {
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () ->
                    assertThatThrownBy(() -> Settings.read(p)).isInstanceOf(IllegalArgumentException.class)
                            .hasMessageStartingWith(p + ": "));
        }
    }

    @Test
    void lenientSettingsKeepCardinalsTolerance() {
        Settings s = Settings.parse(new java.io.StringReader("[R03]\n[R003]\ntreshold = 5\nthreshold = 3\nthreshold = 4\n"),
                "s.ini", true);
        assertThat(s.enabled("R003")).isTrue();
        assertThat(s.indicator("R003").number("threshold", 15)).isEqualTo(4); // the last one wins
    }

    @Test
    void everySectionAndKeyTheProductWritesIsAccepted() {
        // the settings the docs and example cases use (init's file is checked by a CLI test)
        Settings.parse("currency = KZT\nno_price_comparison_procurement_methods = Lottery\n"
                + "price_comparison_procurement_methods = Open\n[exclusions]\nprocurement_method_details = A\n"
                + "[R003]\nthreshold = 10\nprocurement_methods = open\n[R003.procurement_method_details]\nQuick = 5\n"
                + "[R010]\nthreshold = 100\nnon_competitive_procurement_method_details = Direct\n[R011]\ncurrency = KZT\n"
                + "window_days = 30\ndigits = 4\n[R025]\npercentile = 75\n[R038]\nminimum_submitted_bids = 2\n"
                + "minimum_contracting_processes = 2\n[R040]\nmeasure = value\nminimum_awards = 10\n[R029]\n"
                + "minimum_amounts = 100\n[R031]\nratio = 0.99\n[R061]\nminimum_days = 1\n[R062]\nmaximum_days = 60\n"
                + "[weights]\nR003 = 1\n[defaults]\ncurrency = KZT\nitem_classification_scheme = CPV\nbid_status = valid\n"
                + "award_status = active\nparty_roles = true\n[redactions]\namount = 0\norganization_id = x\n"
                + "[codelists.bid_status]\nActive = valid\n[codelists.award_status]\nDone = active\n"
                + "[modifications]\nmove_auctions = true\nprefix_buyer_or_procuring_entity_id = B-\n"
                + "prefix_tenderer_or_supplier_id = T-\nsplit_procurement_method_details = -\n"
                + "[corrections]\naward_status_by_contract_status = true\n[R070]\n");
    }

    /** prepare's switches take true or false only, strict or lenient: «yes» would otherwise switch one off unnoticed. */
    @Test
    void aSwitchThatIsNeitherTrueNorFalseIsRefusedWithItsLine() {
        for (boolean lenient : new boolean[] {false, true}) {
            assertThatThrownBy(() -> Settings.parse(new java.io.StringReader("[defaults]\ncurrency = KZT\nparty_roles = yes\n"), "s.ini", lenient))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("s.ini:3: party_roles must be true or false: 'yes'");
            assertThatThrownBy(() -> Settings.parse(new java.io.StringReader("[modifications]\nmove_auctions = 1\n"), "s.ini", lenient))
                    .hasMessage("s.ini:2: move_auctions must be true or false: '1'");
            assertThatThrownBy(() -> Settings.parse(new java.io.StringReader("[corrections]\naward_status_by_contract_status =\n"), "s.ini", lenient))
                    .hasMessage("s.ini:2: award_status_by_contract_status must be true or false: ''");
        }
        // true and false in any case are accepted
        Settings.parse(new java.io.StringReader("[defaults]\nparty_roles = FALSE\n[modifications]\nmove_auctions = True\n"), "s.ini", false);
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
