package org.adaldyq.risk.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import org.adaldyq.risk.procurement.cardinal.Coverage;
import org.adaldyq.risk.procurement.ocds.OcdsReader;
import org.adaldyq.risk.procurement.ocds.ParsedUnit;
import org.adaldyq.risk.procurement.ocds.ReleaseMerger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.Callable;

/** Cardinal's {@code coverage}: per JSON path, how many times it holds a non-empty value. */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = "Count the number of times each JSON path has a non-empty value, over all compiled releases.")
public final class CoverageCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "OCDS input (as for indicators), or - for standard input")
    String file;

    @Override
    public Integer call() throws Exception {
        if (!"-".equals(file) && !java.nio.file.Files.exists(java.nio.file.Path.of(file))) {
            System.err.println(file + ": no such file or directory");
            return 2;
        }
        Coverage coverage = new Coverage();
        ReleaseMerger merger = new ReleaseMerger();
        long[] problems = {0};
        OcdsReader reader = new OcdsReader();
        OcdsReader.Sink sink = new OcdsReader.Sink() {
            @Override
            public void line(String source, long line, byte[] json) {
                parsed(OcdsReader.parseLine(source, line, json));
            }

            @Override
            public void parsed(ParsedUnit unit) {
                if (unit.problem() != null) {
                    problems[0]++;
                    System.err.println("warning: " + unit.problem());
                }
                for (JsonNode r : unit.releases()) {
                    coverage.add(r);
                }
                unit.toCompile().forEach(r -> merger.add(r.path("ocid").asText(), unit.line(), r));
            }
        };
        for (OcdsReader.Input input : OcdsReader.inputs(file)) {
            try (InputStream in = input.open().get()) {
                reader.read(input.name(), in, sink);
            }
        }
        merger.flush((line, release) -> coverage.add(release));
        try (JsonGenerator g = new JsonFactory().createGenerator(System.out)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeStartObject();
            for (Map.Entry<String, Long> e : coverage.counts().entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        System.out.println();
        if (problems[0] > 0) {
            System.err.println("coverage: " + problems[0] + " input problems (see warnings)");
        }
        return 0;
    }
}
