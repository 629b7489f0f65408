package org.adaldyq.risk.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.extract.DocumentReadException;
import org.adaldyq.risk.regulation.FactorCatalogue;
import org.adaldyq.risk.report.writer.DocxReview;
import org.adaldyq.risk.report.writer.HtmlReport;
import org.adaldyq.risk.report.writer.SarifWriter;
import org.adaldyq.risk.report.ScannedDocument;

/**
 * What writing a report costs next to the scan it reports ({@code risk-cli bench reports}): per iteration,
 * in one JVM and alternating, the scan of a document, then its HTML page, its DOCX with comments and its
 * SARIF log written to a stream that discards the bytes; medians and each writer's share of the scan.
 */
public final class ReportBenchmark {

    /**
     * The medians for one document.
     *
     * @param file      the document
     * @param chars     characters of text as read
     * @param findings  findings of the scan
     * @param scanMs    median scan time (read, segment, rules, scores)
     * @param writersMs median time of each writer, by format
     * @param bytes     bytes each writer produced
     */
    public record Result(String file, int chars, int findings, double scanMs, Map<String, Double> writersMs,
            Map<String, Long> bytes) {
    }

    private final RiskEngine engine = RiskEngine.builder().build();
    private final FactorCatalogue catalogue = engine.catalogue();
    private final int iterations;
    private final int warmup;

    /** A benchmark of {@code iterations} measured rounds after {@code warmup} unmeasured ones. */
    public ReportBenchmark(int iterations, int warmup) {
        if (iterations < 1 || warmup < 0) {
            throw new IllegalArgumentException("iterations must be positive and warm-up not negative");
        }
        this.iterations = iterations;
        this.warmup = warmup;
    }

    /** Measures {@code file}. */
    public Result run(Path file) throws IOException, DocumentReadException {
        byte[] original = Files.readAllBytes(file);
        List<Double> scan = new ArrayList<>();
        Map<String, List<Double>> writers = new LinkedHashMap<>();
        Map<String, Long> bytes = new LinkedHashMap<>();
        ScannedDocument scanned = null;
        for (int i = 0; i < warmup + iterations; i++) {
            long t0 = System.nanoTime();
            scanned = engine.scanDocument(file);
            long t1 = System.nanoTime();
            if (i >= warmup) {
                scan.add((t1 - t0) / 1e6);
            }
            for (String format : List.of("html", "docx", "sarif")) {
                Counting out = new Counting();
                long s = System.nanoTime();
                write(format, scanned, original, out);
                long e = System.nanoTime();
                if (i >= warmup) {
                    writers.computeIfAbsent(format, k -> new ArrayList<>()).add((e - s) / 1e6);
                    bytes.put(format, out.count);
                }
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        writers.forEach((k, v) -> medians.put(k, Repetitions.median(v)));
        return new Result(file.toString(), scanned.document().text().length(), scanned.report().findings().size(),
                Repetitions.median(scan), medians, bytes);
    }

    private void write(String format, ScannedDocument scanned, byte[] original, OutputStream out) throws IOException {
        switch (format) {
            case "html" -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                try (HtmlReport html = new HtmlReport(w, catalogue, scanned.report().language())) {
                    html.add(scanned);
                }
                w.flush();
            }
            case "docx" -> {
                DocxReview.review(scanned, () -> new ByteArrayInputStream(original), out);
            }
            case "sarif" -> {
                try (SarifWriter sarif = new SarifWriter(out, catalogue)) {
                    sarif.add(scanned);
                }
            }
            default -> throw new IllegalArgumentException(format);
        }
    }

    /** Discards what is written and counts it. */
    private static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
