package org.adaldyq.risk.procurement.rules;

import org.adaldyq.risk.procurement.catalogue.IndicatorCatalogue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.adaldyq.risk.procurement.settings.Settings;
import org.adaldyq.risk.rules.BuiltInPack;
import org.adaldyq.risk.rules.DrlAllowList;
import org.adaldyq.risk.rules.RuleAssembly;
import org.adaldyq.risk.rules.RuleCompilationException;
import org.adaldyq.risk.rules.RuleConvention;
import org.adaldyq.risk.rules.RuleLayer;
import org.adaldyq.risk.rules.PackOptions;
import org.adaldyq.risk.rules.RuleLimits;
import org.adaldyq.risk.rules.RuleProblem;
import org.adaldyq.risk.rules.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the procurement rules: the built-in pack and author folders merged (add, override by rule id,
 * {@code disabled.txt}, {@code thresholds.csv}; see {@link RuleAssembly}), every file checked, into a
 * ready {@link RuleBook}. Without author DRL the rules precompiled at build time are used (fast path); author
 * DRL makes the built-in and author DRL compile together at run time. The twin of
 * {@link org.adaldyq.risk.regulation.RegulationRules}.
 */
public final class ProcurementRules {
    private static final Logger LOG = LoggerFactory.getLogger(ProcurementRules.class);

    /** Where the built-in procurement pack lives on the class path. */
    public static final String PACK = "org/adaldyq/risk/rules/procurement";
    /** The DRL package of procurement rules: how {@code rules check} tells a procurement folder. */
    public static final String DRL_PACKAGE = "org.adaldyq.risk.rules.procurement";

    /** The outcome of a load: a rule book when there were no errors, every problem, the example cases. */
    public record Loaded(Optional<RuleBook> rules, List<RuleProblem> problems, List<ReleaseExamples.Example> examples,
            String summary, Duration took) {

        public boolean ok() {
            return rules.isPresent();
        }

        /** The rule book, or a {@link RuleCompilationException} listing the errors. */
        public RuleBook orThrow() {
            return rules.orElseThrow(() -> new RuleCompilationException(problems.stream().filter(RuleProblem::error).toList()));
        }
    }

    private ProcurementRules() {
    }

    /**
     * Flag codes a rule may declare: the built-in flags, and any code of OCP's catalogue "Red flags in
     * public procurement" (R001–R073), which authors may implement.
     */
    public static Set<String> catalogueCodes() {
        Set<String> codes = new TreeSet<>(IndicatorCatalogue.builtIn().codes());
        for (int i = 1; i <= 73; i++) {
            codes.add(String.format("R%03d", i));
        }
        return codes;
    }

    /**
     * Whether an author folder holds procurement rules: a DRL file in package {@value #DRL_PACKAGE}, or
     * procurement example cases. (Keep procurement and regulation rules in separate folders.)
     */
    public static boolean isProcurementFolder(Path dir) {
        RuleLayer layer = RuleLayer.directory(dir);
        return !layer.releaseExamples().isEmpty() || layer.drl().stream()
                .anyMatch(d -> PACKAGE_LINE.matcher(d.content()).find());
    }

    private static final java.util.regex.Pattern PACKAGE_LINE =
            java.util.regex.Pattern.compile("(?m)^\\s*package\\s+" + java.util.regex.Pattern.quote(DRL_PACKAGE) + "\\s*;?\\s*$");

    /**
     * The flag codes to compute: {@code base}, then the codes of {@code rules} that are neither in it nor
     * built in (flags that author folders add).
     */
    public static List<String> codes(List<String> base, RuleBook rules) {
        Set<String> builtIn = new java.util.HashSet<>(IndicatorCatalogue.builtIn().codes());
        List<String> out = new ArrayList<>(base);
        for (String code : rules.rules().keySet()) {
            if (!builtIn.contains(code) && !out.contains(code)) {
                out.add(code);
            }
        }
        return out;
    }

    /** The built-in rules compiled at build time: the executable model, else the kjar's kbase. */
    static RuleSet precompiled(ClassLoader loader) {
        return RuleSet.fromExecutableModel(loader, RuleSet.RISK_RULES_MODEL_INDEX, DRL_PACKAGE)
                .orElseGet(() -> RuleSet.fromClasspath(loader, RuleBook.KBASE));
    }

    public static Loaded load(PackOptions o) {
        if (o.builtIn()) {
            BuiltInPack.requireOnClassPath(o.loader(), PACK, "procurement");
        }
        long t0 = System.nanoTime();
        List<RuleProblem> problems = new ArrayList<>();
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
        if (o.builtIn() && o.directories().isEmpty() && !o.compileAlways()) {
            // The common case, exactly as built: nothing to merge or check.
            return new Loaded(Optional.of(RuleBook.fromClasspath()), List.of(), examples(layers, problems),
                    "built-in procurement pack (precompiled)", since(t0));
        }

        Set<String> codes = catalogueCodes();
        RuleAssembly assembly = RuleAssembly.assemble(layers, RuleConvention.PROCUREMENT, new DrlAllowList(o.loader()), codes, null);
        problems.addAll(assembly.problems());
        List<ReleaseExamples.Example> examples = examples(layers, problems);
        for (ReleaseExamples.Example e : examples) {
            if (!codes.contains(e.code())) {
                problems.add(RuleProblem.error(e.file(), e.line(), 1, "examples of unknown flag code " + e.code()
                        + " (the file name before .examples.jsonl is the code)"));
            }
        }
        if (problems.stream().anyMatch(RuleProblem::error)) {
            return failed(problems, t0);
        }
        boolean compile = assembly.hasAuthorDrl() || !o.builtIn() || o.compileAlways();
        RuleSet rules;
        if (compile) {
            try {
                // The executable model, as at build time: the classic DRL compiler resolves some built-in
                // conditions differently (a property inside $s.thresholdFor(...) is looked up on $s).
                rules = RuleSet.compile(assembly.sources(), true);
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
        String summary = assembly.summary() + (compile ? ", compiled at run time" : ", precompiled") + " in " + took.toMillis() + " ms";
        LOG.info("procurement rules: {}", summary);
        return new Loaded(Optional.of(new RuleBook(rules, o.limits())), List.copyOf(problems), examples, summary, took);
    }

    private static List<ReleaseExamples.Example> examples(List<RuleLayer> layers, List<RuleProblem> problems) {
        List<ReleaseExamples.Example> out = new ArrayList<>();
        for (RuleLayer layer : layers) {
            for (RuleLayer.SourceFile f : layer.releaseExamples()) {
                out.addAll(ReleaseExamples.parse(f.origin(), f.lines(), problems));
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
}
