package org.adaldyq.risk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adaldyq.risk.procurement.rules.ProcurementRules;
import org.adaldyq.risk.regulation.RegulationRules;
import org.adaldyq.risk.rules.DrlAllowList;
import org.adaldyq.risk.rules.PackOptions;
import org.adaldyq.risk.rules.RuleAssembly;
import org.adaldyq.risk.rules.RuleBytecodeVerifier;
import org.adaldyq.risk.rules.RuleConvention;
import org.adaldyq.risk.rules.RuleLayer;
import org.adaldyq.risk.rules.RuleSet;

/**
 * What loading an author rule pack costs, and where it goes: for each pack (the built-in rules plus one author
 * folder) the median of the whole load as the engine does it, and of its parts: the classic compiler's check of
 * the author files, their executable-model compile (alone), the verification of their compiled classes, and
 * joining them to the precompiled pack ({@link RuleSet#joinedToExecutableModel}). For comparison, the path before author files
 * were compiled alone: the executable-model compile of every file, and the classic compile of every file that
 * regulation author packs used before the compiled-code check.
 */
public final class RulePackBenchmark {
    /** Medians in milliseconds for one pack; {@code classes}: the author files' compiled classes. */
    public record Result(String pack, int classes, double loadMs, double classicCheckMs, double authorModelMs,
            double verifyMs, double joinMs, double wholeModelMs, double classicAllMs) {
    }

    private final int warmup;
    private final int iterations;

    /** A benchmark of {@code iterations} measured runs after {@code warmup} unmeasured ones. */
    public RulePackBenchmark(int warmup, int iterations) {
        this.warmup = warmup;
        this.iterations = iterations;
    }

    /** The regulation pack with {@code authorDir} on top, and the procurement pack with {@code procurementDir}. */
    public List<Result> run(Path authorDir, Path procurementDir) throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        List<Result> results = new ArrayList<>();
        results.add(measure("regulation", RuleLayer.classpath(loader, RegulationRules.PACK), RegulationRules.PACK.replace('/', '.'),
                authorDir, RuleConvention.REGULATION, true, () -> RegulationRules.load(PackOptions.of(loader, List.of(authorDir)))));
        if (procurementDir != null && Files.isDirectory(procurementDir)) {
            results.add(measure("procurement", RuleLayer.classpath(loader, ProcurementRules.PACK), ProcurementRules.DRL_PACKAGE,
                    procurementDir, RuleConvention.PROCUREMENT, false,
                    () -> ProcurementRules.load(PackOptions.of(loader, List.of(procurementDir)))));
        }
        return results;
    }

    private Result measure(String name, RuleLayer builtIn, String drlPackage, Path dir, RuleConvention convention, boolean classicCheck,
            Repetitions.Task load) throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        RuleLayer author = RuleLayer.directory(dir);
        RuleAssembly assembly = RuleAssembly.assemble(List.of(builtIn, author), convention, new DrlAllowList(loader), Set.of(), null);
        List<RuleSet.DrlSource> sources = assembly.sources();
        List<RuleSet.DrlSource> authorSources = assembly.authorSources();
        RuleBytecodeVerifier verifier = RuleBytecodeVerifier.standard();
        @SuppressWarnings("unchecked")
        Map<String, byte[]>[] classes = new Map[1];
        RuleSet authorRules = RuleSet.compile(authorSources, true, c -> {
            classes[0] = c;
            return List.of();
        });
        double loadMs = Repetitions.medianMs(warmup, iterations, load);
        double classicMs = classicCheck ? Repetitions.medianMs(warmup, iterations, () -> RuleSet.checkWithClassicCompiler(authorSources)) : 0;
        double authorModelMs = Repetitions.medianMs(warmup, iterations, () -> RuleSet.compile(authorSources, true, null));
        double verifyMs = Repetitions.medianMs(warmup, iterations,
                () -> verifier.verify(classes[0], assembly.ruleSpans(), assembly.functionSpans()));
        double joinMs = Repetitions.medianMs(warmup, iterations, () -> RuleSet.joinedToExecutableModel(loader,
                RuleSet.RISK_RULES_MODEL_INDEX, drlPackage, authorRules, assembly.builtInOverridden()).orElseThrow());
        double wholeModelMs = Repetitions.medianMs(warmup, iterations, () -> RuleSet.compile(sources, true, null));
        double classicAllMs = classicCheck ? Repetitions.medianMs(warmup, iterations, () -> RuleSet.compile(sources, false)) : 0;
        return new Result(name, (int) classes[0].keySet().stream().filter(k -> k.endsWith(".class")).count(), loadMs, classicMs,
                authorModelMs, verifyMs, joinMs, wholeModelMs, classicAllMs);
    }
}
