package org.adaldyq.risk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.adaldyq.risk.bench.SyntheticOcds;
import org.adaldyq.risk.procurement.stats.Baseline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scoring single tenders as they are published: the dataset statistics of a run, saved with
 * {@code --save-baseline}, make a process assessed alone get the dataset-relative flags it gets within the
 * whole data set.
 */
class BaselineTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aProcessAloneIsJudgedAsInTheWholeDataSet(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("history.jsonl");
        new SyntheticOcds(11, 2000).write(2000, data);
        Path saved = tmp.resolve("baseline.json");
        String full = ProcurementCommandsTest.run(null, "tenders", "--save-baseline", saved.toString(), data.toString()).out();
        Baseline baseline = Baseline.read(saved);
        assertThat(baseline.fences()).extracting(f -> f.getCode()).contains("R058", "R025", "R038");
        assertThat(baseline.meta()).containsKey("R058");
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        baseline.write(again);
        assertThat(Baseline.read(new ByteArrayInputStream(again.toByteArray()))).isEqualTo(baseline);

        List<String> lines = Files.readAllLines(data);
        List<JsonNode> outliers = new ArrayList<>();
        for (String l : full.split("\n")) {
            JsonNode r = JSON.readTree(l);
            if (r.path("type").asText().equals("process") && (r.path("flags").has("R058") || r.path("flags").has("R024"))) {
                outliers.add(r);
            }
        }
        assertThat(outliers).hasSizeGreaterThan(5);
        int differentWithoutBaseline = 0;
        for (JsonNode expected : outliers) {
            Path one = tmp.resolve("one.jsonl");
            Files.writeString(one, lines.get(expected.path("line").asInt() - 1) + "\n");
            JsonNode alone = first(ProcurementCommandsTest.run(null, "tenders", "--baseline", saved.toString(), one.toString()).out());
            assertThat(alone.path("ocid").asText()).isEqualTo(expected.path("ocid").asText());
            assertThat(outlierFlags(alone)).as(expected.path("ocid").asText()).isEqualTo(outlierFlags(expected));
            JsonNode selfJudged = first(ProcurementCommandsTest.run(null, "tenders", one.toString()).out());
            if (!outlierFlags(selfJudged).equals(outlierFlags(expected))) {
                differentWithoutBaseline++;
            }
        }
        // a data set of one process is its own fence: without the baseline the flags are not those of the history
        assertThat(differentWithoutBaseline).isPositive();
    }

    private static JsonNode first(String out) throws Exception {
        return JSON.readTree(out.lines().findFirst().orElseThrow());
    }

    private static Map<String, Double> outlierFlags(JsonNode process) {
        Map<String, Double> out = new TreeMap<>();
        for (String code : List.of("R024", "R058")) {
            if (process.path("flags").has(code)) {
                out.put(code, process.path("flags").path(code).asDouble());
            }
        }
        return out;
    }

    @Test
    void aFileThatIsNotABaselineIsAClearError(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"OCID\": {}}");
        ProcurementCommandsTest.Run run = ProcurementCommandsTest.run(null, "tenders", "--baseline", bad.toString(), bad.toString());
        assertThat(run.exit()).isNotZero();
    }

    /**
     * A baseline path that is a FIFO (it blocked the run forever), a folder, or a file of NULs (Jackson's
     * two-line message without the file) is refused in one line that names the file, exit 2.
     */
    @Test
    void aBaselinePathThatIsNoBaselineIsOneLineNamingIt(@TempDir Path tmp) throws Exception {
        Path data = Files.writeString(tmp.resolve("data.jsonl"), "{\"ocid\":\"x\"}\n");
        Path nuls = Files.write(tmp.resolve("nuls.json"), new byte[100]);
        Path fifo = tmp.resolve("fifo.json");
        boolean made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        java.util.List<Path> bad = new java.util.ArrayList<>(java.util.List.of(nuls, tmp));
        if (made) {
            bad.add(fifo);
        }
        for (Path b : bad) {
            CliRun run = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                    () -> CliRun.of("tenders", "--baseline", b.toString(), data.toString()));
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err().strip()).startsWith("error: " + b + ":").hasLineCount(1);
        }
    }
}
