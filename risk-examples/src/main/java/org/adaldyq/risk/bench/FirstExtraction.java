package org.adaldyq.risk.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.adaldyq.risk.extract.TextExtractor;
import org.adaldyq.risk.structure.UslmReader;

/**
 * Child-process entry point of the benchmark: times the first extraction of one file in a fresh JVM (class
 * loading and parser creation included, JVM start excluded) and prints the milliseconds on stdout. Run by
 * {@link RegulationBenchmark}, not by users.
 */
public final class FirstExtraction {

    private FirstExtraction() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long t0 = System.nanoTime();
        extract(file);
        double ms = (System.nanoTime() - t0) / 1e6;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println(ms);
    }

    /** What the benchmark calls extraction: USLM through its own reader, everything else through {@link TextExtractor}. */
    static long extract(Path file) throws Exception {
        if (BenchInputs.Format.of(file).orElse(null) == BenchInputs.Format.USLM) {
            byte[] bytes = Files.readAllBytes(file);
            return UslmReader.read(bytes, file.getFileName().toString(), TextExtractor.DEFAULT_MAX_CHARS).text().length();
        }
        return TextExtractor.create().extract(file).text().length();
    }
}
