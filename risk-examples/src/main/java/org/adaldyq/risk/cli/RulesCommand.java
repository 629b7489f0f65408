package org.adaldyq.risk.cli;

import org.adaldyq.risk.rules.PackOptions;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.procurement.ProcurementEngine;
import org.adaldyq.risk.procurement.rules.ProcurementRules;
import org.adaldyq.risk.procurement.rules.ReleaseExamples;
import org.adaldyq.risk.regulation.RegulationRules;
import org.adaldyq.risk.rules.RuleExamples;
import org.adaldyq.risk.rules.RuleLimits;
import org.adaldyq.risk.rules.RuleProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code rules check} and {@code rules test}: what a rule author runs before handing rules over. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Check and test rule folders (DRL, lexicons, thresholds, examples) on top of the built-in pack "
                + "(regulation, or procurement for folders with procurement DRL).",
        subcommands = {RulesCommand.Check.class, RulesCommand.Test.class})
final class RulesCommand {

    /** The packs a {@code --pack} value and the folders select. */
    static java.util.Set<String> packs(String pack, List<Path> dirs) {
        return switch (pack.toLowerCase(java.util.Locale.ROOT)) {
            case "regulation" -> java.util.Set.of("regulation");
            case "procurement" -> java.util.Set.of("procurement");
            case "auto" -> dirs.isEmpty() ? java.util.Set.of("regulation", "procurement")
                    : dirs.stream().anyMatch(d -> java.nio.file.Files.isDirectory(d) && ProcurementRules.isProcurementFolder(d))
                            ? java.util.Set.of("procurement") : java.util.Set.of("regulation");
            default -> throw new IllegalArgumentException("--pack must be regulation, procurement or auto: " + pack);
        };
    }

    /** {@code --watch}: run again whenever a file of the folders changes, until interrupted (Ctrl-C). */
    static final class Watch {
        @Option(names = "--watch", description = "After the first run, run again each time a file of the folders changes "
                + "(saved and then still for --watch-interval), until Ctrl-C: a live loop while editing rules.")
        boolean on;

        @Option(names = "--watch-interval", defaultValue = "500", paramLabel = "MS",
                description = "With --watch, how often the folders are looked at, in milliseconds (default: 500).")
        long intervalMillis;

        /**
         * Runs {@code run} once and, with {@code --watch}, again after each change of {@code dirs} until the
         * thread is interrupted. A run that throws (rules that do not load) prints its problems and the watch
         * goes on. Returns the last run's exit code.
         */
        int run(CommandSpec spec, List<Path> dirs, String what, java.util.function.IntSupplier run) {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (on && dirs.isEmpty()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--watch needs the rule folders (DIR) to watch");
            }
            if (intervalMillis < 10) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--watch-interval must be at least 10 ms: " + intervalMillis);
            }
            if (!on) {
                return run.getAsInt();
            }
            // the folders as the first run reads them: a save during that run is run again once the watch starts
            long before = org.adaldyq.risk.rules.FolderWatch.fingerprint(dirs);
            java.util.concurrent.atomic.AtomicInteger last = new java.util.concurrent.atomic.AtomicInteger(guarded(run, err));
            out.printf("watching %s for changes (Ctrl-C to stop)%n", String.join(", ", dirs.stream().map(Path::toString).toList()));
            out.flush();
            Runnable again = () -> {
                out.printf("%n--- %s: a file changed; %s again%n", java.time.LocalTime.now().withNano(0), what);
                out.flush();
                last.set(guarded(run, err));
            };
            try (org.adaldyq.risk.rules.FolderWatch watch = org.adaldyq.risk.rules.FolderWatch.start(dirs,
                    java.time.Duration.ofMillis(intervalMillis), again, before)) {
                new java.util.concurrent.CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return last.get();
        }

        /**
         * One run; the user's mistakes it throws (rule or lexicon problems, a folder removed or unreadable while
         * watched) are said as on any command ({@link RiskCli#userError}) and the watch goes on (exit code 3).
         */
        private static int guarded(java.util.function.IntSupplier run, PrintWriter err) {
            try {
                return run.getAsInt();
            } catch (RuntimeException e) {
                if (RiskCli.userError(e, err) < 0) {
                    throw e;
                }
            }
            err.println("rules do not load");
            err.flush();
            return 3;
        }
    }

    /** {@code rules check [DIR...]}: exit 0 when clean (warnings allowed), 1 on errors. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Compile the built-in pack and the rule folders and print every problem as file:line:column: message. "
                    + "Without DIR, checks the built-in pack itself. Exit code 1 on errors.")
    static final class Check implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--no-builtin", description = "Check the folders alone, not on top of the built-in pack.")
        boolean noBuiltIn;

        @Parameters(arity = "0..*", paramLabel = "DIR", description = "Author rule folders, applied in order.")
        List<Path> dirs = List.of();

        @Option(names = "--pack", defaultValue = "auto", description = "regulation, procurement or auto (default: the "
                + "procurement pack for folders with procurement DRL or *.examples.jsonl, else regulation; both without DIR)")
        String pack;

        @Mixin
        Watch watch;

        @Override
        public Integer call() {
            return watch.run(spec, dirs, "checking", this::check);
        }

        private int check() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            long errors = 0;
            if (packs(pack, dirs).contains("regulation")) {
                RegulationRules.Loaded loaded = RegulationRules.load(new PackOptions(
                        RulesCommand.class.getClassLoader(), !noBuiltIn, dirs, RuleLimits.DEFAULT, dirs.isEmpty()));
                errors += report("regulation", loaded.problems(), loaded.ok() ? loaded.summary() : null, out, err);
            }
            if (packs(pack, dirs).contains("procurement")) {
                ProcurementRules.Loaded loaded = ProcurementRules.load(new PackOptions(
                        RulesCommand.class.getClassLoader(), !noBuiltIn, dirs, RuleLimits.DEFAULT, dirs.isEmpty()));
                errors += report("procurement", loaded.problems(), loaded.ok() ? loaded.summary() : null, out, err);
            }
            return errors == 0 ? 0 : 1;
        }

        private static long report(String pack, List<RuleProblem> problems, String summary, PrintWriter out, PrintWriter err) {
            problems.forEach(err::println);
            long errors = problems.stream().filter(RuleProblem::error).count();
            long warnings = problems.size() - errors;
            out.printf("%s: %s; %d error(s), %d warning(s)%n", pack, summary != null ? summary : "rules do not load", errors, warnings);
            out.flush();
            err.flush();
            return errors;
        }
    }

    /** {@code rules test [DIR...]}: exit 0 when every case passes, 1 on a failed case, 3 when rules do not load. */
    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Run the example cases (*.examples) of the rule folders against the rules they form with the "
                    + "built-in pack, and print pass/fail per case. Without DIR, runs the built-in examples. Exit code 1 on a failure.")
    static final class Test implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--no-builtin", description = "Test the folders alone, not on top of the built-in pack.")
        boolean noBuiltIn;

        @Option(names = "--all", description = "Also run the built-in pack's examples (default: only the folders' examples when DIR is given).")
        boolean all;

        @Option(names = "--failures", description = "Print failed cases only.")
        boolean failuresOnly;

        @Parameters(arity = "0..*", paramLabel = "DIR", description = "Author rule folders, applied in order.")
        List<Path> dirs = List.of();

        @Option(names = "--pack", defaultValue = "auto", description = "regulation, procurement or auto (as for rules check)")
        String pack;

        @Mixin
        Watch watch;

        @Override
        public Integer call() {
            return watch.run(spec, dirs, "testing", this::test);
        }

        private int test() {
            PrintWriter out = spec.commandLine().getOut();
            int failed = 0;
            if (packs(pack, dirs).contains("regulation")) {
                failed += regulation(out);
            }
            if (packs(pack, dirs).contains("procurement")) {
                Integer f = procurement(out, spec.commandLine().getErr());
                if (f == null) {
                    return 3;
                }
                failed += f;
            }
            return failed == 0 ? 0 : 1;
        }

        /** Runs the procurement cases; null when the rules do not load. */
        private Integer procurement(PrintWriter out, PrintWriter err) {
            ProcurementRules.Loaded loaded = ProcurementRules.load(new PackOptions(
                    RulesCommand.class.getClassLoader(), !noBuiltIn, dirs, RuleLimits.DEFAULT, false));
            if (!loaded.ok()) {
                loaded.problems().forEach(err::println);
                err.println("procurement: rules do not load");
                err.flush();
                return null;
            }
            ProcurementEngine engine = ProcurementEngine.builder().rules(loaded.orThrow()).build();
            int passed = 0;
            int failed = 0;
            for (ReleaseExamples.Example e : loaded.examples()) {
                if (e.file().startsWith("classpath:") && !dirs.isEmpty() && !all) {
                    continue;
                }
                ReleaseExamples.Outcome o = engine.test(e);
                if (o.passed()) {
                    passed++;
                } else {
                    failed++;
                }
                if (!o.passed() || !failuresOnly) {
                    out.printf("%s %s:%d %s %s  found %s%n", o.passed() ? "PASS" : "FAIL", e.file(), e.line(),
                            e.expected() ? "expects" : "expects no", e.code(), o.found());
                    if (!o.passed()) {
                        out.printf("     %s%s%n", e.ocid(), e.note() == null ? "" : ": " + e.note());
                    }
                }
            }
            out.printf("procurement: %d case(s): %d passed, %d failed%n", passed + failed, passed, failed);
            out.flush();
            return failed;
        }

        private int regulation(PrintWriter out) {
            RiskEngine.Builder b = RiskEngine.builder().builtInRules(!noBuiltIn);
            dirs.forEach(b::rules);
            RiskEngine engine = b.build(); // rule problems: printed by RiskCli's handler, exit 3
            int passed = 0;
            int failed = 0;
            for (RuleExamples.Outcome o : engine.testRules()) {
                boolean builtIn = o.example().file().startsWith("classpath:");
                if (builtIn && !dirs.isEmpty() && !all) {
                    continue;
                }
                if (o.passed()) {
                    passed++;
                } else {
                    failed++;
                }
                if (!o.passed() || !failuresOnly) {
                    RuleExamples.Example e = o.example();
                    out.printf("%s %s:%d %s %s%s  found %s%n", o.passed() ? "PASS" : "FAIL", e.file(), e.line(),
                            e.expected() ? "expects" : "expects no", e.code(), "", o.found());
                    if (!o.passed()) {
                        out.printf("     %s %s%n", e.language(), e.text().replace("\n", "\\n"));
                    }
                }
            }
            out.printf("%d case(s): %d passed, %d failed%n", passed + failed, passed, failed);
            out.flush();
            return failed;
        }
    }
}
