package org.adaldyq.risk.procurement.rules;

import org.adaldyq.risk.procurement.catalogue.IndicatorCatalogue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.adaldyq.risk.rules.LoadedPack;
import org.adaldyq.risk.rules.RulePack;
import org.adaldyq.risk.rules.RulePackLoader;
import org.adaldyq.risk.rules.RuleAssembly;
import org.adaldyq.risk.rules.RuleConvention;
import org.adaldyq.risk.rules.RuleLayer;
import org.adaldyq.risk.rules.PackOptions;
import org.adaldyq.risk.rules.RuleProblem;
import org.adaldyq.risk.rules.RuleSet;

/**
 * Loads the procurement rules: the built-in pack and author folders merged (add, override by rule id,
 * {@code disabled.txt}, {@code thresholds.csv}; see {@link RuleAssembly}), every file checked, into a
 * ready {@link RuleBook}. Without author DRL the rules precompiled at build time are used (fast path); author
 * DRL is compiled at run time and joined to the precompiled rules. The twin of
 * {@link org.adaldyq.risk.regulation.RegulationRules}.
 */
public final class ProcurementRules {
    /** Where the built-in procurement pack lives on the class path. */
    public static final String PACK = "org/adaldyq/risk/rules/procurement";
    /** The DRL package of procurement rules: how {@code rules check} tells a procurement folder. */
    public static final String DRL_PACKAGE = "org.adaldyq.risk.rules.procurement";

    /** The outcome of a load: a rule book when there were no errors, every problem, the example cases. */
    public static final class Loaded extends LoadedPack<RuleBook, ReleaseExamples.Example> {
        Loaded(LoadedPack<RuleBook, ReleaseExamples.Example> loaded) {
            super(loaded);
        }

        /** The rule book, absent when the load had errors. */
        public Optional<RuleBook> rules() {
            return result();
        }
    }

    private ProcurementRules() {
    }

    /**
     * Flag codes a rule may declare: the built-in flags, and any code of OCP's catalogue "Red flags in
     * public procurement" (R001–R073), which authors may implement.
     */
    public static Set<String> catalogueCodes() {
        return IndicatorCatalogue.builtIn().flagCodes();
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

    /**
     * Loads, checks and compiles the built-in pack and the author folders of {@code o}; problems are collected, not
     * thrown.
     */
    public static Loaded load(PackOptions o) {
        return new Loaded(RulePackLoader.load(new Pack(), o));
    }

    /** The procurement pack for {@link RulePackLoader}: its codes are the catalogue's (R001–R073). */
    private static final class Pack implements RulePack<RuleBook, ReleaseExamples.Example, Set<String>> {
        @Override
        public String name() {
            return "procurement";
        }

        @Override
        public String location() {
            return PACK;
        }

        @Override
        public String drlPackage() {
            return DRL_PACKAGE;
        }

        @Override
        public RuleConvention convention() {
            return RuleConvention.PROCUREMENT;
        }

        @Override
        public boolean classicCheck() {
            // the classic DRL compiler resolves some built-in conditions differently (a property inside
            // $s.thresholdFor(...) is looked up on $s): its errors would be wrong here
            return false;
        }

        @Override
        public RuleSet precompiled(ClassLoader loader) {
            return ProcurementRules.precompiled(loader);
        }

        @Override
        public RuleBook asBuilt(PackOptions o, RuleLayer builtIn, List<RuleProblem> problems) {
            return RuleBook.fromClasspath();
        }

        @Override
        public Set<String> vocabulary(List<RuleLayer> layers, PackOptions o, List<RuleProblem> problems) {
            return catalogueCodes();
        }

        @Override
        public Set<String> codes(Set<String> codes) {
            return codes;
        }

        @Override
        public Set<String> concepts(Set<String> codes) {
            return null;
        }

        @Override
        public List<ReleaseExamples.Example> examples(List<RuleLayer> layers, List<RuleProblem> problems) {
            return ProcurementRules.examples(layers, problems);
        }

        @Override
        public String code(ReleaseExamples.Example e) {
            return e.code();
        }

        @Override
        public RuleProblem unknownCode(ReleaseExamples.Example e) {
            return RuleProblem.error(e.file(), e.line(), 1, "examples of unknown flag code " + e.code()
                    + " (the file name before .examples.jsonl is the code)");
        }

        @Override
        public RuleBook build(RuleSet rules, Set<String> codes, PackOptions o) {
            return new RuleBook(rules, o.limits());
        }
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
}
