package org.adaldyq.risk.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adaldyq.risk.isolation.Sandbox;
import org.adaldyq.risk.procurement.IndicatorResults;
import org.adaldyq.risk.procurement.ProcurementEngine;
import org.adaldyq.risk.procurement.rules.ProcurementRules;
import org.adaldyq.risk.procurement.settings.Settings;
import org.adaldyq.risk.procurement.stats.Baseline;
import org.adaldyq.risk.procurement.rules.RuleBook;
import org.adaldyq.risk.rules.PackOptions;
import picocli.CommandLine.Option;

/** Options that {@code indicators} and {@code tenders} share: line limit, author rules, threads. */
final class OcdsRunOptions {
    @Option(names = {"-q", "--quiet"}, description = "No progress line on the terminal.")
    boolean quiet;

    /** A listener that counts each process on {@code progress}. */
    org.adaldyq.risk.procurement.ProcessListener counting(Progress progress) {
        return org.adaldyq.risk.procurement.ProcessListener.counting(progress::step);
    }


    @Option(names = "--max-line-bytes", defaultValue = "67108864", description = "Longer lines are skipped with a warning (default ${DEFAULT-VALUE})")
    int maxLineBytes;

    @Option(names = "--rules", paramLabel = "DIR", description = "Author rule folder (procurement DRL, thresholds.csv, disabled.txt) "
            + "applied on top of the built-in pack; repeatable, later folders win. Flags the folders add are computed too.")
    List<Path> rules = new ArrayList<>();

    @Option(names = {"-t", "--threads"}, defaultValue = "2", description = "JSON parser threads (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--baseline", paramLabel = "FILE.json", description = "Judge the input against the dataset statistics "
            + "(fences, Meta) saved from an earlier run with --save-baseline, instead of its own: scoring new tenders as they come")
    Path baseline;

    @Option(names = "--save-baseline", paramLabel = "FILE.json", description = "Save this run's dataset statistics (fences, Meta) for later runs' --baseline")
    Path saveBaseline;

    @Option(names = "--lenient", description = "Accept unknown sections and keys, repeated keys and out-of-range numbers "
            + "in the settings file, as Cardinal does (default: refuse them with file:line)")
    boolean lenient;

    @Option(names = "--isolate", description = "Run this command, author rules included, in a child JVM with its own heap"
            + " (--isolate-heap) and a wall-clock limit (--isolate-timeout), behind a sandbox: no network, no processes,"
            + " reading only its inputs and writing only its outputs. For rules from outside the team.")
    boolean isolate;

    @Option(names = "--isolate-heap", defaultValue = "1g", description = "Heap of the child JVM with --isolate (default ${DEFAULT-VALUE})")
    String isolateHeap;

    @Option(names = "--isolate-timeout", defaultValue = "3600", description = "Seconds the whole run may take with --isolate"
            + " (default ${DEFAULT-VALUE})")
    int isolateTimeout;

    @Option(names = "--isolate-no-sandbox", description = "With --isolate, no sandbox (Java 24 and later; run it in a container)")
    boolean isolateNoSandbox;

    private static final java.util.Set<String> ISOLATE_FLAGS = java.util.Set.of("--isolate", "--isolate-no-sandbox");
    private static final java.util.Set<String> ISOLATE_VALUES = java.util.Set.of("--isolate-heap", "--isolate-timeout");

    /**
     * What an OCDS command does before its own work: a missing input is exit 2 with its name, and with
     * {@code --isolate} the whole command runs in a child ({@link #runIsolated}). Returns that exit code, or
     * null when the command goes on in this JVM.
     */
    Integer missingOrIsolated(picocli.CommandLine.Model.CommandSpec spec, String input, Path settings) throws Exception {
        if (!"-".equals(input) && !java.nio.file.Files.exists(Path.of(input))) {
            System.err.println(input + ": no such file or directory");
            return 2;
        }
        return isolate ? runIsolated(spec, input, settings) : null;
    }

    /**
     * {@code --isolate}: this very command line, without the isolate options, run by a child JVM behind
     * the sandbox; its output and messages go straight to this process's streams. Returns its exit code,
     * or 1 when it passed the time limit and was killed.
     *
     * @param input    the command's data ({@code -} for standard input)
     * @param settings the command's settings file, or null
     */
    private int runIsolated(picocli.CommandLine.Model.CommandSpec spec, String input, Path settings) throws Exception {
        List<Path> read = new ArrayList<>(rules);
        if (!"-".equals(input)) {
            read.add(Path.of(input));
        }
        if (settings != null) {
            read.add(settings);
        }
        if (baseline != null) {
            read.add(baseline);
        }
        List<Path> write = saveBaseline == null ? List.of() : List.of(saveBaseline);
        List<String> args = new ArrayList<>();
        List<String> original = spec.commandLine().getParseResult().originalArgs();
        for (int i = 0; i < original.size(); i++) {
            String a = original.get(i);
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (ISOLATE_FLAGS.contains(a)) {
                continue;
            }
            if (ISOLATE_VALUES.contains(name)) {
                i += a.contains("=") ? 0 : 1;
                continue;
            }
            args.add(a);
        }
        Path home = Sandbox.newHome();
        try {
            List<String> cmd = new ArrayList<>(Sandbox.javaCommand(home, isolateHeap, !isolateNoSandbox,
                    System.getProperty("java.class.path"), read, write, RiskCli.class.getName()));
            cmd.addAll(args);
            Process child = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
            Thread messages = new Thread(() -> {
                // the child's messages, without the JDK's notice that the Security Manager is on
                try (java.io.BufferedReader in = new java.io.BufferedReader(
                        new java.io.InputStreamReader(child.getErrorStream(), java.nio.charset.StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (!Sandbox.isJdkNotice(line)) {
                            System.err.println(line);
                        }
                    }
                } catch (java.io.IOException e) {
                    // the child is gone
                }
            }, "isolated-run-messages");
            messages.setDaemon(true);
            messages.start();
            if (!child.waitFor(isolateTimeout, java.util.concurrent.TimeUnit.SECONDS)) {
                child.destroyForcibly().waitFor();
                spec.commandLine().getErr().printf("%s: the isolated run took longer than %d s: its child JVM was killed%n",
                        spec.name(), isolateTimeout);
                return 1;
            }
            messages.join(5000);
            return child.exitValue();
        } finally {
            Sandbox.deleteHome(home);
        }
    }

    /** The settings file, strictly unless --lenient; the defaults without one. */
    Settings settings(Path file) {
        return file == null ? Settings.defaults() : Settings.read(file, lenient);
    }

    /** Applies the run options every OCDS command shares to an engine builder. */
    ProcurementEngine.Builder configure(ProcurementEngine.Builder b) throws java.io.IOException {
        b.threads(threads).maxLineBytes(maxLineBytes);
        if (baseline != null) {
            b.baseline(Baseline.read(baseline));
        }
        return b;
    }

    /** Writes the run's statistics when {@code --save-baseline} asks for it. */
    void save(IndicatorResults results) throws java.io.IOException {
        if (saveBaseline != null) {
            results.baseline().write(saveBaseline);
        }
    }

    /** The built-in procurement rules, with the author folders on top when there are any. */
    RuleBook ruleBook() {
        return rules.isEmpty() ? RuleBook.fromClasspath()
                : ProcurementRules.load(PackOptions.of(ProcurementRules.class.getClassLoader(), rules)).orThrow();
    }
}
