package org.adaldyq.risk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan --isolate} (issue 11, part 2): author rules run in a child JVM. A rule that allocates without
 * end exhausts only the child's heap, one whose consequence never returns passes the wall-clock limit and
 * its child is killed; each input gets one record, a fresh child scans the next, the exit code says so.
 */
class IsolatedScanTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aChildPastItsHeapOrTimeIsKilledAndTheBatchGoesOn(@TempDir Path tmp) throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("bad.drl"), """
                package org.example;
                import org.adaldyq.risk.regulation.fact.Trigger;
                rule "VAGUE_TERMS.hog"
                    @code("VAGUE_TERMS") @severity("low") @title("Allocates without end") @source("test")
                when
                    $t : Trigger(concept == "VAGUE")
                then
                    java.util.List<String> all = new java.util.ArrayList<>();
                    for (Integer i : java.util.Collections.nCopies(Integer.MAX_VALUE, 1)) {
                        all.add("x".repeat(1000));
                    }
                end
                rule "OPTIONAL_POWER.spin"
                    @code("OPTIONAL_POWER") @severity("low") @title("Never returns") @source("test")
                when
                    $t : Trigger(concept == "OPTIONAL_VERB")
                then
                    long n = 0;
                    for (Integer i : java.util.Collections.nCopies(Integer.MAX_VALUE, 1)) {
                        for (Integer j : java.util.Collections.nCopies(Integer.MAX_VALUE, 1)) {
                            n += i + j;
                        }
                    }
                    if (n == 42) { insert(new Trigger("X", 0, "", 0, 0, "", 0, 0, 0, false)); }
                end
                """);
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("1-spin.txt"), "Уполномоченный орган вправе приостановить действие лицензии.\n");
        Files.writeString(in.resolve("2-hog.txt"), "Орган принимает необходимые меры.\n");
        Files.writeString(in.resolve("3-good.txt"), "Настоящий Закон вводится в действие со дня его опубликования.\n");

        Process scan = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RiskCli.class.getName(), "scan", "--format", "jsonl", "--quiet",
                "--isolate", "--isolate-heap", "200m", "--isolate-timeout", "20", "--rules", rules.toString(), in.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(scan.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = scan.waitFor();

        List<JsonNode> records = new ArrayList<>();
        for (String line : out.split("\n")) {
            records.add(JSON.readTree(line));
        }
        assertThat(records).extracting(r -> Path.of(r.path("source").asText()).getFileName().toString())
                .containsExactly("1-spin.txt", "2-hog.txt", "3-good.txt");
        assertThat(records.get(0).path("reason").asText()).isEqualTo("RULE_LIMIT");
        assertThat(records.get(0).path("error").asText()).contains("killed");
        assertThat(records.get(1).path("reason").asText()).isEqualTo("TOO_LARGE");
        assertThat(records.get(2).has("findings")).isTrue();
        assertThat(records.get(2).has("reason")).isFalse();
        assertThat(exit).isEqualTo(1);
    }

    @Test
    void theChildKeepsOnlyFindingsOfTheMinimumConfidence(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("draft.txt");
        Files.writeString(in, "1. Уполномоченный орган вправе приостановить действие лицензии и принимает решение по своему усмотрению.\n");
        JsonNode all = JSON.readTree(CliRun.of("scan", "--format", "jsonl", "--quiet", "--isolate", in.toString()).out());
        List<Double> levels = new ArrayList<>();
        all.path("findings").forEach(f -> levels.add(f.path("confidence").asDouble()));
        assertThat(levels).hasSize(2).doesNotHaveDuplicates();
        double cut = Math.max(levels.get(0), levels.get(1));

        CliRun filtered = CliRun.of("scan", "--format", "jsonl", "--quiet", "--isolate", "--min-confidence", Double.toString(cut), in.toString());
        assertThat(filtered.exit()).isZero();
        JsonNode kept = JSON.readTree(filtered.out()).path("findings");
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).path("confidence").asDouble()).isEqualTo(cut);
    }
}
