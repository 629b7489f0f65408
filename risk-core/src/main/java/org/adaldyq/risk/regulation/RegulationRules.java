package org.adaldyq.risk.regulation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.lexicon.Lexicon;
import org.adaldyq.risk.lexicon.LexiconException;
import org.adaldyq.risk.rules.BuiltInPack;
import org.adaldyq.risk.rules.LoadedPack;
import org.adaldyq.risk.rules.RulePack;
import org.adaldyq.risk.rules.RulePackLoader;
import org.adaldyq.risk.rules.RuleAssembly;
import org.adaldyq.risk.rules.RuleCompilationException;
import org.adaldyq.risk.rules.RuleConvention;
import org.adaldyq.risk.rules.RuleExamples;
import org.adaldyq.risk.rules.RuleLayer;
import org.adaldyq.risk.rules.PackOptions;
import org.adaldyq.risk.rules.RuleProblem;
import org.adaldyq.risk.rules.RuleSet;
import org.adaldyq.risk.rules.ThresholdTable;
import org.adaldyq.risk.signal.FactorModel;
import org.adaldyq.risk.signal.FactorModels;

/**
 * Loads the regulation rules: the built-in pack and author folders merged (see {@link RuleAssembly}),
 * their lexicons, thresholds and factor catalogue, every file checked, into a ready
 * {@link RegulationScanner}. With no author folder the rules precompiled at build time are used as they
 * are (fast path); author DRL makes the whole set compile at run time; author folders with only data
 * (lexicon, thresholds, disabled rules, factors) keep the precompiled rules.
 */
public final class RegulationRules {
    /** Where the built-in regulation pack lives on the class path. */
    public static final String PACK = "org/adaldyq/risk/rules/regulation";
    /** Its precompiled knowledge base (see {@code risk-rules/src/main/resources/META-INF/kmodule.xml}). */
    public static final String KBASE = "regulation";

    /** The outcome of a load: a scanner when there were no errors, every problem, the example cases. */
    public static final class Loaded extends LoadedPack<RegulationScanner, RuleExamples.Example> {
        Loaded(LoadedPack<RegulationScanner, RuleExamples.Example> loaded) {
            super(loaded);
        }

        /** The scanner, absent when the load had errors. */
        public Optional<RegulationScanner> scanner() {
            return result();
        }
    }

    private RegulationRules() {
    }

    /**
     * The rules compiled at build time, straight from the executable model: a KieContainer (class path
     * scan, kmodule.xml, every kbase) would cost a cold start over a second more. Falls back to the
     * container when the index is missing.
     */
    private static RuleSet precompiled(ClassLoader loader) {
        return RuleSet.fromExecutableModel(loader, RuleSet.RISK_RULES_MODEL_INDEX, PACK.replace('/', '.'))
                .orElseGet(() -> RuleSet.fromClasspath(loader, KBASE));
    }

    /**
     * Loads, checks and compiles the built-in pack and the author folders of {@code o}; problems are collected, not
     * thrown.
     */
    public static Loaded load(PackOptions o) {
        // The factor catalogue always comes from the built-in pack, even without its rules.
        BuiltInPack.requireOnClassPath(o.loader(), PACK, "regulation");
        return new Loaded(RulePackLoader.load(new Pack(), o));
    }

    /** What the regulation pack reads besides DRL: the factor catalogue, the lexicon, the trained models. */
    private static final class Vocabulary {
        final FactorCatalogue catalogue;
        final Lexicon lexicon;
        final Set<String> concepts;
        final ConfidenceTable confidence;
        FactorModels models = FactorModels.none();

        Vocabulary(FactorCatalogue catalogue, Lexicon lexicon, Set<String> concepts, ConfidenceTable confidence) {
            this.catalogue = catalogue;
            this.lexicon = lexicon;
            this.concepts = concepts;
            this.confidence = confidence;
        }
    }

    /** The regulation pack for {@link RulePackLoader}. */
    private static final class Pack implements RulePack<RegulationScanner, RuleExamples.Example, Vocabulary> {
        @Override
        public String name() {
            return "regulation";
        }

        @Override
        public String location() {
            return PACK;
        }

        @Override
        public String drlPackage() {
            return PACK.replace('/', '.');
        }

        @Override
        public RuleConvention convention() {
            return RuleConvention.REGULATION;
        }

        @Override
        public boolean classicCheck() {
            return true;
        }

        @Override
        public RuleSet precompiled(ClassLoader loader) {
            return RegulationRules.precompiled(loader);
        }

        @Override
        public RegulationScanner asBuilt(PackOptions o, RuleLayer builtIn, List<RuleProblem> problems) {
            // The built-in lexicon is checked by the build's tests: compile a language when first scanned.
            Lexicon lexicon = Lexicon.builder().addClasspath(o.loader(), PACK + "/lexicon").buildLazily();
            FactorCatalogue catalogue = FactorCatalogue.fromClasspath(o.loader(), PACK + "/factors.json");
            RuleSet withThresholds = precompiled(o.loader()).withThresholds(builtIn.thresholds()
                    .map(t -> ThresholdTable.parse(t.origin(), t.lines(), problems)).orElse(List.of()));
            return new RegulationScanner(lexicon, withThresholds, catalogue, o.limits(), models(o, problems),
                    confidence(List.of(builtIn), catalogue, problems));
        }

        @Override
        public Vocabulary vocabulary(List<RuleLayer> layers, PackOptions o, List<RuleProblem> problems) {
            FactorCatalogue catalogue = catalogue(o.loader(), layers, problems);
            Lexicon lexicon = null;
            Set<String> concepts = null;
            try {
                Lexicon.Builder builder = Lexicon.builder();
                layers.forEach(l -> l.addLexicon(builder));
                lexicon = builder.build();
                concepts = new TreeSet<>();
                for (Language lang : Language.values()) {
                    concepts.addAll(lexicon.concepts(lang));
                }
            } catch (LexiconException e) {
                e.problems().forEach(p -> problems.add(RuleProblem.error(p.file(), p.line(), p.column(), p.message())));
            }
            return new Vocabulary(catalogue, lexicon, concepts, confidence(layers, catalogue, problems));
        }

        @Override
        public Set<String> codes(Vocabulary v) {
            return v.catalogue.codes();
        }

        @Override
        public Set<String> concepts(Vocabulary v) {
            return v.concepts;
        }

        @Override
        public List<RuleExamples.Example> examples(List<RuleLayer> layers, List<RuleProblem> problems) {
            return RegulationRules.examples(layers, problems);
        }

        @Override
        public String code(RuleExamples.Example e) {
            return e.code();
        }

        @Override
        public RuleProblem unknownCode(RuleExamples.Example e) {
            return RuleProblem.error(e.file(), e.line(), 1, "examples of unknown factor code " + e.code()
                    + " (the file name before .examples is the code)");
        }

        @Override
        public void check(Vocabulary v, PackOptions o, List<RuleProblem> problems) {
            v.models = models(o, problems);
            for (FactorModel m : v.models.all()) {
                if (v.catalogue.get(m.factor()).isEmpty()) {
                    problems.add(RuleProblem.error(m.factor() + ".model", 0, 0, "model of unknown factor code " + m.factor()));
                }
            }
        }

        @Override
        public RegulationScanner build(RuleSet rules, Vocabulary v, PackOptions o) {
            return new RegulationScanner(v.lexicon, rules, v.catalogue, o.limits(), v.models, v.confidence);
        }
    }

    private static FactorModels models(PackOptions o, List<RuleProblem> problems) {
        java.util.Map<String, FactorModel> byFactor = new java.util.TreeMap<>();
        try {
            if (o.builtIn()) {
                FactorModels.fromClasspath(o.loader(), FactorModels.BUILT_IN).all().forEach(m -> byFactor.put(m.factor(), m));
            }
        } catch (java.io.UncheckedIOException e) {
            problems.add(RuleProblem.error(FactorModels.BUILT_IN, 0, 0, "cannot read the built-in models: " + e.getCause().getMessage()));
        }
        for (Path dir : o.directories()) {
            Path folder = dir.resolve("models");
            if (!java.nio.file.Files.isDirectory(folder)) {
                continue;
            }
            try {
                FactorModels.fromDirectory(folder).all().forEach(m -> byFactor.put(m.factor(), m));
            } catch (java.io.IOException e) {
                problems.add(RuleProblem.error(folder.toString(), 0, 0, "cannot read models: " + e.getMessage()));
            }
        }
        return FactorModels.of(byFactor.values());
    }

    /**
     * The confidence tables of the layers, later rows replacing earlier ones language × factor (pair rows
     * language pair by language pair); a row of a factor the catalogue does not have is an error.
     */
    private static ConfidenceTable confidence(List<RuleLayer> layers, FactorCatalogue catalogue, List<RuleProblem> problems) {
        ConfidenceTable table = ConfidenceTable.empty();
        for (RuleLayer layer : layers) {
            if (layer.confidence().isEmpty()) {
                continue;
            }
            RuleLayer.SourceFile f = layer.confidence().get();
            table = table.overriddenBy(ConfidenceTable.read(f.origin(), f.lines(), code -> catalogue.get(code).isPresent(), problems));
        }
        return table;
    }

    private static FactorCatalogue catalogue(ClassLoader loader, List<RuleLayer> layers, List<RuleProblem> problems) {
        // Codes are public identifiers: the built-in catalogue always applies; folders add to it.
        FactorCatalogue catalogue = FactorCatalogue.fromClasspath(loader, PACK + "/factors.json");
        for (RuleLayer layer : layers) {
            if (layer.builtIn() || layer.factors().isEmpty()) {
                continue;
            }
            RuleLayer.SourceFile f = layer.factors().get();
            try {
                catalogue = catalogue.merge(FactorCatalogue.read(new ByteArrayInputStream(f.content().getBytes(StandardCharsets.UTF_8))));
            } catch (RuntimeException e) {
                problems.add(RuleProblem.error(f.origin(), 0, 0, "cannot read the factor catalogue: " + rootMessage(e)));
            }
        }
        return catalogue;
    }

    private static List<RuleExamples.Example> examples(List<RuleLayer> layers, List<RuleProblem> problems) {
        List<RuleExamples.Example> out = new ArrayList<>();
        for (RuleLayer layer : layers) {
            for (RuleLayer.SourceFile f : layer.examples()) {
                try {
                    out.addAll(RuleExamples.parse(f.origin(), RuleExamples.codeOf(f.origin()), f.lines()));
                } catch (RuleCompilationException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        return out;
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e.getMessage();
    }
}
