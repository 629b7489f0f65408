package org.adaldyq.risk.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.adaldyq.risk.procurement.cardinal.Coverage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Cardinal's {@code coverage}: per JSON path, how many times it holds a non-empty value, over the lines
 * of one file. Prints {@code {path: count}} (paths sorted) on standard output; each skipped line as
 * {@code warning: line N: reason} on standard error (exit 0); an input that cannot be read as
 * {@code error: PATH: reason} (exit 2, nothing on standard output).
 */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = "Count the number of times each JSON path has a non-empty value, over the lines of a line-delimited JSON file.")
public final class CoverageCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "Line-delimited JSON (each line any JSON value; .gz is decompressed), or - for standard input")
    String file;

    @Override
    public Integer call() throws Exception {
        Coverage coverage = new Coverage();
        long[] skipped = {0};
        try (InputStream in = LineInput.open(file)) {
            coverage.read(in, warning -> {
                skipped[0]++;
                System.err.println("warning: " + warning);
            });
        } catch (IOException e) {
            System.err.println("error: " + file + ": " + LineInput.reason(e));
            return 2;
        }
        try (JsonGenerator g = new JsonFactory().createGenerator(System.out)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeStartObject();
            for (Map.Entry<String, Long> e : coverage.counts().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        System.out.println();
        System.out.flush();
        if (skipped[0] > 0) {
            System.err.println("coverage: " + LineInput.counted(skipped[0], "line") + " skipped (see warnings)");
        }
        return 0;
    }
}
