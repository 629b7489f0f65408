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
 * seconds, processes per second, the JVM's peak resident memory (VmHWM), and the job's stage times.
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
            case "spark" -> spark(args[1], args[2], args[3], args.length > 4 && args[4].equals("approximate"));
            default -> throw new IllegalArgumentException("generate | java | spark: " + args[0]);
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

    private static void report(String mode, long processes, long nanos, String extra) throws IOException {
        double s = nanos / 1e9;
        String hwm = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                .findFirst().orElse("VmHWM: ?").replaceAll("\\s+", " ");
        System.out.printf(Locale.ROOT, "%s: %d processes in %.1f s = %.0f processes/s; peak RSS %s;%s%n", mode, processes, s,
                processes / s, hwm.substring(hwm.indexOf(':') + 2), extra);
    }
}
