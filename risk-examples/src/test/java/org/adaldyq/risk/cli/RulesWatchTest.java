package org.adaldyq.risk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rules test --watch}: the author edits, saves, and sees the problem or the cases' outcome again
 * without starting anything; a folder whose rules stop loading does not end the watch.
 */
class RulesWatchTest {
    @TempDir
    Path dir;

    static final String RULE = """
            package org.example.ministry;

            import org.adaldyq.risk.regulation.fact.Trigger;
            import org.adaldyq.risk.regulation.fact.FactorHit;

            rule "NON_TRANSPARENCY.ministry-closed"
                @code("NON_TRANSPARENCY") @severity("low") @title("Closed decision") @source("ministry practice")
            when
                $t : Trigger(concept == "SECRECY")
            then
                insert(new FactorHit("NON_TRANSPARENCY", drools.getRule().getName(), $t));
            end
            """;

    @Test
    void testsAgainAfterEachSaveUntilInterrupted() throws Exception {
        Path drl = dir.resolve("CLOSED.drl");
        Files.writeString(drl, RULE);
        Files.writeString(dir.resolve("NON_TRANSPARENCY.examples"), "ru + Решение комиссии не подлежит опубликованию.\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread cli = new Thread(() -> exit.set(RiskCli.run(new PrintWriter(out, true), new PrintWriter(err, true),
                "rules", "test", "--watch", "--watch-interval", "50", dir.toString())));
        cli.start();
        try {
            waitFor(out::toString, "watching " + dir);
            assertThat(out.toString()).contains("PASS", "1 case(s): 1 passed, 0 failed");

            // A misspelt field: the problem as file:line:column, and the watch goes on.
            Files.writeString(drl, RULE.replace("concept == \"SECRECY\"", "concpt == \"SECRECY\""));
            waitFor(err::toString, "rules do not load");
            assertThat(err.toString()).contains(drl + ":9:", "concpt");
            assertThat(out.toString()).contains("a file changed; testing again");

            // Loads again, but a case fails.
            Files.writeString(drl, RULE);
            Files.writeString(dir.resolve("NON_TRANSPARENCY.examples"), "ru + Решение комиссии не подлежит опубликованию.\n"
                    + "ru + Комиссия вправе отказать в выдаче лицензии.\n");
            waitFor(out::toString, "2 case(s): 1 passed, 1 failed");

            // Fixed: every case passes.
            Files.writeString(dir.resolve("NON_TRANSPARENCY.examples"), "ru + Решение комиссии не подлежит опубликованию.\n"
                    + "ru - Комиссия вправе отказать в выдаче лицензии.\n");
            waitFor(out::toString, "2 case(s): 2 passed, 0 failed");
        } finally {
            cli.interrupt();
            cli.join(30_000);
        }
        assertThat(cli.isAlive()).isFalse();
        assertThat(exit.get()).as("the last run's exit code").isZero();
    }

    @Test
    void watchingNeedsFolders() {
        CliRun run = CliRun.of("rules", "check", "--watch");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--watch needs the rule folders (DIR) to watch");
    }

    /** Waits (up to two minutes, the rules compile in between) until {@code text} contains {@code expected}. */
    private static void waitFor(Supplier<String> text, String expected) throws InterruptedException {
        long until = System.nanoTime() + 120_000_000_000L;
        while (!text.get().contains(expected) && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(text.get()).contains(expected);
    }
}
