package org.adaldyq.risk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.bench.BenchmarkReport.BigDocument;
import org.adaldyq.risk.bench.BenchmarkReport.CliMode;
import org.adaldyq.risk.bench.BenchmarkReport.CliStartup;
import org.adaldyq.risk.bench.BenchmarkReport.Environment;
import org.adaldyq.risk.bench.BenchmarkReport.Extraction;
import org.adaldyq.risk.bench.BenchmarkReport.Models;
import org.adaldyq.risk.bench.BenchmarkReport.Memory;
import org.adaldyq.risk.bench.BenchmarkReport.Rate;
import org.adaldyq.risk.bench.BenchmarkReport.Throughput;
import org.adaldyq.risk.extract.DocumentReadException;
import org.adaldyq.risk.extract.TextExtractor;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.lexicon.Lexicon;
import org.adaldyq.risk.lexicon.TermMatch;
import org.adaldyq.risk.lexicon.TokenizedText;
import org.adaldyq.risk.report.ScanReport;
import org.adaldyq.risk.structure.DocumentReader;
import org.adaldyq.risk.structure.ParsedDocument;
import org.adaldyq.risk.structure.Provision;
import org.adaldyq.risk.structure.ProvisionSegmenter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The regulation benchmark behind {@code risk-cli bench regulation}: in one run, raw Lucene tokenisation vs
 * our analysis vs the full scan on the same texts, extraction per format, the biggest Russian code stage by
 * stage, the CLI's cold wall time, and peak memory. Progress goes to SLF4J; the caller prints the
 * {@link BenchmarkReport}.
 */
public final class RegulationBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(RegulationBenchmark.class);

    /** Where the built-in lexicon lives, loaded as {@link RiskEngine} loads it. */
    static final String LEXICON = "org/adaldyq/risk/rules/regulation/lexicon";
    static final String ONE_PAGE = "org/adaldyq/risk/bench/one-page-ru.txt";

    /** What to measure and on what. */
    public record Settings(Path dataDir, Path fixturesDir, int iterations, int warmup, int maxCharsPerLanguage,
            long maxFormatBytes, Path cliJar, int cliRuns, boolean firstExtractionInFreshJvm) {

        public Settings {
            Objects.requireNonNull(dataDir, "dataDir");
            if (iterations < 1 || warmup < 0 || cliRuns < 0 || maxCharsPerLanguage < 1) {
                throw new IllegalArgumentException("iterations and max chars must be positive, warm-up and CLI runs not negative");
            }
        }
    }

    private final Settings settings;
    private final List<String> skipped = new ArrayList<>();
    private final RiskEngine engine = RiskEngine.builder().build();
    private final RiskEngine rulesOnly = RiskEngine.builder().signal(false).build();
    private final Lexicon lexicon = Lexicon.builder().addClasspath(RegulationBenchmark.class.getClassLoader(), LEXICON).build();
    private final TextExtractor extractor = TextExtractor.create();
    private final DocumentReader reader = DocumentReader.create();
    /** Results are summed here so that the JIT cannot drop the work being measured. */
    private long sink;

    public RegulationBenchmark(Settings settings) {
        this.settings = settings;
    }

    public BenchmarkReport run() throws Exception {
        BenchInputs inputs = BenchInputs.scan(List.of(settings.dataDir(),
                settings.fixturesDir() == null ? settings.dataDir() : settings.fixturesDir()));
        List<Throughput> throughput = throughput(inputs);
        Models models = models();
        List<Extraction> extraction = extraction(inputs);
        HeapPeak heap = new HeapPeak();
        BigDocument big;
        try {
            big = bigDocument(inputs);
        } finally {
            heap.stop();
        }
        Map<String, Long> status = ProcStatus.read();
        Memory memory = new Memory(heap.peakBytes(), status.get("VmHWM"), status.get("VmRSS"));
        CliStartup cli = cliStartup();
        Environment env = new Environment(System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory(),
                settings.dataDir().toString(), settings.iterations(), settings.warmup());
        LOG.debug("benchmark done, sink {}", sink);
        return new BenchmarkReport(env, throughput, models, extraction, big, cli, memory, List.copyOf(skipped));
    }

    private Models models() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        double ms = Repetitions.medianMs(settings.warmup(), settings.iterations(),
                () -> sink += org.adaldyq.risk.signal.FactorModels.fromClasspath(loader,
                        org.adaldyq.risk.signal.FactorModels.BUILT_IN).all().size());
        var models = org.adaldyq.risk.signal.FactorModels.fromClasspath(loader, org.adaldyq.risk.signal.FactorModels.BUILT_IN);
        long bytes = 0;
        for (var m : models.all()) {
            try (var in = loader.getResourceAsStream(org.adaldyq.risk.signal.FactorModels.BUILT_IN + "/" + m.factor() + ".model")) {
                bytes += in == null ? 0 : in.readAllBytes().length;
            }
        }
        return new Models(models.all().size(), bytes, ms);
    }

    // ---- groups 1 and 2: raw Lucene vs our analysis vs the full scan, same text --------------------------

    private List<Throughput> throughput(BenchInputs inputs) throws Exception {
        List<Throughput> out = new ArrayList<>();
        for (Map.Entry<Language, List<Path>> e : inputs.byLanguage().entrySet()) {
            Language language = e.getKey();
            StringBuilder text = new StringBuilder();
            List<String> sources = new ArrayList<>();
            for (Path f : e.getValue()) {
                if (text.length() >= settings.maxCharsPerLanguage()) {
                    break;
                }
                try {
                    text.append(reader.read(f, language).text()).append("\n\n");
                    sources.add(f.getFileName().toString());
                } catch (DocumentReadException ex) {
                    LOG.warn("skipping {}: {}", f, ex.getMessage());
                }
            }
            if (text.length() > settings.maxCharsPerLanguage()) {
                int cut = text.lastIndexOf("\n", settings.maxCharsPerLanguage());
                text.setLength(cut > 0 ? cut + 1 : settings.maxCharsPerLanguage());
            }
            if (text.isEmpty()) {
                skipped.add("throughput " + language + ": no readable text");
                continue;
            }
            out.add(throughput(language, text.toString(), sources));
        }
        if (out.isEmpty()) {
            skipped.add("throughput: no kk/, ru/ or en/ folder under " + settings.dataDir());
        }
        return out;
    }

    private Throughput throughput(Language language, String text, List<String> sources) throws Exception {
        LOG.info("throughput {}: {} chars from {} file(s)", language, text.length(), sources.size());
        long bytes = text.getBytes(StandardCharsets.UTF_8).length;
        int w = settings.warmup();
        int n = settings.iterations();
        long tokens = rawTokens(text);
        double raw = Repetitions.medianMs(w, n, () -> sink += rawTokens(text));
        double analysis = Repetitions.medianMs(w, n, () -> {
            TokenizedText t = TokenizedText.analyze(text, language);
            List<TermMatch> matches = lexicon.match(t);
            sink += t.size() + matches.size();
        });
        ParsedDocument doc = reader.read(text, language + "-corpus", language);
        // Alternated in one loop so that both see the same machine: the shipped scan and the rules alone.
        double[] both = Repetitions.medianMsPair(w, n, () -> sink += engine.scan(doc).findings().size(),
                () -> sink += rulesOnly.scan(doc).findings().size());
        double scan = both[0];
        return new Throughput(language.code(), String.join(", ", sources), text.length(), tokens, doc.provisions().size(),
                Rate.of(raw, text.length(), bytes), Rate.of(analysis, text.length(), bytes), Rate.of(scan, text.length(), bytes),
                raw / analysis, raw / scan, Rate.of(both[1], text.length(), bytes), both[1] / scan);
    }

    /** A plain {@code StandardTokenizer + LowerCaseFilter} pass that consumes every token; returns the token count. */
    static long rawTokens(String text) throws IOException {
        long count = 0;
        Tokenizer tokenizer = new StandardTokenizer();
        tokenizer.setReader(new StringReader(text));
        try (TokenStream ts = new LowerCaseFilter(tokenizer)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                count += term.length() > 0 ? 1 : 0;
            }
            ts.end();
        }
        return count;
    }

    // ---- group 3: extraction per format ------------------------------------------------------------------

    private List<Extraction> extraction(BenchInputs inputs) throws Exception {
        List<Extraction> out = new ArrayList<>();
        Map<BenchInputs.Format, Path> files = inputs.onePerFormat(settings.maxFormatBytes());
        for (BenchInputs.Format format : BenchInputs.Format.values()) {
            Path file = files.get(format);
            if (file == null) {
                skipped.add("extraction " + format + ": no such file under the data or fixture folder");
                continue;
            }
            LOG.info("extraction {}: {}", format, file);
            Double first = settings.firstExtractionInFreshJvm() ? firstExtraction(file) : null;
            long chars = FirstExtraction.extract(file);
            double warm = Repetitions.medianMs(settings.warmup(), settings.iterations(), () -> sink += FirstExtraction.extract(file));
            Language language = BenchInputs.languageOf(file).orElse(format == BenchInputs.Format.USLM ? Language.EN : Language.RU);
            int provisions = reader.read(file, language).provisions().size();
            double read = Repetitions.medianMs(settings.warmup(), settings.iterations(),
                    () -> sink += reader.read(file, language).provisions().size());
            out.add(new Extraction(format.name(), file.toString(), BenchInputs.size(file), chars, provisions, first, warm, read));
        }
        return out;
    }

    /** Median over fresh JVMs of the in-process time of the first extraction (JVM start not included). */
    private double firstExtraction(Path file) throws IOException, InterruptedException {
        List<Double> samples = new ArrayList<>();
        int runs = Math.max(1, Math.min(3, settings.iterations()));
        for (int i = 0; i < runs; i++) {
            List<String> cmd = List.of(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                    FirstExtraction.class.getName(), file.toString());
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            if (p.waitFor() != 0 || out.isEmpty()) {
                throw new IllegalStateException("first extraction of " + file + " failed in a child JVM: exit " + p.exitValue());
            }
            String[] lines = out.split("\n");
            samples.add(Double.parseDouble(lines[lines.length - 1].strip()));
        }
        return Repetitions.median(samples);
    }

    // ---- group 4: the biggest Russian code ---------------------------------------------------------------

    private BigDocument bigDocument(BenchInputs inputs) throws Exception {
        Path file = inputs.bigDocument().orElse(null);
        if (file == null) {
            skipped.add("big document: no Russian file under " + settings.dataDir());
            return null;
        }
        LOG.info("big document: {}", file);
        int w = settings.warmup();
        int n = settings.iterations();
        String text = extractor.extract(file).text();
        List<Provision> provisions = ProvisionSegmenter.segment(text, Language.RU);
        ParsedDocument doc = new ParsedDocument(file.getFileName().toString(), text, Language.RU, 1.0,
                "text/html", Map.of(), provisions);
        double extraction = Repetitions.medianMs(w, n, () -> sink += extractor.extract(file).text().length());
        double segmentation = Repetitions.medianMs(w, n, () -> sink += ProvisionSegmenter.segment(text, Language.RU).size());
        double analysis = Repetitions.medianMs(w, n, () -> {
            for (Provision p : provisions) {
                sink += lexicon.match(TokenizedText.analyze(text, p.start(), p.end(), Language.RU)).size();
            }
        });
        double rules = Repetitions.medianMs(w, n, () -> sink += engine.scan(doc).findings().size());
        ScanReport report = engine.scan(file);
        double total = Repetitions.medianMs(w, n, () -> sink += engine.scan(file).findings().size());
        return new BigDocument(file.toString(), BenchInputs.size(file), text.length(), provisions.size(),
                report.findings().size(), extraction, segmentation, analysis, rules, total);
    }

    // ---- group 5: cold CLI ------------------------------------------------------------------------------

    private CliStartup cliStartup() throws IOException, InterruptedException {
        Path jar = settings.cliJar() != null ? settings.cliJar() : ownJar();
        if (settings.cliRuns() == 0) {
            skipped.add("CLI start-up: --cli-runs 0");
            return null;
        }
        if (jar == null || !Files.isRegularFile(jar)) {
            skipped.add("CLI start-up: no risk-cli.jar (build it with mvn package, or give --cli-jar)");
            return null;
        }
        Path work = Files.createTempDirectory("risk-bench");
        Path page = work.resolve("one-page.txt");
        String pageText;
        try (InputStream in = Objects.requireNonNull(RegulationBenchmark.class.getClassLoader().getResourceAsStream(ONE_PAGE),
                ONE_PAGE)) {
            pageText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.writeString(page, pageText);
        Path archive = work.resolve("risk-cli.jsa");
        List<CliMode> modes = new ArrayList<>();
        try {
            modes.add(cliMode("default", List.of(), jar, page));
            // C1 only: on two busy cores the C2 compiler threads compete with a short run for the CPU.
            modes.add(cliMode("C1 only", List.of("-XX:TieredStopAtLevel=1"), jar, page));
            LOG.info("CLI start-up: creating the AppCDS archive {}", archive);
            cliRun(List.of("-XX:ArchiveClassesAtExit=" + archive), jar, page);
            if (Files.isRegularFile(archive)) {
                modes.add(cliMode("AppCDS", List.of("-XX:SharedArchiveFile=" + archive), jar, page));
                modes.add(cliMode("AppCDS + C1 only", List.of("-XX:SharedArchiveFile=" + archive, "-XX:TieredStopAtLevel=1"), jar, page));
            } else {
                skipped.add("CLI start-up with AppCDS: the JVM wrote no archive");
            }
        } finally {
            Files.deleteIfExists(archive);
            Files.deleteIfExists(page);
            Files.deleteIfExists(work);
        }
        return new CliStartup(jar.toString(), ONE_PAGE, pageText.length(), modes);
    }

    private CliMode cliMode(String name, List<String> jvmOptions, Path jar, Path page) throws IOException, InterruptedException {
        LOG.info("CLI start-up, {}: {} run(s)", name, settings.cliRuns());
        cliRun(jvmOptions, jar, page);    // warms the file cache; not counted
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < settings.cliRuns(); i++) {
            samples.add(cliRun(jvmOptions, jar, page));
        }
        return new CliMode(name, jvmOptions, Repetitions.median(samples), samples);
    }

    /** Wall time of one {@code java [options] -jar risk-cli.jar scan --format jsonl <page>}, output discarded. */
    private static double cliRun(List<String> jvmOptions, Path jar, Path page) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", jar.toString(), "scan", "--format", "jsonl", page.toString()));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the CLI did not finish in 120 s: " + cmd);
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        if (p.exitValue() != 0) {
            throw new IllegalStateException("the CLI exited with " + p.exitValue() + ": " + cmd);
        }
        return ms;
    }

    /** The jar this class was loaded from, when it is one (the CLI running itself). */
    static Path ownJar() {
        try {
            var source = RegulationBenchmark.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path p = Path.of(source.getLocation().toURI());
            return p.toString().endsWith(".jar") ? p : null;
        } catch (URISyntaxException | SecurityException e) {
            return null;
        }
    }

    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    // ---- group 6: memory ---------------------------------------------------------------------------------

    /** Samples the used heap every 5 ms on a daemon thread until stopped. */
    private static final class HeapPeak {
        private final AtomicLong peak = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        HeapPeak() {
            sample();
            thread = new Thread(() -> {
                while (running) {
                    sample();
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private void sample() {
            Runtime rt = Runtime.getRuntime();
            peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
        }

        /** Stops sampling; a last sample is taken so that a short run is never reported as zero. */
        void stop() throws InterruptedException {
            running = false;
            thread.join();
            sample();
        }

        long peakBytes() {
            return peak.get();
        }
    }

    /** {@code /proc/self/status} memory lines in bytes; empty where there is no /proc. */
    static final class ProcStatus {
        private ProcStatus() {
        }

        static Map<String, Long> read() {
            Path status = Path.of("/proc/self/status");
            if (!Files.isReadable(status)) {
                return Map.of();
            }
            try {
                java.util.HashMap<String, Long> out = new java.util.HashMap<>();
                for (String line : Files.readAllLines(status)) {
                    String[] parts = line.split("\\s+");
                    if (parts.length == 3 && parts[0].startsWith("Vm") && parts[2].equals("kB")) {
                        out.put(parts[0].substring(0, parts[0].length() - 1), Long.parseLong(parts[1]) * 1024);
                    }
                }
                return out;
            } catch (IOException | NumberFormatException e) {
                return Map.of();
            }
        }
    }
}
