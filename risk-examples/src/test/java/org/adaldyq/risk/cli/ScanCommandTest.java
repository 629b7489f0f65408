package org.adaldyq.risk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {

    private static final String RU = "Статья 5. Выдача лицензии\n\n1. Уполномоченный орган вправе приостановить действие лицензии.\n";

    record Run(int exit, List<JsonNode> lines, String err) {
    }

    private static Run run(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = RiskCli.run(new PrintWriter(out), new PrintWriter(err), args);
        List<JsonNode> lines = new ArrayList<>();
        ObjectMapper m = new ObjectMapper();
        for (String l : out.toString().split("\n")) {
            if (!l.isBlank()) {
                lines.add(m.readTree(l));
            }
        }
        return new Run(exit, lines, err.toString());
    }

    @Test
    void jsonlHasTheContractFieldsAndOffsetsPointAtTheQuote(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("draft.txt");
        Files.writeString(f, RU);
        Run r = run("scan", "--format", "jsonl", f.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.lines()).hasSize(1);
        JsonNode report = r.lines().get(0);
        assertThat(report.get("source").asText()).isEqualTo(f.toString());
        assertThat(report.get("language").asText()).isEqualTo("ru");
        assertThat(report.get("score").asDouble()).isBetween(0.0, 1.0);
        JsonNode finding = report.get("findings").get(0);
        for (String field : List.of("factor", "severity", "score", "provision", "quote", "start", "end", "explanation", "recommendation")) {
            assertThat(finding.has(field)).as(field).isTrue();
        }
        assertThat(finding.get("factor").asText()).isEqualTo("OPTIONAL_POWER");
        assertThat(finding.get("provision").asText()).isEqualTo("Article 5, point 1");
        String text = Files.readString(f);
        assertThat(text.substring(finding.get("start").asInt(), finding.get("end").asInt())).isEqualTo(finding.get("quote").asText());
    }

    /** A batch of good and hostile files: one record per input, errors named, counts reconcile, exit 1. */
    @Test
    void badInputsYieldErrorRecordsAndTheBatchGoesOn(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a-good.txt"), RU);
        Files.write(dir.resolve("b-empty.txt"), new byte[0]);
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        Files.write(dir.resolve("c-binary.bin"), noise);
        // A DOCX cut short: a zip local header and nothing else.
        Files.write(dir.resolve("d-corrupt.docx"), new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0});
        Files.write(dir.resolve("e-cp1251.txt"), RU.getBytes(Charset.forName("windows-1251")));
        Files.writeString(dir.resolve("f-good-kk.txt"), "1. Уәкілетті орган лицензияның қолданылуын тоқтата тұруға құқылы.\n",
                StandardCharsets.UTF_8);

        Run r = run("scan", "--format", "jsonl", dir.toString(), dir.resolve("missing.txt").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.lines()).hasSize(7);
        List<String> failed = r.lines().stream().filter(n -> n.has("error")).map(n -> Path.of(n.get("source").asText())
                .getFileName().toString()).toList();
        assertThat(failed).contains("b-empty.txt", "c-binary.bin", "d-corrupt.docx", "missing.txt");
        assertThat(r.lines()).filteredOn(n -> n.has("error")).allSatisfy(n -> {
            assertThat(n.get("reason").asText()).isNotBlank();
            assertThat(n.get("error").asText()).isNotBlank();
        });
        List<String> scanned = r.lines().stream().filter(n -> !n.has("error"))
                .map(n -> Path.of(n.get("source").asText()).getFileName().toString()).toList();
        assertThat(scanned).contains("a-good.txt", "e-cp1251.txt", "f-good-kk.txt");
        assertThat(failed.size() + scanned.size()).isEqualTo(7);
        JsonNode cp1251 = r.lines().stream().filter(n -> n.get("source").asText().endsWith("e-cp1251.txt")).findFirst().orElseThrow();
        assertThat(cp1251.get("language").asText()).isEqualTo("ru");
        assertThat(cp1251.get("findings").get(0).get("factor").asText()).isEqualTo("OPTIONAL_POWER");
    }

    @Test
    void textFormatSummarisesCounts(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), RU);
        StringWriter out = new StringWriter();
        int exit = RiskCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "scan", dir.toString());
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Article 5, point 1").contains("OPTIONAL_POWER").contains("1 input(s): 1 scanned, 0 failed");
    }

    @Test
    void unknownLanguageIsAUsageError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), RU);
        assertThat(run("scan", "--lang", "de", dir.toString()).exit()).isEqualTo(2);
    }

    @Test
    void minConfidenceKeepsExactlyTheFindingsAtOrAboveIt() throws Exception {
        String sample = "../data/samples/ru/kz-laws_rus_104440.md";
        List<JsonNode> all = new ArrayList<>();
        run("scan", "--format", "jsonl", sample).lines().get(0).get("findings").forEach(all::add);
        List<Double> levels = all.stream().map(f -> f.get("confidence").asDouble()).distinct().sorted().toList();
        assertThat(levels).as("confidences of the sample's findings").hasSizeGreaterThan(1);
        double cut = levels.get(levels.size() / 2);

        List<JsonNode> kept = new ArrayList<>();
        Run filtered = run("scan", "--format", "jsonl", "--min-confidence", Double.toString(cut), sample);
        assertThat(filtered.exit()).isZero();
        filtered.lines().get(0).get("findings").forEach(kept::add);
        List<JsonNode> expected = all.stream().filter(f -> f.get("confidence").asDouble() >= cut).toList();
        assertThat(kept).isEqualTo(expected).hasSizeLessThan(all.size()).isNotEmpty();
    }

    @Test
    void aMinConfidenceOutsideZeroToOneIsAUsageErrorNamingIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), RU);
        for (String bad : List.of("1.5", "-0.1", "abc")) {
            Run r = run("scan", "--min-confidence", bad, dir.toString());
            assertThat(r.exit()).as(bad).isEqualTo(2);
            assertThat(r.err()).contains("--min-confidence must be a number from 0 to 1, not '" + bad + "'");
            assertThat(r.lines()).isEmpty();
        }
    }
}
