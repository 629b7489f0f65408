package org.adaldyq.risk.bench;

import org.adaldyq.risk.procurement.catalogue.IndicatorCatalogue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.adaldyq.risk.procurement.IndicatorResults;
import org.adaldyq.risk.procurement.ProcessListener;
import org.adaldyq.risk.procurement.ProcurementEngine;
import org.adaldyq.risk.procurement.settings.Settings;
import org.adaldyq.risk.procurement.ocds.OcdsReader;
import org.adaldyq.risk.procurement.report.TendersReport;
import org.adaldyq.risk.procurement.rules.RuleBook;
import org.adaldyq.risk.procurement.fact.IndicatorSetting;
import org.adaldyq.risk.procurement.fact.ProcessFacts;
import org.adaldyq.risk.procurement.model.ContractingProcess;
import org.adaldyq.risk.procurement.model.ReleaseCompiler;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark run on one file: raw Jackson throughput (token stream, and a tree per line), the
 * compiler alone and the compiler with the per-process rules (where one thread's time goes), then
 * {@code indicators} with 1 and 2 threads, then {@code tenders}, each with its peak heap (sum of the
 * heap pools' peaks, reset before the phase; run with {@code -Xmx512m} to check the ceiling). Generates
 * the file first when it does not exist. Prints a Markdown table. Not a timed test: run by hand.
 *
 * <pre>java -Xmx512m -cp risk-cli.jar org.adaldyq.risk.bench.ProcurementBenchmark 1000000 /tmp/synthetic.jsonl [repeats]</pre>
 * Each phase runs {@code repeats} times (default 1); the median time is reported.
 */
public final class ProcurementBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        Path file = Path.of(args.length > 1 ? args[1] : "synthetic-" + n + ".jsonl");
        REPEATS = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        if (!Files.exists(file)) {
            long t = System.nanoTime();
            new SyntheticOcds(42, n).write(n, file);
            System.out.printf("generated %d processes, %d MiB, in %.1f s%n", n, Files.size(file) >> 20, (System.nanoTime() - t) / 1e9);
        }
        SIZE_MIB = Files.size(file) / 1048576.0;
        TOTAL = n;
        RuleBook.fromClasspath(); // build the rule base outside the timings (it is built once per JVM)
        List<String[]> rows = new ArrayList<>();
        rows.add(measure("raw Jackson: token stream", n, () -> {
            try (InputStream in = Files.newInputStream(file); JsonParser p = JSON.getFactory().createParser(in)) {
                while (p.nextToken() != null) {
                    // count nothing: the cost of tokenising is the point
                }
            }
        }));
        rows.add(measure("raw Jackson: tree per line", n, () -> {
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                    JSON.readTree(line);
                }
            }
        }));
        // Where one thread's time goes: the compiler alone, then the per-process rules on top of it (the
        // facts and one rule session per batch, as a run fires them), without statistics, results or output.
        List<String> cardinal = IndicatorCatalogue.builtIn().cardinalCodes();
        Settings settings = Settings.defaults();
        RuleBook rules = RuleBook.fromClasspath();
        rows.add(measure("compile (ReleaseCompiler), 1 thread", n, () -> forEachLine(file, (line, json) -> {
            if (ReleaseCompiler.compile(json, line, false) == null) {
                throw new IllegalStateException("line " + line + " is not a compiled release");
            }
        })));
        rows.add(measure("compile + per-process rules, 1 thread", n, () -> {
            List<IndicatorSetting> enabled = settings.indicators(cardinal);
            List<Object> batch = new ArrayList<>();
            int[] inBatch = {0};
            String[] currency = {settings.currency()};
            forEachLine(file, (line, json) -> {
                ContractingProcess p = ReleaseCompiler.compile(json, line, false);
                currency[0] = mainCurrency(currency[0], p);
                batch.addAll(ProcessFacts.derive(p, currency[0], settings.comparesPrices(p.procurementMethodDetails())).all());
                if (++inBatch[0] == RULE_BATCH) {
                    rules.fire(enabled, batch);
                    batch.clear();
                    inBatch[0] = 0;
                }
            });
            rules.fire(enabled, batch);
        }));
        long inMemory = inMemory(rows, file, settings, cardinal, rules);
        for (int threads : new int[] {1, 2}) {
            rows.add(measure("indicators, " + threads + " thread(s)", n, () -> {
                try (IndicatorResults r = ProcurementEngine.builder().codes(IndicatorCatalogue.builtIn().cardinalCodes()).threads(threads).build()
                        .run(OcdsReader.inputs(file.toString()), ProcessListener.NONE)) {
                    if (r.counts().processes() != n) {
                        throw new IllegalStateException("read " + r.counts().processes());
                    }
                    org.adaldyq.risk.procurement.cardinal.CardinalJson.write(r, true, OutputStream.nullOutputStream());
                }
            }));
        }
        List<String> all = new ArrayList<>(IndicatorCatalogue.builtIn().codes());
        rows.add(measure("tenders (jsonl), 2 threads", n, () -> {
            ProcurementEngine e = ProcurementEngine.builder().codes(all).threads(2).build();
            try (org.adaldyq.risk.procurement.Assessment a = e.assess(OcdsReader.inputs(file.toString()), ProcessListener.NONE)) {
                new TendersReport(TendersReport.Format.JSONL).write(a, OutputStream.nullOutputStream());
            }
        }));
        // The report's second pass alone (the processes read back from the spill, scored, written): one thread,
        // then two scoring chunks of records in parallel; each on an assessment made once, outside the timing.
        for (int threads : new int[] {1, 2}) {
            try (org.adaldyq.risk.procurement.Assessment a = ProcurementEngine.builder().codes(all).threads(threads).build()
                    .assess(OcdsReader.inputs(file.toString()), ProcessListener.NONE)) {
                rows.add(measure("tenders report pass, read back on " + threads + " thread(s)", n,
                        () -> new TendersReport(TendersReport.Format.JSONL).write(a, OutputStream.nullOutputStream())));
            }
        }
        System.out.printf("%n%d processes, %d MiB, %d cores, max heap %d MiB, Java %s%n%n", n, Files.size(file) >> 20,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        System.out.println("| phase | seconds | processes/s | MiB/s | peak heap MiB (sampled) | live old gen after GC, MiB |");
        System.out.println("|---|---|---|---|---|---|");
        for (String[] r : rows) {
            System.out.println("| " + String.join(" | ", r) + " |");
        }
        double stream = rate(rows, 0);
        double compile = rate(rows, 2);
        double compileRules = rate(rows, 3);
        double one = rate(rows, 7);
        double two = rate(rows, 8);
        System.out.printf("%nof the token stream's speed: compile %.2f, compile + per-process rules %.2f, indicators 1 thread %.2f;"
                + " speed-up 1 → 2 threads = %.2f%n", compile / stream, compileRules / stream, one / stream, two / one);
        double memoryStream = rate(rows, 4);
        double memoryCompile = rate(rows, 5);
        double memoryRules = rate(rows, 6);
        // one thread compiles and fires one after the other: its time per process is at least the sum of the two
        System.out.printf("in memory (%d processes), of the token stream's speed: compile %.2f, rules alone %.2f;"
                + " one thread compiling and firing them, nothing else: at most %.2f%n", inMemory, memoryCompile / memoryStream,
                memoryRules / memoryStream, 1 / (memoryStream / memoryCompile + memoryStream / memoryRules));
        System.out.printf("the tenders report's pass over the assessed processes: 2 threads reading back = %.2f × 1 thread%n",
                rate(rows, 11) / rate(rows, 10));
    }

    /**
     * The token stream, the compiler and the per-process rules alone with nothing read from disk, on the
     * first {@link #IN_MEMORY} lines (their facts held in memory, dropped when this returns; each phase at
     * least five times). Together they bound what one thread can reach: no run is faster than compiling
     * and firing the rules, one after the other. Returns the number of lines.
     */
    private static long inMemory(List<String[]> rows, Path file, Settings settings, List<String> cardinal, RuleBook rules)
            throws IOException {
        List<byte[]> lines = firstLines(file, IN_MEMORY);
        long m = lines.size();
        List<List<Object>> batches = factBatches(lines, settings);
        List<IndicatorSetting> enabled = settings.indicators(cardinal);
        int repeats = Math.max(5, REPEATS);
        rows.add(measure("in memory: token stream", m, repeats, () -> {
            for (byte[] json : lines) {
                try (JsonParser p = JSON.getFactory().createParser(json)) {
                    while (p.nextToken() != null) {
                        // tokenise only
                    }
                }
            }
        }));
        rows.add(measure("in memory: compile", m, repeats, () -> {
            long line = 0;
            for (byte[] json : lines) {
                ReleaseCompiler.compile(json, ++line, false);
            }
        }));
        rows.add(measure("in memory: per-process rules alone", m, repeats, () -> {
            for (List<Object> facts : batches) {
                rules.fire(enabled, facts);
            }
        }));
        return m;
    }

    /** Processes per rule session in the phases that fire the rules themselves, as a run batches them. */
    static final int RULE_BATCH = 512;

    /** The main currency as a run finds it: the one set, else the first complete bid amount's. */
    private static String mainCurrency(String current, ContractingProcess p) {
        if (current != null) {
            return current;
        }
        return p.bids().stream().filter(b -> b.value().complete()).map(b -> b.value().currency()).findFirst().orElse(null);
    }

    /** Lines held in memory for the phases that read nothing from disk: their facts must fit a 512 MiB heap. */
    static final int IN_MEMORY = 20_000;

    private static double rate(List<String[]> rows, int row) {
        return Double.parseDouble(rows.get(row)[2]);
    }

    /** The first {@code max} lines of the file, as bytes. */
    private static List<byte[]> firstLines(Path file, int max) throws IOException {
        List<byte[]> lines = new ArrayList<>();
        forEachLine(file, (line, json) -> {
            if (lines.size() < max) {
                lines.add(json);
            }
        });
        return lines;
    }

    /** The per-process facts of these lines in rule batches of {@link #RULE_BATCH} processes, as a run makes them (cancelled ones left out). */
    private static List<List<Object>> factBatches(List<byte[]> lines, Settings settings) {
        List<List<Object>> batches = new ArrayList<>();
        List<Object> batch = new ArrayList<>();
        int inBatch = 0;
        long line = 0;
        String currency = settings.currency();
        for (byte[] json : lines) {
            ContractingProcess p = ReleaseCompiler.compile(json, ++line, false);
            if ("cancelled".equals(p.tenderStatus())) {
                continue;
            }
            currency = mainCurrency(currency, p);
            batch.addAll(ProcessFacts.derive(p, currency, settings.comparesPrices(p.procurementMethodDetails())).all());
            if (++inBatch == RULE_BATCH) {
                batches.add(batch);
                batch = new ArrayList<>();
                inBatch = 0;
            }
        }
        batches.add(batch);
        return batches;
    }

    interface LineConsumer {
        void accept(long line, byte[] json);
    }

    /** Each line of the file as bytes, numbered from 1 (the synthetic files are line-delimited compiled releases). */
    private static void forEachLine(Path file, LineConsumer consumer) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            long line = 0;
            while ((text = r.readLine()) != null) {
                consumer.accept(++line, text.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    interface Phase {
        void run() throws IOException;
    }

    /**
     * Runs a phase and returns its row. Peak heap is sampled every 5 ms (used heap, garbage included, so
     * bounded by -Xmx); "live" is the largest old-generation occupancy right after a collection, i.e.
     * what the phase really retains.
     */
    private static String[] measure(String name, long n, Phase phase) throws IOException {
        return measure(name, n, REPEATS, phase);
    }

    /** As {@link #measure(String, long, Phase)}, {@code repeats} times. */
    private static String[] measure(String name, long n, int repeats, Phase phase) throws IOException {
        System.gc();
        resetPeaks();
        long[] peak = {0};
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak[0] = Math.max(peak[0], ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        double[] times = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t = System.nanoTime();
            phase.run();
            times[r] = (System.nanoTime() - t) / 1e9;
        }
        java.util.Arrays.sort(times);
        double s = times[repeats / 2]; // median: the machine is shared and noisy
        sampler.interrupt();
        long live = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getName().contains("Old") && pool.getCollectionUsage() != null) {
                live = Math.max(live, pool.getCollectionUsage().getUsed());
            }
        }
        System.err.printf("%s: %.1f s%n", name, s);
        return new String[] {name, String.format("%.1f", s), String.format("%.0f", n / s),
                String.format("%.0f", SIZE_MIB * n / TOTAL / s), String.valueOf(peak[0] >> 20), String.valueOf(live >> 20)};
    }

    static double SIZE_MIB;
    /** The processes in the file: a phase over fewer of them reads that share of its bytes. */
    static long TOTAL;
    static int REPEATS = 1;

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }
}
