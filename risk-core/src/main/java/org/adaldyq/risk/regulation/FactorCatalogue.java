package org.adaldyq.risk.regulation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.adaldyq.risk.finding.Severity;
import org.adaldyq.risk.lang.Language;

/**
 * The catalogue of corruption-risk factors (codes, severities, names, explanations and
 * recommendations), read from {@code factors.json} of the regulation rule pack. Codes are public
 * identifiers; this is the list rules and reports may use.
 */
public final class FactorCatalogue {

    /**
     * One factor as the catalogue describes it. Texts are keyed by language code, {@code en} always present.
     *
     * @param code           the public factor code ({@code OPTIONAL_POWER})
     * @param severity       the severity of its findings, unless a rule sets its own
     * @param level          {@code provision}: found in one provision; {@code document}: in the text as a whole
     * @param methodology    the methodology sources it follows, for people
     * @param title          short title by language code
     * @param explanation    why it is a risk, by language code
     * @param recommendation how to remove the risk, by language code
     */
    public record Factor(String code, Severity severity, String level, String methodology,
            Map<String, String> title, Map<String, String> explanation, Map<String, String> recommendation) {

        /** True when the factor is judged on the whole document ({@code level} {@code document}), not per provision. */
        public boolean documentLevel() {
            return "document".equals(level);
        }

        /** The title in {@code language}; Kazakh falls back to Russian, anything missing to English. */
        public String title(Language language) {
            return language.pick(title);
        }

        /** Why the factor is a risk, in {@code language}, with the fallbacks of {@link #title}. */
        public String explanation(Language language) {
            return language.pick(explanation);
        }

        /** How to remove the risk, in {@code language}, with the fallbacks of {@link #title}. */
        public String recommendation(Language language) {
            return language.pick(recommendation);
        }
    }

    private final Map<String, Factor> factors;

    private FactorCatalogue(Map<String, Factor> factors) {
        this.factors = factors;
    }

    /** Reads a {@code factors.json} array; every factor needs English texts and a code of its own. */
    public static FactorCatalogue read(InputStream json) {
        try {
            ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
            List<Factor> list = mapper.readValue(json, new TypeReference<List<Factor>>() { });
            Map<String, Factor> byCode = new LinkedHashMap<>();
            for (Factor f : list) {
                if (f.title() == null || !f.title().containsKey("en") || f.explanation() == null
                        || !f.explanation().containsKey("en") || f.recommendation() == null
                        || !f.recommendation().containsKey("en")) {
                    throw new IllegalArgumentException("factor " + f.code() + " needs en title, explanation and recommendation");
                }
                if (byCode.put(f.code(), f) != null) {
                    throw new IllegalArgumentException("duplicate factor code " + f.code());
                }
            }
            return new FactorCatalogue(Map.copyOf(byCode));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the factor catalogue", e);
        }
    }

    /** Reads the catalogue at {@code resource} on the class path of {@code loader}; missing is an error. */
    public static FactorCatalogue fromClasspath(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("factor catalogue not found on the class path: " + resource);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This catalogue with {@code other}'s factors added; a factor of {@code other} replaces one with its code. */
    public FactorCatalogue merge(FactorCatalogue other) {
        Map<String, Factor> merged = new LinkedHashMap<>(factors);
        merged.putAll(other.factors);
        return new FactorCatalogue(Map.copyOf(merged));
    }

    /** The factor of {@code code}, empty when the catalogue has none. */
    public Optional<Factor> get(String code) {
        return Optional.ofNullable(factors.get(code));
    }

    /** Every factor code in the catalogue. */
    public Set<String> codes() {
        return factors.keySet();
    }
}
