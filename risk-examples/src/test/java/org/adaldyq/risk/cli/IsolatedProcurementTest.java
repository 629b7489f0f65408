package org.adaldyq.risk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code indicators --isolate} and {@code tenders --isolate} (issue 11, part 2, for procurement): the run,
 * author rules included, happens in a sandboxed child JVM that may read its inputs and write only the files
 * it is told to; the output equals the run in process; a run past its time limit is killed with a message.
 */
class IsolatedProcurementTest {

    record Run(String out, String err, int exit) {
    }

    static Run cli(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RiskCli.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                return e.toString();
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(out, err.get(), p.exitValue());
    }

    @Test
    void isolatedRunsGiveTheSameOutputAndWriteOnlyTheirOutputs(@TempDir Path tmp) throws Exception {
        String samples = ProcurementCommandsTest.samples().resolve("compiled").toString();
        Path baseline = tmp.resolve("baseline.json");

        Run plain = cli("indicators", "-q", samples);
        Run isolated = cli("indicators", "-q", "--isolate", "--isolate-heap", "512m", samples);
        Run tenders = cli("tenders", "-q", samples);
        Run tendersIsolated = cli("tenders", "-q", "--isolate", "--save-baseline", baseline.toString(), samples);

        assertThat(isolated.exit()).as(isolated.err()).isZero();
        assertThat(isolated.out()).isNotBlank().isEqualTo(plain.out());
        assertThat(isolated.err()).doesNotContain("Security Manager");
        assertThat(tendersIsolated.exit()).as(tendersIsolated.err()).isZero();
        assertThat(tendersIsolated.out()).isEqualTo(tenders.out());
        assertThat(baseline).as("the output named on the command line is writable").isNotEmptyFile();
    }

    @Test
    void anIsolatedRunPastItsTimeLimitIsKilled() throws Exception {
        // standard input stays open and empty: the child waits for data until its limit
        Run stuck = cli("indicators", "-q", "--isolate", "--isolate-timeout", "3", "-");

        assertThat(stuck.exit()).isEqualTo(1);
        assertThat(stuck.err()).contains("took longer than 3 s", "killed");
    }
}
