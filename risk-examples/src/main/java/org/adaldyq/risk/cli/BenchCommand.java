package org.adaldyq.risk.cli;

import org.adaldyq.risk.isolation.IsolatedEngine;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.adaldyq.risk.bench.BenchmarkReport;
import org.adaldyq.risk.bench.BenchmarkReport.CliMode;
import org.adaldyq.risk.bench.BenchmarkReport.Extraction;
import org.adaldyq.risk.bench.BenchmarkReport.Rate;
import org.adaldyq.risk.bench.BenchmarkReport.Throughput;
import org.adaldyq.risk.bench.RegulationBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench}: benchmarks, one subcommand each. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure speed and memory.",
        subcommands = {BenchCommand.Regulation.class, BenchCommand.Reports.class, BenchCommand.Similar.class,
                BenchCommand.Index.class, BenchCommand.RulePack.class, BenchCommand.Isolate.class})
final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a benchmark: regulation, reports, rule-pack or isolate");
    }

    /** {@code bench index}: indexing beside scanning, index size, a synthetic 200,000-provision corpus: heap and search latency. */
    @Command(name = "index", mixinStandardHelpOptions = true,
            description = "Index the acts of --data beside scanning them alone (alternated, medians), the index size, then a synthetic "
                    + "corpus of their provisions shuffled into acts: its indexing heap peak (run with -Xmx512m) and search p50/p95.")
    static final class Index implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--data", description = "Corpus folder (default: ../shared/data/regulations if present, else data/samples).")
        Path data;

        @Option(names = "--work", description = "Scratch folder, emptied of what this run writes (default: a temporary folder).")
        Path work;

        @Option(names = "--iterations", defaultValue = "3", description = "Measured rounds; 0 skips the throughput and size "
                + "figures (default: ${DEFAULT-VALUE}).")
        int iterations;

        @Option(names = "--warmup", defaultValue = "1", description = "Unmeasured rounds first (default: ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--synthetic", defaultValue = "200000", description = "Provisions of the synthetic corpus; 0 skips it "
                + "(default: ${DEFAULT-VALUE}).")
        int synthetic;

        @Option(names = "--query-rounds", defaultValue = "20", description = "Measured rounds over the queries (default: ${DEFAULT-VALUE}).")
        int queryRounds;

        @Override
        public Integer call() throws Exception {
            Path dataDir = data != null ? data : Regulation.defaultData();
            Path scratch = work != null ? Files.createDirectories(work) : Files.createTempDirectory("adaldyq-bench-index");
            new org.adaldyq.risk.bench.IndexBenchmark(dataDir, scratch, iterations, warmup, synthetic, queryRounds)
                    .run(spec.commandLine().getOut());
            return 0;
        }
    }

    /** {@code bench similar}: the quality of {@code similar} (twin acts, recurring formulas, damaged provisions) per setting. */
    @Command(name = "similar", mixinStandardHelpOptions = true,
            description = "Index the kk/ and ru/ acts of --data and measure `similar`: twin acts found (truth from kz-laws_kaz_N / "
                    + "kz-laws_rus_N file names), recall of recurring formulas, and of provisions with every third word dropped, "
                    + "per MoreLikeThis setting.")
    static final class Similar implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--data", description = "Corpus folder with kk/ and ru/ (default: ../shared/data/regulations if present, "
                + "else data/samples).")
        Path data;

        @Option(names = "--dir", description = "Index folder to build or reuse (default: ${DEFAULT-VALUE}).", defaultValue = ".adaldyq-bench-index")
        Path dir;

        @Override
        public Integer call() throws Exception {
            Path dataDir = data != null ? data : Regulation.defaultData();
            java.util.List<org.adaldyq.risk.index.SimilarSettings> variants = java.util.List.of(
                    org.adaldyq.risk.index.SimilarSettings.defaults(),
                    new org.adaldyq.risk.index.SimilarSettings(10, 2, 25, 0.0),
                    new org.adaldyq.risk.index.SimilarSettings(25, 2, 25, 0.0),
                    new org.adaldyq.risk.index.SimilarSettings(25, 1, 25, 0.3),
                    new org.adaldyq.risk.index.SimilarSettings(25, 2, 50, 0.3),
                    new org.adaldyq.risk.index.SimilarSettings(25, 2, 25, 0.5),
                    new org.adaldyq.risk.index.SimilarSettings(50, 2, 25, 0.3),
                    new org.adaldyq.risk.index.SimilarSettings(50, 2, 10, 0.3));
            new org.adaldyq.risk.bench.SimilarEvaluation(dataDir, dir, variants).run(spec.commandLine().getOut());
            return 0;
        }
    }

    /** {@code bench reports}: the cost of the HTML, DOCX and SARIF writers next to the scan they report. */
    @Command(name = "reports", mixinStandardHelpOptions = true,
            description = "Scan each FILE and write its HTML page, DOCX with comments and SARIF log, alternating in one JVM; "
                    + "medians and each writer's share of the scan time.")
    static final class Reports implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--iterations", defaultValue = "7", description = "Measured rounds (default: ${DEFAULT-VALUE}).")
        int iterations;

        @Option(names = "--warmup", defaultValue = "3", description = "Unmeasured rounds first (default: ${DEFAULT-VALUE}).")
        int warmup;

        @picocli.CommandLine.Parameters(arity = "1..*", paramLabel = "FILE", description = "Documents to scan and report.")
        java.util.List<Path> files;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            org.adaldyq.risk.bench.ReportBenchmark bench = new org.adaldyq.risk.bench.ReportBenchmark(iterations, warmup);
            out.printf("%d cores, Java %s, %d measured rounds after %d; medians%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), iterations, warmup);
            for (Path f : files) {
                org.adaldyq.risk.bench.ReportBenchmark.Result r = bench.run(f);
                out.printf("%s: %,d chars, %d findings, scan %.1f ms%n", r.file(), r.chars(), r.findings(), r.scanMs());
                r.writersMs().forEach((format, ms) -> out.printf("  %-5s %7.1f ms  %5.1f%% of the scan  %,d bytes%n", format, ms,
                        100 * ms / r.scanMs(), r.bytes().get(format)));
            }
            out.flush();
            return 0;
        }
    }

    /** The measured and unmeasured rounds of a benchmark. */
    static final class Rounds {
        @Option(names = "--iterations", defaultValue = "5", description = "Measured rounds (default: ${DEFAULT-VALUE}).")
        int iterations;

        @Option(names = "--warmup", defaultValue = "2", description = "Unmeasured rounds first (default: ${DEFAULT-VALUE}).")
        int warmup;
    }

    /** {@code bench isolate}: what {@code scan --isolate} costs: the child's start, and per document against a scan in process. */
    @Command(name = "isolate", mixinStandardHelpOptions = true,
            description = "Scan each FILE in process and in an isolated child JVM, alternating, warm; medians per document and the"
                    + " child's start-up.")
    static final class Isolate implements Callable<Integer> {
        private IsolatedEngine isolated(boolean sandbox) {
            IsolatedEngine.Builder b = IsolatedEngine.builder().sandbox(sandbox).timeoutPerInput(java.time.Duration.ofMinutes(5));
            rules.forEach(b::rules);
            return b.build();
        }

        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        Rounds rounds;

        @Option(names = "--rules", description = "Author rule folder for both (repeatable).")
        java.util.List<Path> rules = java.util.List.of();

        @picocli.CommandLine.Parameters(arity = "1..*", paramLabel = "FILE", description = "Documents to scan.")
        java.util.List<Path> files;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            org.adaldyq.risk.RiskEngine.Builder builder = org.adaldyq.risk.RiskEngine.builder();
            rules.forEach(builder::rules);
            org.adaldyq.risk.RiskEngine engine = builder.build();
            out.printf("%d cores, Java %s, medians of %d rounds after %d%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), rounds.iterations, rounds.warmup);
            for (boolean sandbox : new boolean[] {true, false}) {
                java.util.List<Double> starts = new java.util.ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    long t0 = System.nanoTime();
                    try (IsolatedEngine child = isolated(sandbox)) {
                        starts.add((System.nanoTime() - t0) / 1e6);
                    }
                }
                out.printf("child JVM start (engine%s built, sandbox %s): median %.0f ms of %s%n",
                        rules.isEmpty() ? "" : " and author rules", sandbox ? "on" : "off",
                        org.adaldyq.risk.bench.BenchSupport.median(starts), starts.stream().map(d -> String.format("%.0f", d)).toList());
            }
            try (IsolatedEngine sandboxed = isolated(true); IsolatedEngine open = isolated(false)) {
                double inTotal = 0;
                double sandboxTotal = 0;
                double openTotal = 0;
                for (Path f : files) {
                    double[] ms = org.adaldyq.risk.bench.BenchSupport.pair(rounds.warmup, rounds.iterations,
                            () -> ScanCommand.scanOne(engine, f), () -> sandboxed.scan(f));
                    double[] open2 = org.adaldyq.risk.bench.BenchSupport.pair(rounds.warmup, rounds.iterations,
                            () -> open.scan(f), () -> sandboxed.scan(f));
                    inTotal += ms[0];
                    sandboxTotal += ms[1];
                    openTotal += open2[0] * ms[1] / open2[1];
                    out.printf("%s: in process %.1f ms | isolated %.1f ms (overhead %.1f ms) | sandbox / no sandbox %.2f%n", f,
                            ms[0], ms[1], ms[1] - ms[0], open2[1] / open2[0]);
                }
                out.printf("all %d files: in process %.1f ms | isolated, sandbox on %.1f ms | overhead per document %.1f ms"
                        + " (of which the sandbox %.1f ms)%n", files.size(), inTotal, sandboxTotal,
                        (sandboxTotal - inTotal) / files.size(), (sandboxTotal - openTotal) / files.size());
            }
            out.flush();
            return 0;
        }
    }

    /** {@code bench rule-pack}: what loading an author rule pack costs, the compiled-code check included. */
    @Command(name = "rule-pack", mixinStandardHelpOptions = true,
            description = "Load the built-in packs with an author folder on top: the whole load, the classic compiler's check,"
                    + " the author files' executable-model compile, the verification of their classes and the join to the"
                    + " precompiled pack, and the whole pack's compile for comparison; medians.")
    static final class RulePack implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Mixin
        Rounds rounds;

        @Option(names = "--rules", description = "Regulation author folder (default: one added rule in a temporary folder).")
        Path rules;

        @Option(names = "--procurement-rules", description = "Procurement author folder (default: docs/examples/ua-procurement if present).")
        Path procurementRules;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            Path dir = rules;
            if (dir == null) {
                dir = Files.createTempDirectory("rule-pack-bench");
                Files.writeString(dir.resolve("extra.drl"), """
                        package org.example.bench;
                        import org.adaldyq.risk.regulation.fact.Trigger;
                        import org.adaldyq.risk.regulation.fact.FactorHit;
                        rule "VAGUE_TERMS.bench-extra"
                            @code("VAGUE_TERMS") @severity("low") @title("An added rule") @source("bench")
                        when
                            $t : Trigger(concept == "VAGUE", text.length() > 3)
                        then
                            insert(new FactorHit("VAGUE_TERMS", drools.getRule().getName(), $t));
                        end
                        """);
            }
            Path procurement = procurementRules != null ? procurementRules : Path.of("docs/examples/ua-procurement");
            out.printf("%d cores, Java %s, medians of %d runs after %d%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), rounds.iterations, rounds.warmup);
            for (var r : new org.adaldyq.risk.bench.RulePackBenchmark(rounds.warmup, rounds.iterations).run(dir, procurement)) {
                out.printf("%-11s load %7.0f ms | classic check of author files %6.0f ms | author files, executable model %7.0f ms |"
                        + " verify %d classes %5.1f ms (%.1f%% of the load) | join to the precompiled pack %6.0f ms |"
                        + " every file, executable model (the path before) %7.0f ms | classic compile of all files %6.0f ms%n", r.pack(),
                        r.loadMs(), r.classicCheckMs(), r.authorModelMs(), r.classes(), r.verifyMs(), 100 * r.verifyMs() / r.loadMs(),
                        r.joinMs(), r.wholeModelMs(), r.classicAllMs());
            }
            out.flush();
            return 0;
        }
    }

    /** {@code bench regulation}: the regulation pipeline's throughput, extraction, big document, CLI start-up, memory. */
    @Command(name = "regulation", mixinStandardHelpOptions = true,
            description = "Raw Lucene vs our analysis vs full scan, extraction per format, the biggest Russian code, "
                    + "the CLI's cold start, peak memory: medians after warm-up. See docs/benchmarks.md.")
    static final class Regulation implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--data", description = "Corpus folder with kk/, ru/, en/ (default: ../shared/data/regulations "
                + "if present, else data/samples).")
        Path data;

        @Option(names = "--fixtures", description = "Folder of DOCX/PDF/ODT/RTF/TXT fixtures (default: "
                + "risk-core/src/test/resources/documents/fixtures if present).")
        Path fixtures;

        @Option(names = "--iterations", description = "Measured iterations per figure (default: ${DEFAULT-VALUE}).",
                defaultValue = "5")
        int iterations;

        @Option(names = "--warmup", description = "Unmeasured iterations before each figure (default: ${DEFAULT-VALUE}).",
                defaultValue = "2")
        int warmup;

        @Option(names = "--max-chars", description = "Characters of text per language for throughput (default: ${DEFAULT-VALUE}).",
                defaultValue = "1000000")
        int maxChars;

        @Option(names = "--max-format-bytes", description = "Largest file picked per format (default: ${DEFAULT-VALUE}).",
                defaultValue = "1000000")
        long maxFormatBytes;

        @Option(names = "--cli-jar", description = "risk-cli.jar to time (default: the jar running this command).")
        Path cliJar;

        @Option(names = "--cli-runs", description = "CLI launches per mode; 0 skips the CLI figures (default: the iterations).")
        Integer cliRuns;

        @Option(names = "--no-fresh-jvm", description = "Do not time first extractions in fresh JVMs.")
        boolean noFreshJvm;

        @Option(names = "--json", description = "Print one JSON object with every figure.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            Path dataDir = data != null ? data : defaultData();
            if (!Files.isDirectory(dataDir)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--data: no folder " + dataDir);
            }
            Path fixtureDir = fixtures != null ? fixtures : existing(Path.of("risk-core/src/test/resources/documents/fixtures"));
            RegulationBenchmark.Settings settings = new RegulationBenchmark.Settings(dataDir, fixtureDir, iterations, warmup,
                    maxChars, maxFormatBytes, cliJar, cliRuns != null ? cliRuns : iterations, !noFreshJvm);
            BenchmarkReport report = new RegulationBenchmark(settings).run();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            } else {
                printTable(out, report);
            }
            out.flush();
            return 0;
        }

        static Path defaultData() {
            Path shared = Path.of("../shared/data/regulations");
            return Files.isDirectory(shared) ? shared : Path.of("data/samples");
        }

        private static Path existing(Path p) {
            return Files.isDirectory(p) ? p : null;
        }
    }

    static void printTable(PrintWriter out, BenchmarkReport r) {
        var env = r.environment();
        out.printf("Java %s (%s), %d cores, max heap %d MB; data %s; medians of %d iterations after %d warm-up%n%n",
                env.javaVersion(), env.vm(), env.cores(), env.maxHeapBytes() >> 20, env.dataDir(), env.iterations(), env.warmup());

        out.println("1-2. Throughput on the same text (raw = StandardTokenizer + LowerCaseFilter; analysis = TokenizedText.analyze"
                + " + Lexicon.match; scan = RiskEngine.scan(ParsedDocument))");
        out.printf("%-4s %10s %9s %6s | %-22s | %-22s | %-22s | %8s %8s%n", "lang", "chars", "tokens", "prov",
                "raw ms  Mchar/s  MB/s", "analysis ms Mchar/s MB/s", "scan ms Mchar/s MB/s", "anl/raw", "scan/raw");
        for (Throughput t : r.throughput()) {
            out.printf("%-4s %10d %9d %6d | %s | %s | %s | %8.3f %8.3f%n", t.language(), t.chars(), t.tokens(), t.provisions(),
                    rate(t.rawLucene()), rate(t.analysis()), rate(t.scan()), t.analysisToRaw(), t.scanToRaw());
        }
        out.println();
        out.println("   The trained signal: shipped scan vs the rules alone (signal off), alternated in one loop");
        for (Throughput t : r.throughput()) {
            out.printf("   %-3s shipped %s | rules alone %s | rules-alone/shipped time = %.2f%n", t.language(), rate(t.scan()),
                    rate(t.rulesOnlyScan()), 1 / t.scanToRulesOnly());
        }
        if (r.models() != null) {
            out.printf("   models: %d, %.1f KB on the class path, loaded in %.1f ms (median)%n", r.models().count(),
                    r.models().bytes() / 1024.0, r.models().loadMs());
        }
        out.println();

        out.println("3. Extraction per format (first = first call in a fresh JVM; warm = median in a warm JVM; read = DocumentReader,"
                + " extraction + segmentation)");
        out.printf("%-9s %10s %9s %6s %10s %10s %10s  %s%n", "format", "bytes", "chars", "prov", "first ms", "warm ms", "read ms", "file");
        for (Extraction e : r.extraction()) {
            out.printf("%-9s %10d %9d %6d %10s %10.1f %10.1f  %s%n", e.format(), e.bytes(), e.chars(), e.provisions(),
                    e.extractFirstMs() == null ? "-" : String.format("%.1f", e.extractFirstMs()), e.extractWarmMs(), e.readWarmMs(),
                    e.file());
        }
        out.println();

        var b = r.bigDocument();
        if (b != null) {
            out.printf("4. Big document %s: %d bytes, %d chars, %d provisions, %d findings (warm medians)%n", b.file(), b.bytes(),
                    b.chars(), b.provisions(), b.findings());
            out.printf("   extraction %.0f ms | segmentation %.0f ms | analysis %.0f ms | analysis + rules %.0f ms | total (read + scan) %.0f ms%n%n",
                    b.extractionMs(), b.segmentationMs(), b.analysisMs(), b.analysisAndRulesMs(), b.totalMs());
        }

        var c = r.cliStartup();
        if (c != null) {
            out.printf("5. CLI cold wall time: java [options] -jar %s scan --format jsonl <one page, %d chars>%n", c.jar(), c.inputChars());
            for (CliMode m : c.modes()) {
                out.printf("   %-18s median %6.0f ms   samples %s%n", m.name(), m.medianMs(),
                        m.samplesMs().stream().map(d -> String.format("%.0f", d)).toList());
            }
            out.println();
        }

        var m = r.memory();
        out.printf("6. Memory: peak heap used %d MB while reading and scanning the big document; process VmHWM %s, VmRSS %s%n",
                m.peakHeapUsedBytes() >> 20, mb(m.vmHwmBytes()), mb(m.vmRssBytes()));
        if (!r.skipped().isEmpty()) {
            out.println();
            out.println("Skipped:");
            r.skipped().forEach(s -> out.println("  " + s));
        }
    }

    private static String rate(Rate r) {
        return String.format("%7.1f %6.2f %6.2f", r.medianMs(), r.charsPerSecond() / 1e6, r.megabytesPerSecond());
    }

    private static String mb(Long bytes) {
        return bytes == null ? "n/a" : (bytes >> 20) + " MB";
    }
}
