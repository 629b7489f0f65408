package org.adaldyq.risk.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.index.IndexSummary;
import org.adaldyq.risk.index.ProvisionIndex;
import org.adaldyq.risk.index.SearchOptions;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.report.ScannedDocument;
import org.adaldyq.risk.structure.DocumentReader;
import org.adaldyq.risk.structure.ParsedDocument;
import org.adaldyq.risk.structure.Provision;

/**
 * The provision index's costs, in one JVM: (1) indexing a corpus beside scanning the same files alone and
 * scanning them keeping their words for an index, alternated, medians (the target: indexing ≤ 1.3× the
 * scan), each phase's CPU time split by kind of thread ({@link ThreadCpu}); (2) the index's size per 1,000 provisions;
 * (3) a synthetic corpus of acts made of the corpus's own provisions, shuffled (≥ 200,000 provisions),
 * indexed once with the peak heap sampled every 5 ms (run with {@code -Xmx512m}); (4) search latency
 * p50/p95 on it, warm, every search with its facet counts and snippets.
 */
public final class IndexBenchmark {

    /** Queries of the latency figure: terms, phrases, wildcards, boolean, slop, in both languages. */
    private static final List<String> QUERIES = List.of(
            "инвестор", "\"в порядке, установленном\"", "уполномоченный AND орган", "лиценз*", "\"вправе отказать\"~2",
            "мемлекеттік", "\"белгіленген тәртіппен\"", "құқылы", "срок NOT месяц", "Правительство",
            "exact:\"в порядке, установленном\"", "тәртiбi*", "контракт OR договор", "заявка", "жеңілдіктер");

    private final Path data;
    private final Path work;
    private final int iterations;
    private final int warmup;
    private final int syntheticProvisions;
    private final int queryRounds;

    /**
     * @param data                folder with kk/, ru/ and en/ acts (other files and folders are left alone)
     * @param work                scratch folder for the indexes and the synthetic acts
     * @param iterations          measured rounds of the throughput figure (0 skips figures 1 and 2)
     * @param warmup              unmeasured rounds first
     * @param syntheticProvisions provisions of the synthetic corpus (0 skips figures 3 and 4)
     * @param queryRounds         measured rounds over the queries
     */
    public IndexBenchmark(Path data, Path work, int iterations, int warmup, int syntheticProvisions, int queryRounds) {
        this.data = data;
        this.work = work;
        this.iterations = iterations;
        this.warmup = warmup;
        this.syntheticProvisions = syntheticProvisions;
        this.queryRounds = queryRounds;
    }

    /** Runs every figure and prints them. */
    public void run(PrintWriter out) throws Exception {
        RiskEngine engine = RiskEngine.builder().build();
        List<Path> files = new ArrayList<>();
        for (String lang : List.of("kk", "ru", "en")) {
            if (Files.isDirectory(data.resolve(lang))) {
                files.addAll(files(data.resolve(lang)));
            }
        }
        out.printf(Locale.ROOT, "Java %s, %d cores, max heap %d MB; corpus %s: %d files%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, data, files.size());
        out.flush();
        if (iterations > 0) {
            throughputAndSize(engine, files, out);
        }
        if (syntheticProvisions <= 0) {
            return;
        }
        Path acts = work.resolve("synthetic-acts");
        int written = synthesise(files, acts, syntheticProvisions);
        Path big = work.resolve("synthetic-index");
        IndexSummary summary;
        try (HeapPeak peak = HeapPeak.start(); ProvisionIndex index = ProvisionIndex.open(big, engine)) {
            List<Path> synthetic = files(acts);
            summary = index.add(synthetic.toArray(Path[]::new));
            index.close();
            out.printf(Locale.ROOT, "3. synthetic corpus: %d acts, %d provisions written, %d indexed in %.0f s (%.0f provisions/s, scan "
                    + "included); index %.0f MB (%.0f KB per 1,000); peak heap used %d MB of %d MB (sampled every 5 ms)%n",
                    synthetic.size(), written, summary.provisions(), summary.time().toMillis() / 1000.0,
                    summary.provisions() / (summary.time().toMillis() / 1000.0), size(big) / 1e6,
                    size(big) / 1024.0 / summary.provisions() * 1000, peak.peak() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        }
        out.flush();
        try (ProvisionIndex index = ProvisionIndex.open(big)) {
            long first = System.nanoTime();
            index.search(QUERIES.get(0), SearchOptions.defaults());
            out.printf(Locale.ROOT, "4. first search after opening: %.1f ms%n", (System.nanoTime() - first) / 1e6);
            List<Double> samples = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Map<String, List<Double>> perQuery = new java.util.LinkedHashMap<>();
            long matches = 0;
            long gc0 = gcMillis();
            for (int r = -1; r < queryRounds; r++) {
                for (String q : QUERIES) {
                    long c0 = threads.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    matches += index.search(q, SearchOptions.defaults()).total();
                    if (r >= 0) {
                        double ms = (System.nanoTime() - t0) / 1e6;
                        samples.add(ms);
                        cpu.add((threads.getCurrentThreadCpuTime() - c0) / 1e6);
                        perQuery.computeIfAbsent(q, k -> new ArrayList<>()).add(ms);
                    }
                }
            }
            long gc = gcMillis() - gc0;
            samples.sort(Comparator.naturalOrder());
            out.printf(Locale.ROOT, "4. garbage collection during the searches: %d ms%n", gc);
            out.printf(Locale.ROOT, "4. search on %d provisions, warm (%d queries × %d rounds after one unmeasured, top 10 with snippets "
                    + "and factor/act/language facets): p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d matches per round)%n",
                    written, QUERIES.size(), queryRounds, percentile(samples, 50), percentile(samples, 95),
                    samples.get(samples.size() - 1), matches / (queryRounds + 1));
            cpu.sort(Comparator.naturalOrder());
            out.printf(Locale.ROOT, "4. the searching thread's CPU time per search (what the search costs, whatever the machine's load): "
                    + "p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", percentile(cpu, 50), percentile(cpu, 95), cpu.get(cpu.size() - 1));
            for (Map.Entry<String, List<Double>> e : perQuery.entrySet()) {
                List<Double> q = e.getValue().stream().sorted().toList();
                out.printf(Locale.ROOT, "   %-40s p50 %6.1f ms, p95 %6.1f ms, max %6.1f ms%n", e.getKey(), percentile(q, 50), percentile(q, 95),
                        q.get(q.size() - 1));
            }
        }
        out.flush();
    }

    /** Figures 1 and 2. */
    private void throughputAndSize(RiskEngine engine, List<Path> files, PrintWriter out) throws Exception {
        int[] provisions = {0};
        int[] round = {0};
        List<Double> indexingCpu = new ArrayList<>();
        ScannedDocument[] held = {null};
        List<Repetitions.Measured> m = Repetitions.alternated(warmup, iterations, List.of(
                () -> {
                    int n = 0;
                    for (Path f : files) {
                        n += engine.scanDocument(f).document().provisions().size();
                    }
                    provisions[0] = n;
                },
                () -> {
                    // what the index's scan does without the index: the words kept, each file held until the next is scanned
                    for (Path f : files) {
                        held[0] = engine.scanDocumentKeepingWords(f);
                    }
                    held[0] = null;
                },
                () -> {
                    Path dir = work.resolve("throughput-" + round[0]++);
                    long c0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                    try (ProvisionIndex index = ProvisionIndex.open(dir, engine)) {
                        index.add(files.toArray(Path[]::new));
                    }
                    // this thread indexes (documents, postings, flush, commit); the scans run on another
                    indexingCpu.add((ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0) / 1e6);
                    delete(dir);
                }));
        Repetitions.Measured scan = m.get(0);
        Repetitions.Measured keeping = m.get(1);
        Repetitions.Measured indexed = m.get(2);
        out.printf(Locale.ROOT, "1. %d provisions: scan alone %.0f ms (%.0f provisions/s), scan + index %.0f ms (%.0f provisions/s): "
                + "index/scan = %.2f (medians of %d after %d); process CPU time: scan alone %.0f ms, scan + index %.0f ms: "
                + "index/scan = %.2f%n", provisions[0], scan.wall(), provisions[0] / scan.wall() * 1000, indexed.wall(),
                provisions[0] / indexed.wall() * 1000, indexed.wall() / scan.wall(), iterations, warmup, scan.cpu(), indexed.cpu(),
                indexed.cpu() / scan.cpu());
        // the scan alone runs right after an index was built and its JIT time is higher (0.5–1 s a round against 0.1 s for
        // this scan: code compiled again after the index's run), which the ratio to the scan alone gains from
        out.printf(Locale.ROOT, "1. scan keeping its words for an index (no index): %.0f ms wall, %.0f ms process CPU: %.2f of the scan "
                + "alone's CPU; scan + index / this scan: wall %.2f, CPU %.2f%n", keeping.wall(), keeping.cpu(), keeping.cpu() / scan.cpu(),
                indexed.wall() / keeping.wall(), indexed.cpu() / keeping.cpu());
        double indexing = Repetitions.median(indexingCpu.subList(warmup, indexingCpu.size()));
        out.printf(Locale.ROOT, "1. CPU time of the indexing thread alone (Lucene documents, postings, flush, commit; the scans on their own "
                + "thread): %.0f ms, %.0f µs per provision, %.2f of the scan alone's process CPU time (median)%n", indexing,
                indexing * 1000 / provisions[0], indexing / scan.cpu());
        for (Map.Entry<String, Repetitions.Measured> e : List.of(Map.entry("scan alone", scan),
                Map.entry("scan keeping words", keeping), Map.entry("scan + index", indexed))) {
            if (!e.getValue().cpuByThread().isEmpty()) {
                StringBuilder b = new StringBuilder();
                e.getValue().cpuByThread().forEach((kind, ms) -> b.append(String.format(Locale.ROOT, ", %s %.0f", kind, ms)));
                out.printf(Locale.ROOT, "1. CPU time by thread, %s (ms, medians): %s%n", e.getKey(), b.substring(2));
            }
        }
        Path sized = work.resolve("size");
        try (ProvisionIndex index = ProvisionIndex.open(sized, engine)) {
            index.add(files.toArray(Path[]::new));
        }
        long bytes = size(sized);
        out.printf(Locale.ROOT, "2. index size %.1f MB for %d provisions: %.0f KB per 1,000 provisions%n", bytes / 1e6, provisions[0],
                bytes / 1024.0 / provisions[0] * 1000);
        delete(sized);
        out.flush();
    }

    /**
     * Writes acts of 50 articles × 10 points, alternately Kazakh and Russian, each point a provision of the
     * corpus picked at random (seeded) with its own numbering dropped.
     */
    private static int synthesise(List<Path> files, Path dir, int provisions) throws IOException {
        Files.createDirectories(dir);
        Map<Language, List<String>> pool = new EnumMap<>(Language.class);
        DocumentReader reader = DocumentReader.create();
        for (Path f : files) {
            ParsedDocument d = reader.read(f);
            if (d.language() == Language.EN) {
                continue;
            }
            for (Provision p : d.provisions()) {
                String t = d.textOf(p).replaceAll("\\s+", " ").replaceFirst("^\\s*\\d+(?:-\\d+)?[.)]\\s*", "").strip();
                if (t.length() >= 20) {
                    pool.computeIfAbsent(d.language(), k -> new ArrayList<>()).add(t);
                }
            }
        }
        Random random = new Random(20261205);
        int written = 0;
        for (int act = 0; written < provisions; act++) {
            Language lang = act % 2 == 0 ? Language.RU : Language.KK;
            List<String> texts = pool.get(lang);
            StringBuilder b = new StringBuilder(lang == Language.RU ? "# Синтетический акт " : "# Синтетикалық акт ").append(act).append("\n\n");
            for (int a = 1; a <= 50; a++) {
                b.append(lang == Language.RU ? "### Статья " + a + ". Положения" : "### " + a + "-бап. Ережелер").append("\n\n");
                for (int p = 1; p <= 10; p++) {
                    b.append("      ").append(p).append(". ").append(texts.get(random.nextInt(texts.size()))).append("\n\n");
                    written++;
                }
            }
            Files.writeString(dir.resolve(String.format(Locale.ROOT, "synthetic-%s-%04d.md", lang.code(), act)), b.toString());
        }
        return written;
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
    }

    private static double percentile(List<Double> sorted, int pct) {
        int i = (int) Math.ceil(pct / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    /** The used heap, garbage included, sampled every 5 ms while open. */
    private static final class HeapPeak implements AutoCloseable {
        private final Thread sampler;
        private volatile long peak;

        private HeapPeak() {
            sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak = Math.max(peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-peak");
            sampler.setDaemon(true);
        }

        static HeapPeak start() {
            HeapPeak h = new HeapPeak();
            h.sampler.start();
            return h;
        }

        long peak() {
            return peak;
        }

        @Override
        public void close() {
            sampler.interrupt();
        }
    }
}
