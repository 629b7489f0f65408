package org.adaldyq.risk.bench;

import java.util.List;

/**
 * Every figure of one {@code bench regulation} run. Times are medians over the measured iterations (after
 * warm-up) unless a field says {@code first}; throughputs are computed from the median time. A group that
 * could not run (no input, no CLI jar) is {@code null} and named in {@link #skipped()} with the reason.
 */
public record BenchmarkReport(Environment environment, List<Throughput> throughput, Models models, List<Extraction> extraction,
        BigDocument bigDocument, CliStartup cliStartup, Memory memory, List<String> skipped) {

    /** Where the figures were taken. */
    public record Environment(String javaVersion, String vm, int cores, long maxHeapBytes, String dataDir,
            int iterations, int warmup) {
    }

    /**
     * Groups 1 and 2 for one language, all on the same text: a plain Lucene {@code StandardTokenizer +
     * LowerCaseFilter} pass, our analysis ({@code TokenizedText.analyze + Lexicon.match}) and the full
     * {@code RiskEngine.scan(ParsedDocument)} (analysis per provision + Drools rules).
     */
    public record Throughput(String language, String sources, long chars, long tokens, int provisions,
            Rate rawLucene, Rate analysis, Rate scan, double analysisToRaw, double scanToRaw, Rate rulesOnlyScan,
            double scanToRulesOnly) {
    }

    /**
     * The trained signal's own cost: loading the built-in models (median over fresh loads), their number
     * and total size on the class path.
     */
    public record Models(int count, long bytes, double loadMs) {
    }

    /** A median time and the throughput it gives over {@code chars} characters. */
    public record Rate(double medianMs, double charsPerSecond, double megabytesPerSecond) {

        static Rate of(double medianMs, long chars, long utf8Bytes) {
            double seconds = medianMs / 1000.0;
            return new Rate(medianMs, chars / seconds, utf8Bytes / seconds / 1_000_000.0);
        }
    }

    /**
     * Group 3, one input format. {@code firstMs}: the first extraction of this format in a fresh JVM
     * (median over fresh JVMs; class loading and, for Tika formats, the AutoDetectParser creation included);
     * {@code warmMs}: median in a warm JVM. {@code extract} is {@code TextExtractor}, {@code read} is
     * {@code DocumentReader} (extraction + segmentation, language given).
     */
    public record Extraction(String format, String file, long bytes, long chars, int provisions,
            Double extractFirstMs, double extractWarmMs, double readWarmMs) {
    }

    /** Group 4: the biggest Russian code, stage by stage, warm medians. */
    public record BigDocument(String file, long bytes, long chars, int provisions, int findings,
            double extractionMs, double segmentationMs, double analysisMs, double analysisAndRulesMs,
            double totalMs) {
    }

    /** Group 5: wall time of {@code java -jar risk-cli.jar scan --format jsonl <one page>} as a child process. */
    public record CliStartup(String jar, String input, long inputChars, List<CliMode> modes) {
    }

    /** One way of launching the CLI: its JVM options, the median and every sample. */
    public record CliMode(String name, List<String> jvmOptions, double medianMs, List<Double> samplesMs) {
    }

    /**
     * Group 6: heap sampled every few milliseconds while the big document was read and scanned, and the
     * process' resident set (from {@code /proc/self/status}, {@code null} where there is none).
     */
    public record Memory(long peakHeapUsedBytes, Long vmHwmBytes, Long vmRssBytes) {
    }
}
