package org.adaldyq.risk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.adaldyq.risk.cli.RiskCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code bench regulation} once on a tiny corpus and checks what the report holds; times are not checked. */
class RegulationBenchmarkTest {

    @Test
    void oneIterationOnATinyCorpusGivesEveryGroupOrSaysWhyNot(@TempDir Path data) throws Exception {
        write(data.resolve("ru/draft.txt"), "Статья 5. Выдача лицензии\n\n1. Уполномоченный орган вправе приостановить действие "
                + "лицензии в иных случаях.\n2. Заявитель представляет иные документы.\n");
        write(data.resolve("kk/draft.md"), "# 3-бап. Лицензия беру\n\n1. Уәкілетті орган лицензияны беруден бас тартуға құқылы.\n");
        write(data.resolve("en/draft.txt"), "Sec. 2. Licences\n\n(a) The Secretary may, at his discretion, suspend a licence.\n");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = RiskCli.run(new PrintWriter(out), new PrintWriter(err), "bench", "regulation", "--data", data.toString(),
                "--fixtures", data.toString(), "--iterations", "1", "--warmup", "0", "--cli-runs", "0", "--no-fresh-jvm", "--json");
        assertThat(exit).as(err.toString()).isZero();
        JsonNode r = new ObjectMapper().readTree(out.toString());

        assertThat(r.get("environment").get("iterations").asInt()).isEqualTo(1);
        assertThat(r.get("throughput")).hasSize(3);
        for (JsonNode t : r.get("throughput")) {
            assertThat(t.get("language").asText()).isIn("kk", "ru", "en");
            assertThat(t.get("chars").asLong()).isPositive();
            assertThat(t.get("tokens").asLong()).isPositive();
            for (String rate : new String[] {"rawLucene", "analysis", "scan"}) {
                assertThat(t.get(rate).get("medianMs").asDouble()).as(rate).isPositive();
                assertThat(t.get(rate).has("charsPerSecond") && t.get(rate).has("megabytesPerSecond")).isTrue();
            }
            assertThat(t.has("analysisToRaw") && t.has("scanToRaw")).isTrue();
        }

        assertThat(r.get("extraction").findValuesAsText("format")).containsExactly("TXT", "MARKDOWN");
        JsonNode txt = r.get("extraction").get(0);
        assertThat(txt.get("chars").asLong()).isPositive();
        assertThat(txt.get("extractFirstMs").isNull()).isTrue();

        JsonNode big = r.get("bigDocument");
        assertThat(big.get("file").asText()).endsWith("draft.txt");
        assertThat(big.get("provisions").asInt()).isPositive();
        for (String stage : new String[] {"extractionMs", "segmentationMs", "analysisMs", "analysisAndRulesMs", "totalMs"}) {
            assertThat(big.has(stage)).as(stage).isTrue();
        }

        assertThat(r.get("cliStartup").isNull()).isTrue();
        assertThat(r.get("memory").get("peakHeapUsedBytes").asLong()).isPositive();
        assertThat(r.get("skipped").toString()).contains("DOCX", "PDF", "ODT", "RTF", "HTML", "USLM", "CLI start-up");
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
