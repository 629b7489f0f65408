package org.adaldyq.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.adaldyq.risk.procurement.Assessment;
import org.adaldyq.risk.procurement.ProcurementEngine;
import org.junit.jupiter.api.Test;

/**
 * A host's log sees the library at INFO only for once-per-engine events (rules loaded or reloaded), never per
 * scan or per run. slf4j-simple, this module's test binding, logs INFO and above to {@code System.err}.
 */
class QuietRunsTest {

    @Test
    void scansAndRunsLogNothingAtInfo() throws Exception {
        RiskEngine regulation = RiskEngine.builder().build();
        ProcurementEngine procurement = ProcurementEngine.builder().threads(1).build();
        String log = capturingStderr(() -> {
            for (int i = 0; i < 2; i++) {
                regulation.scan(Path.of("../data/samples/ru/kz-laws_rus_104440.md"));
                regulation.scan(Path.of("../data/samples/kk/kz-laws_kaz_104440.md"));
                try (Assessment a = procurement.assess(Path.of("src/test/resources/procurement/cardinal/R003.jsonl"))) {
                    a.forEachProcess(p -> { });
                }
            }
        });
        assertThat(log).doesNotContain(" INFO ").doesNotContain(" DEBUG ");
    }

    interface Work {
        void run() throws Exception;
    }

    private static String capturingStderr(Work work) throws Exception {
        PrintStream before = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.setErr(before);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
