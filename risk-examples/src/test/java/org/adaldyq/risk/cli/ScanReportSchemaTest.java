package org.adaldyq.risk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSONL output of {@code scan} on the bundled samples and on a bad input conforms to the published schema. */
class ScanReportSchemaTest {

    @Test
    void outputConformsToTheSchema(@TempDir Path dir) throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("../docs/scan-report.schema.json")));
        Files.write(dir.resolve("empty.txt"), new byte[0]);
        StringWriter out = new StringWriter();
        RiskCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "scan", "--format", "jsonl",
                "../data/samples", dir.toString());
        ObjectMapper mapper = new ObjectMapper();
        int lines = 0;
        int errors = 0;
        int findings = 0;
        for (String line : out.toString().split("\n")) {
            JsonNode node = mapper.readTree(line);
            Set<ValidationMessage> problems = schema.validate(node);
            assertThat(problems).as(node.path("source").asText()).isEmpty();
            lines++;
            errors += node.has("error") ? 1 : 0;
            for (JsonNode f : node.path("findings")) {
                // the schema checked a confidence and its evidence in words on every finding
                assertThat(f.path("confidence").isNumber()).isTrue();
                assertThat(f.at("/evidence/0/path").asText()).isEqualTo("confidence");
                findings++;
                if (findings == 1) {
                    com.fasterxml.jackson.databind.node.ObjectNode bad = node.deepCopy();
                    ((com.fasterxml.jackson.databind.node.ObjectNode) bad.path("findings").get(0)).put("confidence", 1.5);
                    assertThat(schema.validate(bad)).as("a confidence above 1").isNotEmpty();
                }
            }
        }
        assertThat(findings).isPositive();
        assertThat(lines).isEqualTo(4);
        assertThat(errors).isEqualTo(1);
    }

    @Test
    void pairOutputConformsToTheSchema() throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(Files.readString(Path.of("../docs/scan-report.schema.json")));
        for (String min : new String[] {"0", "0.7"}) {
            StringWriter out = new StringWriter();
            RiskCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "scan", "--pair", "--format", "jsonl",
                    "--min-confidence", min, "../data/samples/kk/kz-laws_kaz_104440.md", "../data/samples/ru/kz-laws_rus_104440.md");
            JsonNode node = new ObjectMapper().readTree(out.toString());
            assertThat(schema.validate(node)).as("at " + min).isEmpty();
            assertThat(node.get("findings").size()).isPositive();
            assertThat(node.has("minConfidence")).isEqualTo(!min.equals("0"));
        }
    }
}
