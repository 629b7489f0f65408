package org.adaldyq.risk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every procurement command over every bundled real sample (see ocds-samples/SOURCES.md): no error, valid output. */
class ProcurementCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Path samples() throws URISyntaxException {
        return Path.of(ProcurementCommandsTest.class.getResource("/ocds-samples").toURI());
    }

    static Stream<String> sampleFiles() throws Exception {
        try (Stream<Path> files = Files.walk(samples())) {
            return files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".md"))
                    .map(Path::toString).sorted().toList().stream();
        }
    }

    record Run(int exit, String out) {
    }

    static synchronized Run run(InputStream stdin, String... args) {
        PrintStream oldOut = System.out;
        InputStream oldIn = System.in;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
            if (stdin != null) {
                System.setIn(stdin);
            }
            int exit = RiskCli.run(args);
            return new Run(exit, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setIn(oldIn);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sampleFiles")
    void everyCommandRunsOnEverySample(String file) throws Exception {
        Run indicators = run(null, "indicators", file);
        assertThat(indicators.exit()).isZero();
        assertThat(JSON.readTree(indicators.out()).isObject()).isTrue();

        Run count = run(null, "indicators", "--count", "--no-meta", "--threads", "1", file);
        assertThat(count.exit()).isZero();
        assertThat(JSON.readTree(count.out()).has("Meta")).isFalse();

        // coverage reads raw lines, as Cardinal does (gzip decompressed): on line-delimited compiled releases
        // every line is a non-empty object; a pretty-printed document is mostly invalid lines, warned, exit 0.
        Run coverage = run(null, "coverage", file);
        assertThat(coverage.exit()).isZero();
        JsonNode counts = JSON.readTree(coverage.out());
        assertThat(counts.isObject()).isTrue();
        if (file.endsWith(".jsonl") || file.endsWith(".jsonl.gz")) {
            long lines;
            try (InputStream raw = Files.newInputStream(Path.of(file));
                 InputStream in = file.endsWith(".gz") ? new java.util.zip.GZIPInputStream(raw) : raw) {
                lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).count();
            }
            assertThat(counts.path("/").asLong()).isEqualTo(lines).isPositive();
        }

        for (String format : List.of("jsonl", "csv")) {
            Run tenders = run(null, "tenders", "--format", format, file);
            assertThat(tenders.exit()).isZero();
            String[] lines = tenders.out().split("\n");
            if (format.equals("jsonl")) {
                for (String line : lines) {
                    assertThat(JSON.readTree(line).path("type").asText()).isIn("process", "buyer", "supplier", "summary");
                }
                assertThat(JSON.readTree(lines[lines.length - 1]).path("type").asText()).isEqualTo("summary");
            } else {
                assertThat(lines[0]).startsWith("type,id,");
            }
        }
    }

    @Test
    void wholeSampleDirectoryAndStandardInput() throws Exception {
        Run dir = run(null, "tenders", samples().toString());
        assertThat(dir.exit()).isZero();
        String last = dir.out().lines().reduce((a, b) -> b).orElseThrow();
        assertThat(JSON.readTree(last).path("processes").asLong()).isGreaterThan(200);

        byte[] ukraine = Files.readAllBytes(samples().resolve("compiled/ukraine.jsonl"));
        Run stdin = run(new ByteArrayInputStream(ukraine), "indicators", "--no-meta", "-");
        Run file = run(null, "indicators", "--no-meta", samples().resolve("compiled/ukraine.jsonl").toString());
        assertThat(stdin.exit()).isZero();
        assertThat(JSON.readTree(stdin.out())).isEqualTo(JSON.readTree(file.out()));
        Run gz = run(null, "indicators", "--no-meta", samples().resolve("original/ukraine-compiled.jsonl.gz").toString());
        assertThat(JSON.readTree(gz.out())).isEqualTo(JSON.readTree(file.out()));
    }

    @Test
    void aMissingInputIsExitTwoAndNoOutput(@TempDir Path tmp) {
        String missing = tmp.resolve("none.jsonl").toString();
        for (String command : List.of("indicators", "tenders")) {
            Run r = run(null, command, missing);
            assertThat(r.exit()).as(command).isEqualTo(2);
            assertThat(r.out()).as(command).isEmpty();
            assertThat(run(null, command, "--isolate", missing).exit()).as(command + " --isolate").isEqualTo(2);
        }
    }

    @Test
    void initWritesSettingsThatIndicatorsReads(@TempDir Path tmp) throws Exception {
        Path ini = tmp.resolve("settings.ini");
        assertThat(run(null, "init", ini.toString()).exit()).isZero();
        assertThat(Files.readString(ini)).contains("[R003]", "[R058]", "; threshold = 15");
        assertThat(run(null, "init", ini.toString()).exit()).isNotZero(); // no overwrite without --force
        Run withInit = run(null, "indicators", "--settings", ini.toString(), samples().resolve("compiled/armenia.jsonl").toString());
        Run defaults = run(null, "indicators", samples().resolve("compiled/armenia.jsonl").toString());
        assertThat(JSON.readTree(withInit.out())).isEqualTo(JSON.readTree(defaults.out()));
    }

    @Test
    void badInputIsCountedNeverFatal(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.jsonl");
        Files.writeString(bad, String.join("\n",
                "{\"ocid\":\"a\",\"tender\":{\"numberOfTenderers\":\"one\",\"procurementMethod\":\"open\",\"tenderPeriod\":{\"startDate\":5}}}",
                "{broken",
                "{\"ocid\":\"a\",\"bids\":{\"details\":[{\"status\":\"valid\",\"value\":{\"amount\":\"100\",\"currency\":\"USD\"}}]}}",
                "{\"ocid\":\"b\",\"bids\":{\"details\":\"not an array\"},\"awards\":{\"id\":1}}",
                "{\"ocid\":\"c\",\"bids\":{\"details\":[{\"status\":\"valid\",\"value\":{\"amount\":1,\"currency\":\"USD\"},\"tenderers\":[{\"id\":\"x\"}]},"
                        + "{\"status\":\"valid\",\"value\":{\"amount\":1,\"currency\":\"EUR\"},\"tenderers\":[{\"id\":\"y\"}]}]}}",
                "[]",
                "{\"tender\":{}}",
                ""));
        Run tenders = run(null, "tenders", bad.toString());
        assertThat(tenders.exit()).isZero();
        JsonNode summary = JSON.readTree(tenders.out().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(summary.path("processes").asLong()).isEqualTo(5);
        assertThat(summary.path("duplicateOcids").asLong()).isEqualTo(1);
        assertThat(summary.path("skippedNoOcid").asLong()).isEqualTo(1);
        assertThat(summary.path("otherCurrencyAmounts").asLong()).isEqualTo(1);
        assertThat(summary.path("inputProblems").path("INVALID_JSON").asLong()).isEqualTo(1);
        assertThat(summary.path("inputProblems").path("NOT_AN_OBJECT").asLong()).isEqualTo(1);
        assertThat(run(null, "indicators", bad.toString()).exit()).isZero();
        assertThat(run(null, "coverage", bad.toString()).exit()).isZero();
    }
}
