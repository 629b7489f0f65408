package org.adaldyq.risk.rules;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads a rule pack, the same way for both packs: the built-in pack and author folders merged (add,
 * override by rule id, {@code disabled.txt}, {@code thresholds.csv}; see {@link RuleAssembly}), every file
 * checked, into what the pack builds. Without author folders the rules precompiled at build time are used
 * as they are (fast path); author DRL is compiled alone at run time and joined to the precompiled rules
 * ({@link RuleSet#joinedToExecutableModel}; all of it is compiled from source when the built-in rules are left out, when
 * {@code compileAlways} asks for it, when the built-in DRL on the class path differs from the jar's, or when
 * it defines functions, types, globals or queries the author files could use);
 * author folders with only data keep the precompiled rules.
 */
public final class RulePackLoader {
    private static final Logger LOG = LoggerFactory.getLogger(RulePackLoader.class);

    private RulePackLoader() {
    }

    /** Loads {@code pack} as {@code o} says; problems are collected in the outcome, not thrown. */
    public static <T, E, V> LoadedPack<T, E> load(RulePack<T, E, V> pack, PackOptions o) {
        if (o.builtIn()) {
            BuiltInPack.requireOnClassPath(o.loader(), pack.location(), pack.name());
        }
        long t0 = System.nanoTime();
        List<RuleProblem> problems = new ArrayList<>();
        List<RuleLayer> layers = new ArrayList<>();
        try {
            if (o.builtIn()) {
                layers.add(RuleLayer.classpath(o.loader(), pack.location()));
            }
            for (Path dir : o.directories()) {
                layers.add(RuleLayer.directory(dir));
            }
        } catch (java.io.UncheckedIOException e) {
            problems.add(RuleProblem.error(String.valueOf(e.getCause().getMessage()), 0, 0, "cannot read: " + e.getMessage()));
            return failed(problems, t0);
        }
        boolean stale = false;
        try {
            stale = o.builtIn() && RuleLayer.drlShadowed(o.loader(), pack.location());
        } catch (java.io.UncheckedIOException e) {
            LOG.warn("cannot compare the built-in DRL copies on the class path: {}", e.getMessage());
        }
        if (stale) {
            LOG.info("the built-in {} DRL first on the class path differs from the rules precompiled in the jar: compiling it at run time",
                    pack.name());
        }
        if (o.builtIn() && o.directories().isEmpty() && !o.compileAlways() && !stale) {
            // The common case, exactly as built: nothing to merge or check.
            T built = pack.asBuilt(o, layers.get(0), problems);
            return new LoadedPack<>(Optional.of(built), List.of(), pack.examples(layers, problems),
                    "built-in " + pack.name() + " pack (precompiled)", since(t0));
        }

        V vocabulary = pack.vocabulary(layers, o, problems);
        RuleAssembly assembly = RuleAssembly.assemble(layers, pack.convention(), new DrlAllowList(o.loader()),
                pack.codes(vocabulary), pack.concepts(vocabulary));
        problems.addAll(assembly.problems());
        List<E> examples = pack.examples(layers, problems);
        for (E e : examples) {
            if (!pack.codes(vocabulary).contains(pack.code(e))) {
                problems.add(pack.unknownCode(e));
            }
        }
        if (problems.stream().anyMatch(RuleProblem::error)) {
            return failed(problems, t0);
        }
        pack.check(vocabulary, o, problems);
        if (problems.stream().anyMatch(RuleProblem::error)) {
            return failed(problems, t0);
        }

        boolean compile = assembly.hasAuthorDrl() || !o.builtIn() || o.compileAlways() || stale;
        RuleSet rules;
        boolean joined = false;
        if (compile) {
            try {
                if (pack.classicCheck()) {
                    classicCheck(assembly.authorSources());
                }
                // What runs is the executable model: every condition, consequence and function is a class,
                // and each is verified before it is loaded.
                long v0 = System.nanoTime();
                RuleBytecodeVerifier verifier = RuleBytecodeVerifier.standard();
                long[] verifyNanos = new long[1];
                RuleSet.ClassCheck check = classes -> {
                    long t = System.nanoTime();
                    try {
                        return verifier.verify(classes, assembly.ruleSpans(), assembly.functionSpans());
                    } finally {
                        verifyNanos[0] = System.nanoTime() - t;
                    }
                };
                Optional<RuleSet> joinedRules = Optional.empty();
                if (o.builtIn() && !o.compileAlways() && !stale && !assembly.builtInDefinesShared()) {
                    // The author rules compiled alone (their mistakes reported before anything else is built),
                    // then joined to the built-in rules as precompiled.
                    RuleSet author = RuleSet.compile(assembly.authorSources(), true, check);
                    joinedRules = RuleSet.joinedToExecutableModel(o.loader(), RuleSet.RISK_RULES_MODEL_INDEX, pack.drlPackage(),
                            author, assembly.builtInOverridden());
                }
                joined = joinedRules.isPresent();
                rules = joined ? joinedRules.get() : RuleSet.compile(assembly.sources(), true, check);
                LOG.debug("{} rules: compiled in {} ms, of which verifying the compiled classes {} ms", pack.name(),
                        (System.nanoTime() - v0) / 1_000_000, verifyNanos[0] / 1_000_000);
            } catch (RuleCompilationException e) {
                problems.addAll(e.problems());
                return failed(problems, t0);
            } catch (OutOfMemoryError | StackOverflowError e) {
                // e.g. thousands of functions or nesting the compiler cannot hold: the pack, not the host, fails
                problems.add(RuleProblem.error(String.join(", ", assembly.authorSources().stream()
                        .map(RuleSet.DrlSource::origin).toList()), 0, 0,
                        "compiling these rules ran out of " + (e instanceof OutOfMemoryError ? "memory" : "stack")
                        + ": too many or too deeply nested rules and functions"));
                return failed(problems, t0);
            }
        } else {
            rules = pack.precompiled(o.loader());
        }
        rules = rules.withDisabled(assembly.disabled()).withThresholds(assembly.thresholds());
        problems.forEach(p -> LOG.warn("{}", p));
        Duration took = since(t0);
        String summary = assembly.summary() + (joined ? ", author rules compiled at run time and joined to the precompiled rules"
                : compile ? ", compiled at run time" : ", precompiled") + " in "
                + took.toMillis() + " ms";
        LOG.info("{} rules: {}", pack.name(), summary);
        return new LoadedPack<>(Optional.of(pack.build(rules, vocabulary, o)), problems, examples, summary, took);
    }

    /**
     * Compiles the author files alone with the classic DRL compiler, for the errors it reports and the
     * executable model misses. The structure check ({@link DrlAllowList}) has made sure beforehand that it
     * evaluates nothing at compile time (annotation values are literals, no timers, calendars or dates).
     */
    private static void classicCheck(List<RuleSet.DrlSource> author) {
        if (!author.isEmpty()) {
            RuleSet.checkWithClassicCompiler(author);
        }
    }

    private static <T, E> LoadedPack<T, E> failed(List<RuleProblem> problems, long t0) {
        return new LoadedPack<>(Optional.empty(), problems, List.of(), "not loaded: "
                + problems.stream().filter(RuleProblem::error).count() + " error(s)", since(t0));
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
