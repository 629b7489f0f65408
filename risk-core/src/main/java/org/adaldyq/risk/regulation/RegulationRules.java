package org.adaldyq.risk.regulation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.lexicon.Lexicon;
import org.adaldyq.risk.lexicon.LexiconException;
import org.adaldyq.risk.rules.BuiltInPack;
import org.adaldyq.risk.rules.DrlAllowList;
import org.adaldyq.risk.rules.RuleAssembly;
import org.adaldyq.risk.rules.RuleCompilationException;
import org.adaldyq.risk.rules.RuleConvention;
import org.adaldyq.risk.rules.RuleExamples;
import org.adaldyq.risk.rules.RuleLayer;
import org.adaldyq.risk.rules.PackOptions;
import org.adaldyq.risk.rules.RuleLimits;
import org.adaldyq.risk.rules.RuleProblem;
import org.adaldyq.risk.rules.RuleSet;
import org.adaldyq.risk.rules.ThresholdTable;
import org.adaldyq.risk.signal.FactorModel;
import org.adaldyq.risk.signal.FactorModels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the regulation rules: the built-in pack and author folders merged (see {@link RuleAssembly}),
 * their lexicons, thresholds and factor catalogue, every file checked, into a ready
 * {@link RegulationScanner}. With no author folder the rules precompiled at build time are used as they
 * are (fast path); author DRL makes the whole set compile at run time; author folders with only data
 * (lexicon, thresholds, disabled rules, factors) keep the precompiled rules.
 */
public final class RegulationRules {
    private static final Logger LOG = LoggerFactory.getLogger(RegulationRules.class);

    /** Where the built-in regulation pack lives on the class path. */
    public static final String PACK = "org/adaldyq/risk/rules/regulation";
    /** Its precompiled knowledge base (see {@code risk-rules/src/main/resources/META-INF/kmodule.xml}). */
    public static final String KBASE = "regulation";

    /**
     * The outcome of a load: a scanner when there were no errors, every problem found (errors and
     * warnings, each with file, line and column), the example cases of all layers, and a summary.
     */
    public record Loaded(Optional<RegulationScanner> scanner, List<RuleProblem> problems, List<RuleExamples.Example> examples,
            String summary, Duration took) {

        public boolean ok() {
            return scanner.isPresent();
        }

        /** The scanner, or a {@link RuleCompilationException} listing the errors. */
        public RegulationScanner orThrow() {
            return scanner.orElseThrow(() -> new RuleCompilationException(problems.stream().filter(RuleProblem::error).toList()));
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

    public static Loaded load(PackOptions o) {
        // The factor catalogue always comes from the built-in pack, even without its rules.
        BuiltInPack.requireOnClassPath(o.loader(), PACK, "regulation");
        long t0 = System.nanoTime();
        List<RuleProblem> problems = new ArrayList<>();
        if (o.builtIn() && o.directories().isEmpty() && !o.compileAlways()) {
            // The common case, exactly as built: nothing to merge or check.
            // The built-in lexicon is checked by the build's tests: compile a language when first scanned.
            Lexicon lexicon = Lexicon.builder().addClasspath(o.loader(), PACK + "/lexicon").buildLazily();
            RuleSet rules = precompiled(o.loader());
            FactorCatalogue catalogue = FactorCatalogue.fromClasspath(o.loader(), PACK + "/factors.json");
            RuleLayer pack = RuleLayer.classpath(o.loader(), PACK);
            RuleSet withThresholds = rules.withThresholds(pack.thresholds()
                    .map(t -> ThresholdTable.parse(t.origin(), t.lines(), problems)).orElse(List.of()));
            FactorModels models = models(o, problems);
            return new Loaded(Optional.of(new RegulationScanner(lexicon, withThresholds, catalogue, o.limits(), models)), List.of(),
                    examples(List.of(pack), problems), "built-in regulation pack (precompiled)", since(t0));
        }

        List<RuleLayer> layers = new ArrayList<>();
        try {
            if (o.builtIn()) {
                layers.add(RuleLayer.classpath(o.loader(), PACK));
            }
            for (Path dir : o.directories()) {
                layers.add(RuleLayer.directory(dir));
            }
        } catch (java.io.UncheckedIOException e) {
            problems.add(RuleProblem.error(String.valueOf(e.getCause().getMessage()), 0, 0, "cannot read: " + e.getMessage()));
            return failed(problems, t0);
        }

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

        RuleAssembly assembly = RuleAssembly.assemble(layers, RuleConvention.REGULATION, new DrlAllowList(o.loader()),
                catalogue.codes(), concepts);
        problems.addAll(assembly.problems());
        List<RuleExamples.Example> examples = examples(layers, problems);
        for (RuleExamples.Example e : examples) {
            if (catalogue.get(e.code()).isEmpty()) {
                problems.add(RuleProblem.error(e.file(), e.line(), 1, "examples of unknown factor code " + e.code()
                        + " (the file name before .examples is the code)"));
            }
        }
        if (problems.stream().anyMatch(RuleProblem::error)) {
            return failed(problems, t0);
        }

        FactorModels models = models(o, problems);
        for (FactorModel m : models.all()) {
            if (catalogue.get(m.factor()).isEmpty()) {
                problems.add(RuleProblem.error(m.factor() + ".model", 0, 0, "model of unknown factor code " + m.factor()));
            }
        }
        if (problems.stream().anyMatch(RuleProblem::error)) {
            return failed(problems, t0);
        }

        RuleSet rules;
        if (assembly.hasAuthorDrl() || !o.builtIn() || o.compileAlways()) {
            try {
                rules = RuleSet.compile(assembly.sources());
            } catch (RuleCompilationException e) {
                problems.addAll(e.problems());
                return failed(problems, t0);
            }
        } else {
            rules = precompiled(o.loader());
        }
        rules = rules.withDisabled(assembly.disabled()).withThresholds(assembly.thresholds());
        problems.forEach(p -> LOG.warn("{}", p));
        Duration took = since(t0);
        String summary = assembly.summary() + (assembly.hasAuthorDrl() || !o.builtIn() || o.compileAlways()
                ? ", compiled at run time" : ", precompiled") + " in " + took.toMillis() + " ms";
        LOG.info("regulation rules: {}", summary);
        return new Loaded(Optional.of(new RegulationScanner(lexicon, rules, catalogue, o.limits(), models)), List.copyOf(problems),
                examples, summary, took);
    }

    /**
     * The factor models: the built-in ones, then each folder's {@code models/*.model} replacing them factor
     * by factor (a ministry's retrained models).
     */
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

    private static Loaded failed(List<RuleProblem> problems, long t0) {
        return new Loaded(Optional.empty(), List.copyOf(problems), List.of(), "not loaded: "
                + problems.stream().filter(RuleProblem::error).count() + " error(s)", since(t0));
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e.getMessage();
    }
}
