package org.adaldyq.risk.procurement.catalogue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.adaldyq.risk.lang.Language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The catalogue of procurement red flags, read from {@code indicators.json} of the procurement rule pack
 * (in the {@code risk-rules} jar), in its order: Cardinal's eleven, then the flags beyond Cardinal.
 * Immutable and thread-safe.
 */
public final class IndicatorCatalogue {
    /** Where the built-in catalogue lives on the class path. */
    public static final String RESOURCE = "org/adaldyq/risk/rules/procurement/indicators.json";
    private static final Set<String> LEVELS = Set.of("process", "organisation");
    private static volatile IndicatorCatalogue builtIn;

    /**
     * One red flag as the catalogue describes it. Texts are keyed by language code, {@code en} always present.
     *
     * @param code           the flag code of OCP's catalogue ({@code R003}; {@code R018B} for a variant)
     * @param cardinal       whether OCP's Cardinal computes it (then our output matches Cardinal's)
     * @param level          {@code process}: raised on a contracting process, a component of its CRI;
     *                       {@code organisation}: raised on buyers or tenderers only
     * @param dataset        whether it is relative to the whole data set (fences, windows, shares)
     * @param groups         the groups of Cardinal's output it flags ({@code OCID}, {@code Buyer}, …)
     * @param computable     the name of the data requirement a process must meet for the flag to be computed
     *                       ({@code always} when none); see {@code procurement.fact.Computability}
     * @param needs          the OCDS fields it reads, for people
     * @param defaults       its settings' defaults (INI key → value) where the settings file is silent
     * @param statistic      for a dataset flag, the statistic computed over the whole data set for it
     *                       (see {@code procurement.stats.DatasetStatistics}); null otherwise
     * @param fence          for a flag judged by a Tukey fence of its statistic: {@code low} or {@code high}
     * @param title          short title by language code
     * @param explanation    why it is a risk, by language code
     * @param recommendation what to check or do, by language code
     */
    public record Indicator(String code, boolean cardinal, String level, boolean dataset, List<String> groups,
                            String computable, List<String> needs, Map<String, String> defaults,
                            String statistic, String fence,
                            Map<String, String> title, Map<String, String> explanation,
                            Map<String, String> recommendation) {
        /** Requires a code; null lists and maps become empty, the others are copied. */
        public Indicator {
            Objects.requireNonNull(code, "code");
            groups = groups == null ? List.of() : List.copyOf(groups);
            needs = needs == null ? List.of() : List.copyOf(needs);
            defaults = defaults == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
            title = title == null ? Map.of() : Map.copyOf(title);
            explanation = explanation == null ? Map.of() : Map.copyOf(explanation);
            recommendation = recommendation == null ? Map.of() : Map.copyOf(recommendation);
            computable = computable == null ? "always" : computable;
        }

        /** A component of a process's CRI (raised on the process itself). */
        public boolean processLevel() {
            return "process".equals(level);
        }

        /** The title in {@code language} ({@code en}, {@code ru}, {@code kk}); Kazakh falls back to Russian, else English. */
        public String title(String language) {
            return text(title, language);
        }

        /** Why the flag is a risk, in {@code language}, with the same fallbacks as {@link #title}. */
        public String explanation(String language) {
            return text(explanation, language);
        }

        /** What to check or do, in {@code language}, with the same fallbacks as {@link #title}. */
        public String recommendation(String language) {
            return text(recommendation, language);
        }

        private static String text(Map<String, String> texts, String language) {
            return Language.fromCode(language).orElse(Language.EN).pick(texts);
        }
    }

    private final Map<String, Indicator> byCode;
    private final Set<String> flagCodes;

    private IndicatorCatalogue(Map<String, Indicator> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
        java.util.SortedSet<String> codes = new java.util.TreeSet<>(byCode.keySet());
        for (int i = 1; i <= 73; i++) {
            codes.add(String.format("R%03d", i));
        }
        this.flagCodes = Collections.unmodifiableSortedSet(codes);
    }

    /**
     * Reads a catalogue.
     *
     * @throws IllegalArgumentException when an entry lacks its English texts, has an unknown level or
     *                                  repeats a code
     */
    public static IndicatorCatalogue read(InputStream json) {
        try {
            ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
            List<Indicator> list = mapper.readValue(json, new TypeReference<List<Indicator>>() { });
            Map<String, Indicator> byCode = new LinkedHashMap<>();
            for (Indicator i : list) {
                if (!i.title().containsKey("en") || !i.explanation().containsKey("en") || !i.recommendation().containsKey("en")) {
                    throw new IllegalArgumentException("indicator " + i.code() + " needs en title, explanation and recommendation");
                }
                if (!LEVELS.contains(i.level())) {
                    throw new IllegalArgumentException("indicator " + i.code() + ": level must be process or organisation, not " + i.level());
                }
                if (byCode.put(i.code(), i) != null) {
                    throw new IllegalArgumentException("duplicate indicator code " + i.code());
                }
            }
            return new IndicatorCatalogue(byCode);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read the indicator catalogue: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the indicator catalogue", e);
        }
    }

    /**
     * The built-in catalogue, read once per JVM from the class path.
     *
     * @throws IllegalStateException when the {@code org.adaldyq:risk-rules} jar is not on the class path
     */
    public static IndicatorCatalogue builtIn() {
        IndicatorCatalogue c = builtIn;
        if (c == null) {
            synchronized (IndicatorCatalogue.class) {
                c = builtIn;
                if (c == null) {
                    builtIn = c = fromClasspath(IndicatorCatalogue.class.getClassLoader());
                }
            }
        }
        return c;
    }

    /** Reads the catalogue from {@code loader}'s class path. */
    public static IndicatorCatalogue fromClasspath(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the procurement indicator catalogue (" + RESOURCE + ") is not on the class "
                        + "path: add the org.adaldyq:risk-rules dependency, which holds the built-in rule packs");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every indicator, in catalogue order. */
    public List<Indicator> indicators() {
        return List.copyOf(byCode.values());
    }

    /** Every code, in catalogue order. */
    public List<String> codes() {
        return List.copyOf(byCode.keySet());
    }

    /** The eleven flags Cardinal computes, in its order. */
    public List<String> cardinalCodes() {
        return byCode.values().stream().filter(Indicator::cardinal).map(Indicator::code).toList();
    }

    /** The flags beyond Cardinal. */
    public List<String> extendedCodes() {
        return byCode.values().stream().filter(i -> !i.cardinal()).map(Indicator::code).toList();
    }

    /** The flags raised on processes: the components of a process's CRI. */
    public List<String> processCodes() {
        return byCode.values().stream().filter(Indicator::processLevel).map(Indicator::code).toList();
    }

    /**
     * Every code a flag may have: the catalogue's, and any code of OCP's "Red flags in public procurement"
     * (R001–R073), which author rules may implement. Sorted; what rules may declare and settings may name.
     */
    public Set<String> flagCodes() {
        return flagCodes;
    }

    /** The indicator of {@code code}, or null when the catalogue has none (an author's own flag). */
    public Indicator find(String code) {
        return byCode.get(code);
    }

    /** True when the catalogue describes {@code code}. */
    public boolean contains(String code) {
        return byCode.containsKey(code);
    }
}
