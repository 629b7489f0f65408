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

    /**
     * The assessment's processes, read back by three threads a chunk at a time, come in input order with the
     * same results and summaries as one thread gives; an iterator closed early, or left open and unread,
     * keeps no helper thread.
     */
    @Test
    void assessmentReadBackInParallelIsTheSame(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("s.jsonl");
        new SyntheticOcds(9, 2500).write(2500, data); // 2,500 records: chunks of 768 split in three, the last one short
        java.util.List<String> codes = new java.util.ArrayList<>(org.adaldyq.risk.procurement.catalogue.IndicatorCatalogue.builtIn().codes());
        String[] reports = new String[2];
        int[] threads = {1, 3};
        for (int i = 0; i < 2; i++) {
            org.adaldyq.risk.procurement.ProcurementEngine engine = org.adaldyq.risk.procurement.ProcurementEngine.builder()
                    .codes(codes).threads(threads[i]).build();
            try (org.adaldyq.risk.procurement.Assessment a = engine.assess(data)) {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                new org.adaldyq.risk.procurement.report.TendersReport(org.adaldyq.risk.procurement.report.TendersReport.Format.JSONL)
                        .write(a, out);
                reports[i] = out.toString(java.nio.charset.StandardCharsets.UTF_8);
                try (org.adaldyq.risk.procurement.Assessment.ProcessIterator it = a.processes()) {
                    assertThat(it.next().line()).isEqualTo(1);
                }
                a.processes().next(); // left open, unread
            }
        }
        assertThat(reports[1]).isEqualTo(reports[0]);
        assertThat(reports[0].lines().filter(l -> l.startsWith("{\"type\":\"process\"")).count()).isEqualTo(2500);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (helpers() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(helpers()).as("helper threads left running").isZero();
    }

    private static long helpers() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("adaldyq-assessment")).count();
    }
}
