package org.adaldyq.risk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Inputs that used to end a run or write invalid JSON (issue 11, part 4): each is now a normal result. */
class HostileProcurementInputTest {
    /** Cardinal's output has ocids as member names: allow this one's 70 KiB (Jackson's default is 50,000). */
    private static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder().maxNameLength(1 << 20).build())
            .build());

    /** A flagged process and a dataset outlier whose ocid is 70 KiB long: the spill files took 64 KiB at most. */
    @Test
    void anOcidLongerThan64KiB(@TempDir Path tmp) throws Exception {
        String ocid = "ocds-" + "x".repeat(70_000);
        Path in = tmp.resolve("long.jsonl");
        Files.writeString(in, "{\"ocid\":\"" + ocid + "\",\"tender\":{\"procurementMethod\":\"open\",\"tenderPeriod\":"
                + "{\"startDate\":\"2024-03-01T09:00:00Z\",\"endDate\":\"2024-03-03T09:00:00Z\"}},\"bids\":{\"details\":["
                + "{\"status\":\"valid\",\"tenderers\":[{\"id\":\"W\"}],\"value\":{\"amount\":100,\"currency\":\"KZT\"}},"
                + "{\"status\":\"valid\",\"tenderers\":[{\"id\":\"S\"}],\"value\":{\"amount\":300,\"currency\":\"KZT\"}}]},"
                + "\"awards\":[{\"status\":\"active\",\"suppliers\":[{\"id\":\"W\"}]}]}\n");
        ProcurementCommandsTest.Run indicators = ProcurementCommandsTest.run(null, "indicators", in.toString());
        assertThat(indicators.exit()).isZero();
        assertThat(JSON.readTree(indicators.out()).path("OCID").path(ocid).has("R003")).isTrue();
        ProcurementCommandsTest.Run tenders = ProcurementCommandsTest.run(null, "tenders", in.toString());
        assertThat(tenders.exit()).isZero();
        JsonNode process = JSON.readTree(tenders.out().lines().findFirst().orElseThrow());
        assertThat(process.path("ocid").asText()).isEqualTo(ocid);
        assertThat(process.path("flags").has("R058")).as("a data set of one: its own fence").isTrue();
    }

    /** Amounts beyond a double (1e400) are read as infinite: the report writes null, never "Infinity". */
    @Test
    void numbersThatAreNotFiniteAreNull(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("inf.jsonl");
        Files.writeString(in, "{\"ocid\":\"z-2\",\"tender\":{\"procurementMethod\":\"open\",\"value\":{\"amount\":1e400,"
                + "\"currency\":\"KZT\"}},\"awards\":[{\"id\":\"a\",\"status\":\"active\",\"value\":{\"amount\":1e400,"
                + "\"currency\":\"KZT\"},\"suppliers\":[{\"id\":\"W\"}]}]}\n");
        String out = ProcurementCommandsTest.run(null, "tenders", in.toString()).out();
        assertThat(out).doesNotContain("Infinity").doesNotContain("NaN");
        JsonNode process = JSON.readTree(out.lines().findFirst().orElseThrow());
        JsonNode evidence = process.path("findings").get(0).path("evidence").get(0);
        assertThat(evidence.path("value").isNull()).isTrue();
    }

    /**
     * Party names that are not text, or text with line breaks, quotes, commas and markup: names that are not
     * strings are no names; the others come back whole from the JSON lines, the CSV (read by a CSV reader: one
     * record per row) and the dashboard (as text, never as markup).
     */
    @Test
    void partyNamesThatAreNotPlainText(@TempDir Path tmp) throws Exception {
        String hostile = "Line one\nline two, \"quoted\"\r<script>alert(1)</script>";
        Path in = tmp.resolve("names.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"ocid\":\"h1\",\"buyer\":{\"id\":\"B1\"},\"parties\":[{\"id\":\"B1\",\"name\":{\"x\":1}}]}",
                "{\"ocid\":\"h2\",\"buyer\":{\"id\":\"B2\"},\"parties\":[{\"id\":\"B2\",\"name\":[\"a\"]},{\"id\":null,\"name\":\"x\"}]}",
                "{\"ocid\":\"h3\",\"buyer\":{\"id\":\"B3\"},\"parties\":[{\"id\":\"B3\",\"name\":" + JSON.writeValueAsString(hostile) + "}]}",
                "{\"ocid\":\"h4\",\"buyer\":{\"id\":\"B4\"},\"parties\":\"not an array\"}") + "\n");
        ProcurementCommandsTest.Run jsonl = ProcurementCommandsTest.run(null, "tenders", in.toString());
        assertThat(jsonl.exit()).isZero();
        java.util.Map<String, JsonNode> buyers = new java.util.HashMap<>();
        for (String line : jsonl.out().lines().toList()) {
            JsonNode n = JSON.readTree(line);
            if (n.path("type").asText().equals("buyer")) {
                buyers.put(n.path("id").asText(), n);
            }
        }
        assertThat(buyers).hasSize(4);
        assertThat(buyers.get("B1").path("name").isNull()).isTrue();
        assertThat(buyers.get("B2").path("name").isNull()).isTrue();
        assertThat(buyers.get("B3").path("name").asText()).isEqualTo(hostile);
        assertThat(buyers.get("B4").path("name").isNull()).isTrue();

        String csv = ProcurementCommandsTest.run(null, "tenders", "--format", "csv", in.toString()).out();
        java.util.List<java.util.List<String>> rows = Csv.read(csv);
        assertThat(rows).hasSize(1 + 4 + 4); // header, processes, buyers: a name's line breaks stay inside its cell
        assertThat(rows).filteredOn(r -> r.get(1).equals("B3")).singleElement()
                .satisfies(r -> assertThat(r.get(r.size() - 1)).isEqualTo(hostile));

        String html = ProcurementCommandsTest.run(null, "tenders", "--format", "html", in.toString()).out();
        assertThat(html).doesNotContain("<script>alert(1)").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
}
