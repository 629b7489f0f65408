package org.adaldyq.risk.procurement.settings;

import org.adaldyq.risk.procurement.catalogue.IndicatorCatalogue;
import org.adaldyq.risk.procurement.fact.IndicatorSetting;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Run settings in Cardinal's INI format: top-level {@code currency},
 * {@code no_price_comparison_procurement_methods}, {@code price_comparison_procurement_methods};
 * {@code [exclusions] procurement_method_details}; and one {@code [Rxxx]} section per enabled indicator
 * ({@code [R003.procurement_method_details]} maps method details to R003 thresholds). Lists are separated
 * by {@code |}. Immutable.
 */
public final class Settings {
    private final Map<String, String> top;
    private final Map<String, Map<String, String>> sections;

    private Settings(Map<String, String> top, Map<String, Map<String, String>> sections) {
        this.top = Collections.unmodifiableMap(top);
        this.sections = Collections.unmodifiableMap(sections);
    }

    /** No settings file: every indicator of the built-in catalogue enabled with its defaults. */
    public static Settings defaults() {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        for (String c : IndicatorCatalogue.builtIn().codes()) {
            sections.put(c, Map.of());
        }
        return new Settings(new LinkedHashMap<>(), sections);
    }

    /** Reads and {@linkplain #parse(Reader) parses} a UTF-8 settings file; an I/O failure is unchecked. */
    public static Settings read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses INI text, as {@link #parse(Reader)}. */
    public static Settings parse(String ini) {
        return parse(new StringReader(ini));
    }

    /** Settings whose value must be a number (checked when the settings are read, as Cardinal does). */
    static final Set<String> NUMERIC_KEYS = Set.of("threshold", "percentile", "digits", "minimum_submitted_bids",
            "minimum_contracting_processes", "minimum_awards", "minimum_amounts", "window_days", "minimum_days",
            "maximum_days", "ratio");

    /**
     * Parses INI text: {@code ;} and {@code #} start comment lines; {@code key = value}; {@code [section]}. A
     * leading byte-order mark is ignored. A numeric setting ({@link #NUMERIC_KEYS}) of an indicator section that
     * is empty or not a number is an error: silently falling back (or, for {@code threshold}, disabling the
     * flag) would give other results than Cardinal, which rejects such a file.
     */
    public static Settings parse(Reader ini) {
        Map<String, String> top = new LinkedHashMap<>();
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = top;
        try (BufferedReader r = new BufferedReader(ini)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (n == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                String t = line.strip();
                if (t.isEmpty() || t.startsWith(";") || t.startsWith("#")) {
                    continue;
                }
                if (t.startsWith("[") && t.endsWith("]")) {
                    current = sections.computeIfAbsent(t.substring(1, t.length() - 1).strip(), k -> new LinkedHashMap<>());
                    continue;
                }
                int eq = t.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("settings line " + n + ": expected key = value: " + t);
                }
                String key = t.substring(0, eq).strip();
                String value = t.substring(eq + 1).strip();
                if (current != top && NUMERIC_KEYS.contains(key)) {
                    try {
                        Double.parseDouble(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("settings line " + n + ": " + key + " is not a number: '" + value + "'");
                    }
                }
                current.put(key, value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Settings(top, sections);
    }

    /** The main currency, or null to use the first currency seen. */
    public String currency() {
        String c = top.get("currency");
        return c == null || c.isEmpty() ? null : c;
    }

    /**
     * {@code no_price_comparison_procurement_methods}: method details that never compare prices; empty when not set.
     */
    public Set<String> noPriceComparisonMethods() {
        return split(top.get("no_price_comparison_procurement_methods"));
    }

    /** Null when not set (then every method not in the "no" list compares prices). */
    public Set<String> priceComparisonMethods() {
        String v = top.get("price_comparison_procurement_methods");
        return v == null ? null : split(v);
    }

    /** {@code [exclusions] procurement_method_details}: processes skipped by every indicator. */
    public Set<String> excludedProcurementMethodDetails() {
        return split(section("exclusions").get("procurement_method_details"));
    }

    /**
     * Does a process with these method details compare prices? (R024, R028, R036, R058.) A process without
     * method details is excluded only when {@code price_comparison_procurement_methods} is set.
     */
    public boolean comparesPrices(String procurementMethodDetails) {
        Set<String> yes = priceComparisonMethods();
        if (procurementMethodDetails == null) {
            return yes == null;
        }
        if (noPriceComparisonMethods().contains(procurementMethodDetails)) {
            return false;
        }
        return yes == null || yes.contains(procurementMethodDetails);
    }

    /** True when the settings have a {@code [code]} section: only those indicators run. */
    public boolean enabled(String code) {
        return sections.containsKey(code);
    }

    /** The raw keys of a section, empty when absent. */
    public Map<String, String> section(String name) {
        Map<String, String> s = sections.get(name);
        return s == null ? Map.of() : Collections.unmodifiableMap(s);
    }

    /** The setting fact of an enabled indicator, null when its section is absent. */
    public IndicatorSetting indicator(String code) {
        if (!enabled(code)) {
            return null;
        }
        Map<String, String> s = section(code);
        Map<String, Double> byDetails = new LinkedHashMap<>();
        section(code + ".procurement_method_details").forEach((k, v) -> {
            try {
                byDetails.put(k, Double.parseDouble(v));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("[" + code + ".procurement_method_details] " + k + ": not a number: " + v);
            }
        });
        IndicatorCatalogue.Indicator entry = IndicatorCatalogue.builtIn().find(code);
        Map<String, String> defaults = entry == null ? Map.of() : entry.defaults();
        Set<String> methods = split(s.containsKey("procurement_methods") ? s.get("procurement_methods")
                : defaults.get("procurement_methods"));
        return new IndicatorSetting(code, s, defaults, methods, byDetails);
    }

    /** The setting facts of every enabled indicator among {@code codes}. */
    public List<IndicatorSetting> indicators(List<String> codes) {
        return codes.stream().map(this::indicator).filter(java.util.Objects::nonNull).collect(Collectors.toList());
    }

    /** A list setting: items separated by {@code |}, stripped, empty ones dropped, in order. */
    public static Set<String> split(String v) {
        if (v == null || v.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(v.split("\\|")).map(String::strip).filter(x -> !x.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
