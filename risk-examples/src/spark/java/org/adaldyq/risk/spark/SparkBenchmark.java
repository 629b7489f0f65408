package org.adaldyq.risk.spark;

import org.adaldyq.risk.bench.SyntheticOcds;
import org.adaldyq.risk.procurement.Assessment;
import org.adaldyq.risk.procurement.ProcurementEngine;
import org.adaldyq.risk.procurement.cardinal.CardinalJson;
import org.adaldyq.risk.procurement.report.TendersReport;
import org.apache.spark.sql.SparkSession;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One measurement of the procurement job, one mode per JVM (run by {@code docs/benchmarks.md}'s script):
 * {@code generate N DIR} writes N synthetic processes over four files (every tenth as two releases in two
 * files); {@code java DIR OUT} runs the single-machine assessment on one thread (what {@code tenders
 * --threads 1} does, plus Cardinal's JSON); {@code spark MASTER DIR OUT [approximate]} runs
 * {@link ProcurementJob} on {@code local[1]} or {@code local[2]}. Prints one line: mode, processes,
 * seconds, processes per second, the JVM's peak resident memory (VmHWM), its CPU time (every thread, from
 * the start of the JVM), and the job's stage times. {@code compare DIR ROUNDS [approximate]} runs the modes
 * side by side, each in a JVM of its own, and prints the medians and their ratio to plain Java.
 * Not a test: figures depend on the machine.
 */
public final class SparkBenchmark {
    private SparkBenchmark() {
    }

    /** See the class comment. */
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generate" -> {
                long n = Long.parseLong(args[1]);
                Path dir = Files.createDirectories(Path.of(args[2]));
                List<Path> files = new ArrayList<>();
                for (char c = 'a'; c <= 'd'; c++) {
                    files.add(dir.resolve(c + ".jsonl"));
                }
                new SyntheticOcds(42, n).writeFiles(n, files, 10);
            }
            case "java" -> java(Path.of(args[1]), Path.of(args[2]));
            case "compare" -> compare(Path.of(args[1]), Integer.parseInt(args[2]), args.length > 3 && args[3].equals("approximate"));
            case "spark" -> spark(args[1], args[2], args[3], args.length > 4 && args[4].equals("approximate"));
            default -> throw new IllegalArgumentException("generate | java | spark | compare: " + args[0]);
        }
    }

    private static void java(Path in, Path out) throws IOException {
        Files.createDirectories(out);
        long t = System.nanoTime();
        ProcurementEngine engine = ProcurementEngine.builder().threads(1).build();
        long processes;
        try (Assessment a = engine.assess(in)) {
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out.resolve("tenders.jsonl")), 1 << 16)) {
                new TendersReport(TendersReport.Format.JSONL).write(a, o);
            }
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out.resolve("indicators.json")), 1 << 16)) {
                CardinalJson.write(a.indicators(), true, o);
            }
            processes = a.counts().processes();
        }
        report("java 1 thread", processes, System.nanoTime() - t, "");
    }

    private static void spark(String master, String in, String out, boolean approximate) throws IOException {
        long t0 = System.nanoTime();
        SparkSession spark = SparkSession.builder().master(master).appName("adaldyq-bench")
                .config(KryoClasses.configure(new org.apache.spark.SparkConf()))
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .getOrCreate();
        long started = System.nanoTime() - t0;
        try {
            ProcurementJob.Options o = ProcurementJob.Options.of(in, out);
            if (approximate) {
                o = o.approximate(1e-3);
            }
            long t = System.nanoTime();
            ProcurementJob.Summary s = ProcurementJob.run(spark, o);
            report("spark " + master + (approximate ? " approximate" : " exact"), s.counts().processes(), System.nanoTime() - t,
                    String.format(Locale.ROOT, " session start %.1f s, stages ms %s", started / 1e9, s.millis()));
        } finally {
            spark.stop();
        }
    }

    /**
     * Side by side: {@code rounds} rounds of plain Java 1 thread, {@code local[1]} and {@code local[2]} (and the
     * approximate quantiles on {@code local[2]} when asked), each mode in a JVM of its own started like this
     * one, in turn; prints every run, then each mode's median rate and the ratios of the medians.
     */
    private static void compare(Path in, int rounds, boolean approximate) throws IOException, InterruptedException {
        List<List<String>> modes = new ArrayList<>(List.of(List.of("java"), List.of("spark", "local[1]"), List.of("spark", "local[2]")));
        if (approximate) {
            modes.add(List.of("spark", "local[2]", "approximate"));
        }
        java.util.Map<String, List<Double>> rates = new java.util.LinkedHashMap<>();
        java.util.Map<String, List<Double>> cpu = new java.util.LinkedHashMap<>();
        java.util.regex.Pattern line = java.util.regex.Pattern.compile("(?m)^(.+): \\d+ processes in .* = (\\d+) processes/s;.*cpu ([0-9.]+) s;.*");
        for (int r = 0; r < rounds; r++) {
            for (List<String> mode : modes) {
                Path out = Files.createTempDirectory("spark-bench");
                List<String> command = new ArrayList<>();
                command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
                command.addAll(List.of("-cp", System.getProperty("java.class.path"), SparkBenchmark.class.getName()));
                command.addAll(mode.subList(0, 1));
                command.addAll(mode.subList(1, Math.min(2, mode.size())));
                command.addAll(List.of(in.toString(), out.toString()));
                command.addAll(mode.subList(Math.min(2, mode.size()), mode.size()));
                Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String printed = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("mode " + mode + " failed: " + printed);
                }
                String load = Files.readString(Path.of("/proc/loadavg")).strip();
                System.out.println("round " + (r + 1) + ", load " + load + ": " + printed);
                java.util.regex.Matcher m = line.matcher(printed);
                if (m.find()) {
                    rates.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(Double.parseDouble(m.group(2)));
                    cpu.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(Double.parseDouble(m.group(3)));
                }
                try (java.util.stream.Stream<Path> files = Files.walk(out)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
        double plain = median(rates.getOrDefault("java 1 thread", List.of(Double.NaN)));
        rates.forEach((mode, v) -> System.out.printf(Locale.ROOT, "median %s: %.0f processes/s (runs %s), CPU %.1f s; / plain Java 1 thread = %.2f%n",
                mode, median(v), v, median(cpu.get(mode)), median(v) / plain));
    }

    private static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        v.sort(null);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    private static void report(String mode, long processes, long nanos, String extra) throws IOException {
        double s = nanos / 1e9;
        double cpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
        String hwm = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                .findFirst().orElse("VmHWM: ?").replaceAll("\\s+", " ");
        System.out.printf(Locale.ROOT, "%s: %d processes in %.1f s = %.0f processes/s; peak RSS %s; JVM cpu %.1f s;%s%n", mode,
                processes, s, processes / s, hwm.substring(hwm.indexOf(':') + 2), cpu, extra);
    }
}
