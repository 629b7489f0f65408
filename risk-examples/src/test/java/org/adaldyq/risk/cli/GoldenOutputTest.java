package org.adaldyq.risk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.adaldyq.risk.bench.SyntheticOcds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Procurement output frozen before the procurement half was restructured (issue 8): {@code indicators} and
 * {@code tenders} on each of the 19 real publisher samples, on all of them as one data set, and on 2,000
 * synthetic processes (seed 11) where every flag fires. A change here is a change of results: regenerate
 * the files only for a deliberate, explained change (see {@code golden/README.md}).
 */
class GoldenOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> publishers() throws Exception {
        try (Stream<Path> files = Files.list(ProcurementCommandsTest.samples().resolve("compiled"))) {
            return files.map(f -> f.getFileName().toString().replace(".jsonl", "")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishers")
    void everyPublisherGivesTheFrozenOutput(String publisher) throws Exception {
        String file = ProcurementCommandsTest.samples().resolve("compiled/" + publisher + ".jsonl").toString();
        assertIndicators(golden(publisher + ".indicators.json"), file);
        assertLines(golden(publisher + ".tenders.jsonl"), ProcurementCommandsTest.run(null, "tenders", file).out());
    }

    static Stream<String> originals() throws Exception {
        try (Stream<Path> files = Files.list(ProcurementCommandsTest.samples().resolve("original"))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList().stream();
        }
    }

    /** Packages, records, a JSON array, gzip: the documents compiled from trees. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("originals")
    void everyOriginalDocumentGivesTheFrozenOutput(String name) throws Exception {
        String file = ProcurementCommandsTest.samples().resolve("original/" + name).toString();
        assertIndicators(golden("original-" + name + ".indicators.json"), file);
        assertLines(golden("original-" + name + ".tenders.jsonl"), ProcurementCommandsTest.run(null, "tenders", file).out());
    }

    @Test
    void allPublishersAsOneDataSet() throws Exception {
        assertIndicators(golden("all-compiled.indicators.json"),
                ProcurementCommandsTest.samples().resolve("compiled").toString());
    }

    @Test
    void syntheticProcessesWhereEveryFlagFires(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("synthetic.jsonl");
        new SyntheticOcds(11, 2000).write(2000, data);
        assertIndicators(golden("synthetic-2000.indicators.json"), data.toString());
        assertLines(golden("synthetic-2000.tenders.jsonl.gz"), ProcurementCommandsTest.run(null, "tenders", data.toString()).out());
    }

    private static void assertIndicators(String expected, String input) throws IOException {
        ProcurementCommandsTest.Run run = ProcurementCommandsTest.run(null, "indicators", input);
        assertThat(run.exit()).isZero();
        assertThat(JSON.readTree(run.out())).isEqualTo(JSON.readTree(expected));
    }

    /** Line by line, so a failure names the first differing process rather than a 4 MB string. */
    private static void assertLines(String expected, String actual) {
        List<String> want = expected.lines().toList();
        List<String> got = actual.lines().toList();
        for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
            assertThat(got.get(i)).as("line %d", i + 1).isEqualTo(want.get(i));
        }
        assertThat(got).hasSameSizeAs(want);
    }

    private static String golden(String name) throws IOException {
        try (InputStream raw = GoldenOutputTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(raw).as(name).isNotNull();
            InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
