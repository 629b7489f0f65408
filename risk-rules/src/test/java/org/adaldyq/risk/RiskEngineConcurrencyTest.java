package org.adaldyq.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.adaldyq.risk.report.ReportJson;
import org.junit.jupiter.api.Test;

/** One engine shared by threads gives every thread exactly the report a lone caller gets. */
class RiskEngineConcurrencyTest {

    @Test
    void concurrentScansOfOneEngineAreIdenticalToSequentialOnes() throws Exception {
        RiskEngine engine = RiskEngine.builder().build();
        List<Path> inputs = List.of(Path.of("../data/samples/kk/kz-laws_kaz_104440.md"),
                Path.of("../data/samples/ru/kz-laws_rus_104440.md"), Path.of("../data/samples/en/BILLS-116s1014es.xml"));
        List<String> expected = new ArrayList<>();
        for (Path p : inputs) {
            expected.add(ReportJson.compact().writeValueAsString(engine.scan(p)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                Path p = inputs.get(i % inputs.size());
                results.add(pool.submit(() -> ReportJson.compact().writeValueAsString(engine.scan(p))));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(expected.get(i % inputs.size()));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected.get(0)).contains("\"factor\":\"OPTIONAL_POWER\"");
    }
}
