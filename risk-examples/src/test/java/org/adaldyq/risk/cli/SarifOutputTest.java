package org.adaldyq.risk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.report.ScannedDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan --format sarif}: the log validates against the official SARIF 2.1.0 schema on every bundled
 * sample and document format, its regions point at the quoted words, and its fingerprints are stable.
 */
class SarifOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path FIXTURES = Path.of("../risk-core/src/test/resources/documents/fixtures");
    private static JsonSchema schema;

    @BeforeAll
    static void schema() throws Exception {
        try (InputStream in = SarifOutputTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
    }

    private static JsonNode sarif(String... paths) throws Exception {
        StringWriter out = new StringWriter();
        List<String> args = new ArrayList<>(List.of("scan", "--format", "sarif"));
        args.addAll(List.of(paths));
        RiskCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), args.toArray(String[]::new));
        JsonNode log = JSON.readTree(out.toString());
        assertThat(schema.validate(log)).as("schema problems").isEmpty();
        return log;
    }

    @Test
    void everySampleAndFormatGivesAValidLogWhoseRegionsHoldTheQuotes() throws Exception {
        JsonNode log = sarif("../data/samples", FIXTURES.resolve("ru-article23.docx").toString(),
                FIXTURES.resolve("ru-article23.odt").toString(), FIXTURES.resolve("ru-article23.rtf").toString(),
                FIXTURES.resolve("kk-article7.pdf").toString(), FIXTURES.resolve("kk-article7.docx").toString(),
                FIXTURES.resolve("ru-article23-mislabelled.html").toString());
        JsonNode run = log.get("runs").get(0);
        assertThat(run.get("artifacts")).hasSize(9);
        assertThat(run.at("/invocations/0/executionSuccessful").asBoolean()).isTrue();
        assertThat(run.at("/tool/driver/rules").size()).isEqualTo(14);
        RiskEngine engine = RiskEngine.builder().build();
        int checked = 0;
        for (JsonNode artifact : run.get("artifacts")) {
            String uri = artifact.at("/location/uri").asText();
            Path file = uri.startsWith("file:") ? Path.of(URI.create(uri)) : Path.of(URI.create(uri).getPath());
            ScannedDocument scanned = engine.scanDocument(file);
            String text = scanned.document().text();
            String[] lines = text.split("\n", -1);
            int index = 0;
            for (JsonNode r : run.get("results")) {
                if (!r.at("/locations/0/physicalLocation/artifactLocation/uri").asText().equals(uri)) {
                    continue;
                }
                JsonNode region = r.at("/locations/0/physicalLocation/region");
                int offset = region.get("charOffset").asInt();
                String quote = region.at("/snippet/text").asText();
                assertThat(text.substring(offset, offset + region.get("charLength").asInt())).isEqualTo(quote);
                // line and column name the same place as the offset
                String line = lines[region.get("startLine").asInt() - 1];
                int column = region.get("startColumn").asInt() - 1;
                assertThat(line.substring(column)).startsWith(quote.split("\n")[0]);
                JsonNode context = r.at("/locations/0/physicalLocation/contextRegion");
                assertThat(context.get("charOffset").asInt()).isLessThanOrEqualTo(offset);
                assertThat(context.get("charOffset").asInt() + context.get("charLength").asInt())
                        .isGreaterThanOrEqualTo(offset + region.get("charLength").asInt());
                assertThat(r.get("ruleId").asText()).isEqualTo(
                        run.at("/tool/driver/rules/" + r.get("ruleIndex").asInt() + "/id").asText());
                index++;
                checked++;
            }
            assertThat(index).as(uri).isEqualTo(scanned.report().findings().size());
        }
        assertThat(checked).isEqualTo(run.get("results").size()).isGreaterThan(20);
    }

    @Test
    void plainTextRegionsIndexTheFileItself() throws Exception {
        Path md = Path.of("../data/samples/ru/kz-laws_rus_104440.md");
        String file = Files.readString(md);
        JsonNode run = sarif(md.toString()).get("runs").get(0);
        assertThat(run.get("results").size()).isPositive();
        for (JsonNode r : run.get("results")) {
            JsonNode region = r.at("/locations/0/physicalLocation/region");
            int offset = region.get("charOffset").asInt();
            assertThat(file.substring(offset, offset + region.get("charLength").asInt()))
                    .isEqualTo(region.at("/snippet/text").asText());
        }
    }

    @Test
    void eachResultCarriesItsFindingsConfidence() throws Exception {
        Path md = Path.of("../data/samples/ru/kz-laws_rus_104440.md");
        JsonNode results = sarif(md.toString()).at("/runs/0/results");
        List<org.adaldyq.risk.finding.Finding> findings = RiskEngine.builder().build().scan(md).findings();
        assertThat(results.size()).isEqualTo(findings.size()).isPositive();
        for (int i = 0; i < findings.size(); i++) {
            assertThat(results.get(i).at("/properties/confidence").isNumber()).isTrue();
            assertThat(results.get(i).at("/properties/confidence").asDouble()).isEqualTo(findings.get(i).confidence());
        }
    }

    @Test
    void fingerprintsAreStableAcrossRunsAndDistinctWithinOne() throws Exception {
        List<String> first = fingerprints(sarif("../data/samples"));
        List<String> second = fingerprints(sarif("../data/samples"));
        assertThat(first).isEqualTo(second).doesNotHaveDuplicates().isNotEmpty();
    }

    @Test
    void anUnreadableInputIsANotificationAndTheRunIsMarkedIncomplete(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("empty.txt"), new byte[0]);
        JsonNode run = sarif("../data/samples/kk", dir.resolve("empty.txt").toString()).get("runs").get(0);
        assertThat(run.at("/invocations/0/executionSuccessful").asBoolean()).isFalse();
        JsonNode note = run.at("/invocations/0/toolExecutionNotifications/0");
        assertThat(note.at("/descriptor/id").asText()).isEqualTo("EMPTY");
        assertThat(note.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).endsWith("empty.txt");
        assertThat(run.get("artifacts")).hasSize(1);
    }

    private static List<String> fingerprints(JsonNode log) {
        List<String> f = new ArrayList<>();
        for (JsonNode r : log.at("/runs/0/results")) {
            f.add(r.at("/partialFingerprints/adaldyqFinding~1v1").asText());
        }
        return f;
    }
}
