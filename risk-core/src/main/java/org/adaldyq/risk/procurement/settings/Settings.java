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

    /**
     * Reads a settings file, strictly (see {@link #parse(Reader, String, boolean)}); problems name the file
     * and line.
     *
     * @throws IllegalArgumentException when the file is not valid UTF-8 or a setting is refused
     */
    public static Settings read(Path file) {
        return read(file, false);
    }

    /** As {@link #read(Path)}; {@code lenient} keeps Cardinal's tolerance of unknown sections and keys. */
    public static Settings read(Path file, boolean lenient) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            // a FIFO would block the run forever, /dev/zero would fill the heap
            throw new IllegalArgumentException(file + ": not a regular file (a folder, FIFO or device): not read");
        }
        byte[] bytes;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot be read (" + e + ")", e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException(file + ": larger than " + MAX_BYTES / (1 << 20) + " MiB: not a settings file");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not valid UTF-8");
        }
        return parse(new StringReader(text), file.toString(), lenient);
    }

    /** Parses settings text, strictly (see {@link #parse(Reader, String, boolean)}). */
    public static Settings parse(String ini) {
        return parse(new StringReader(ini), "settings", false);
    }

    /** Parses settings, strictly (see {@link #parse(Reader, String, boolean)}). */
    public static Settings parse(Reader ini) {
        return parse(ini, "settings", false);
    }

    private static final String DETAILS = ".procurement_method_details";
    /** Largest settings file read (Cardinal's full file is 10 KB). */
    private static final int MAX_BYTES = 1 << 20;
    /** Numeric settings of indicator sections; checked when the settings are read, as Cardinal does. */
    static final Set<String> NUMERIC_KEYS = Set.of("threshold", "percentile", "digits", "minimum_submitted_bids",
            "minimum_contracting_processes", "minimum_awards", "minimum_amounts", "window_days", "minimum_days",
            "maximum_days", "ratio");
    /**
     * {@code prepare}'s switches, by section: {@code true} or {@code false} (any case), as Cardinal, which refuses a
     * settings file with anything else there ({@code party_roles = yes} would otherwise switch it off unnoticed).
     */
    static final Map<String, Set<String>> BOOLEAN_KEYS = Map.of("defaults", Set.of("party_roles"),
            "modifications", Set.of("move_auctions"), "corrections", Set.of("award_status_by_contract_status"));
    /** Numeric settings that count things: whole numbers (a fraction or 1e20 would silently round). */
    private static final Set<String> COUNT_KEYS = Set.of("digits", "minimum_submitted_bids", "minimum_contracting_processes",
            "minimum_awards");
    /** Longest piece of a bad line quoted in a refusal: the message stays one readable line. */
    private static final int QUOTED = 80;
    /** Every key an indicator section may hold. */
    private static final Set<String> INDICATOR_KEYS = union(NUMERIC_KEYS, Set.of("procurement_methods", "currency",
            "measure", "non_competitive_procurement_method_details"));
    private static final Set<String> TOP_KEYS = Set.of("currency", "no_price_comparison_procurement_methods",
            "price_comparison_procurement_methods");
    /** The other sections and their keys (null: any key, e.g. a codelist's old codes). */
    private static final Map<String, Set<String>> SECTIONS = sections();

    private static Map<String, Set<String>> sections() {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        m.put("exclusions", Set.of("procurement_method_details"));
        m.put("weights", null);
        m.put("defaults", Set.of("currency", "item_classification_scheme", "bid_status", "award_status", "party_roles"));
        m.put("redactions", Set.of("amount", "organization_id"));
        m.put("codelists.bid_status", null);
        m.put("codelists.award_status", null);
        m.put("modifications", Set.of("move_auctions", "prefix_buyer_or_procuring_entity_id",
                "prefix_tenderer_or_supplier_id", "split_procurement_method_details"));
        m.put("corrections", Set.of("award_status_by_contract_status"));
        return m;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new LinkedHashSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }

    /**
     * Parses INI text: {@code ;} and {@code #} start comment lines; {@code key = value}; {@code [section]}. A
     * leading byte-order mark is ignored. A numeric setting ({@link #NUMERIC_KEYS}) of an indicator section
     * that is empty or not a number is always an error: silently falling back (or, for {@code threshold},
     * disabling the flag) would give other results than Cardinal, which rejects such a file.
     *
     * <p>Strict (the default) also refuses what would otherwise run silently wrong: an unknown section
     * ({@code [R03]} would switch R003 off) or key ({@code treshold}), a key or section given twice, a number
     * that is not finite or out of range ({@code percentile = 150}, a negative threshold or window).
     * {@code lenient} keeps Cardinal's tolerance of those.
     *
     * @param source names the settings in messages: {@code source:LINE: message}
     * @throws IllegalArgumentException naming the line of the first problem
     */
    public static Settings parse(Reader ini, String source, boolean lenient) {
        Map<String, String> top = new LinkedHashMap<>();
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = top;
        String section = null;
        Map<String, Integer> sectionLines = new LinkedHashMap<>();
        try (BufferedReader r = new BufferedReader(ini)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (n == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (!lenient) {
                    checkText(line, source, n);
                }
                String t = line.strip();
                if (t.isEmpty() || t.startsWith(";") || t.startsWith("#")) {
                    continue;
                }
                if (t.startsWith("[") && t.endsWith("]")) {
                    section = t.substring(1, t.length() - 1).strip();
                    if (!lenient) {
                        checkSection(section, sections.containsKey(section), source, n);
                    }
                    current = sections.computeIfAbsent(section, k -> new LinkedHashMap<>());
                    sectionLines.putIfAbsent(section, n);
                    continue;
                }
                int eq = t.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException(source + ":" + n + ": expected key = value: " + quoted(t));
                }
                String key = t.substring(0, eq).strip();
                String value = t.substring(eq + 1).strip();
                boolean indicator = section != null && IndicatorCatalogue.builtIn().flagCodes().contains(section);
                if (indicator && NUMERIC_KEYS.contains(key)) {
                    double v;
                    try {
                        v = Double.parseDouble(value);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(source + ":" + n + ": " + quoted(key) + " is not a number: '" + quoted(value) + "'");
                    }
                    if (!lenient) {
                        checkRange(key, v, value, source, n);
                    }
                }
                if (section != null && BOOLEAN_KEYS.getOrDefault(section, Set.of()).contains(key)
                        && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException(source + ":" + n + ": " + key + " must be true or false: '" + quoted(value) + "'");
                }
                if (!lenient) {
                    checkKey(section, key, indicator, value, source, n);
                    if (current.containsKey(key)) {
                        throw new IllegalArgumentException(source + ":" + n + ": " + key + " is set twice"
                                + (section == null ? "" : " in [" + section + "]"));
                    }
                }
                current.put(key, value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!lenient) {
            checkDetailsHaveTheirIndicator(sections, sectionLines, source);
        }
        return new Settings(top, sections);
    }

    /** A line with control characters (a NUL, say) is not settings text: {@code 10\0} would read as 10. */
    private static void checkText(String line, String source, int n) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                        "%s:%d: control character U+%04X in the line (not a settings text file?)", source, n, (int) c));
            }
        }
    }

    /**
     * {@code [R003.procurement_method_details]} without {@code [R003]}: the indicator does not run, so its
     * thresholds would do nothing, silently.
     */
    private static void checkDetailsHaveTheirIndicator(Map<String, Map<String, String>> sections, Map<String, Integer> lines,
                                                      String source) {
        for (var e : lines.entrySet()) {
            String section = e.getKey();
            if (section.endsWith(DETAILS)) {
                String indicator = section.substring(0, section.length() - DETAILS.length());
                if (!sections.containsKey(indicator)) {
                    throw new IllegalArgumentException(source + ":" + e.getValue() + ": [" + section + "] without [" + indicator
                            + "]: " + indicator + " does not run, so these thresholds would do nothing; add [" + indicator
                            + "] or remove the section");
                }
            }
        }
    }

    /** {@code text}, cut to {@link #QUOTED} characters with its length said when longer. */
    private static String quoted(String text) {
        return text.length() <= QUOTED ? text : text.substring(0, QUOTED) + "… (" + text.length() + " characters)";
    }

    private static void checkSection(String section, boolean seen, String source, int n) {
        if (seen) {
            throw new IllegalArgumentException(source + ":" + n + ": section [" + section + "] is given twice");
        }
        String indicator = section.endsWith(DETAILS) ? section.substring(0, section.length() - DETAILS.length()) : section;
        if (IndicatorCatalogue.builtIn().flagCodes().contains(indicator) || SECTIONS.containsKey(section)) {
            return;
        }
        String hint = IndicatorCatalogue.builtIn().codes().stream()
                .filter(c -> c.replace("0", "").equalsIgnoreCase(indicator.replace("0", ""))).findFirst()
                .map(c -> " (did you mean [" + c + "]?)").orElse("");
        throw new IllegalArgumentException(source + ":" + n + ": unknown section [" + quoted(section) + "]" + hint
                + "; sections are flag codes (R001-R073), [CODE.procurement_method_details] and "
                + String.join(", ", SECTIONS.keySet().stream().map(k -> "[" + k + "]").toList()));
    }

    private static void checkKey(String section, String key, boolean indicator, String value, String source, int n) {
        Set<String> known;
        if (section == null) {
            known = TOP_KEYS;
        } else if (indicator) {
            known = INDICATOR_KEYS;
        } else if (section.endsWith(DETAILS)) {
            try {
                double v = Double.parseDouble(value);
                if (!Double.isFinite(v)) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ":" + n + ": [" + section + "] " + quoted(key) + " is not a number: '"
                        + quoted(value) + "'");
            }
            return;
        } else {
            known = SECTIONS.get(section);
        }
        if (known != null && !known.contains(key)) {
            throw new IllegalArgumentException(source + ":" + n + ": unknown setting " + quoted(key)
                    + (section == null ? " at the top" : " in [" + section + "]") + "; known: " + String.join(", ", new java.util.TreeSet<>(known)));
        }
        if ("weights".equals(section)) {
            double w;
            try {
                w = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ":" + n + ": weight of " + quoted(key) + " is not a number: '" + quoted(value) + "'");
            }
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException(source + ":" + n + ": weight of " + quoted(key) + " must be a finite number, not negative: "
                        + quoted(value));
            }
        }
    }

    private static void checkRange(String key, double v, String text, String source, int n) {
        String problem = null;
        if (!Double.isFinite(v)) {
            problem = "is not a finite number";
        } else if (key.equals("percentile") && !(v >= 0 && v <= 100)) {
            problem = "must be between 0 and 100";
        } else if (key.equals("digits") && !(v >= 1 && v == Math.rint(v) && v <= Integer.MAX_VALUE)) {
            problem = "must be a whole number of at least 1";
        } else if (COUNT_KEYS.contains(key) && !(v == Math.rint(v) && v <= Integer.MAX_VALUE)) {
            problem = "must be a whole number (a count)";
        } else if (v < 0) {
            problem = "must not be negative";
        }
        if (problem != null) {
            throw new IllegalArgumentException(source + ":" + n + ": " + key + " " + problem + ": " + quoted(text));
        }
    }

    /**
     * These settings with the main {@code currency} set (null: the first currency seen), as if the file
     * said {@code currency = ...}: a distributed run fixes the currency a single run would see first.
     */
    public Settings withCurrency(String currency) {
        Map<String, String> t = new LinkedHashMap<>(top);
        if (currency == null) {
            t.remove("currency");
        } else {
            t.put("currency", currency);
        }
        return new Settings(t, sections);
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
        section(code + DETAILS).forEach((k, v) -> {
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
