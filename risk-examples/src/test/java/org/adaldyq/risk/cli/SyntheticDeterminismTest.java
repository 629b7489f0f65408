package org.adaldyq.risk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.adaldyq.risk.bench.SyntheticOcds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Synthetic data: the generator is deterministic, and results do not depend on threads or batch size. */
class SyntheticDeterminismTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sameResultsWithOneOrTwoThreads(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a.jsonl");
        Path b = tmp.resolve("b.jsonl");
        new SyntheticOcds(7, 3000).write(3000, a);
        new SyntheticOcds(7, 3000).write(3000, b);
        assertThat(Files.mismatch(a, b)).isEqualTo(-1L);

        JsonNode one = JSON.readTree(ProcurementCommandsTest.run(null, "indicators", "--threads", "1", a.toString()).out());
        JsonNode two = JSON.readTree(ProcurementCommandsTest.run(null, "indicators", "--threads", "2", "--batch-size", "7", a.toString()).out());
        assertThat(two).isEqualTo(one);
        for (String code : new String[] {"R003", "R018", "R028", "R030", "R035", "R036"}) {
            assertThat(one.path("OCID").toString()).as(code + " fires on synthetic data").contains(code);
        }
        assertThat(one.path("Meta").has("R024")).isTrue();

        String t1 = ProcurementCommandsTest.run(null, "tenders", "--threads", "1", a.toString()).out();
        String t2 = ProcurementCommandsTest.run(null, "tenders", "--threads", "2", a.toString()).out();
        assertThat(t2).isEqualTo(t1);
        assertThat(t1).contains("\"R044\"", "\"R060\"", "\"R059\"");
    }
}
