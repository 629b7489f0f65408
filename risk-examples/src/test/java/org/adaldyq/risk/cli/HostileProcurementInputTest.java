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
}
