package org.adaldyq.risk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.rules.FolderWatch;
import org.adaldyq.risk.rules.RuleReload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The author's round trip of the issue: copy a built-in rule into an author folder, break it and see
 * {@code rules check} name the line; fix it; change a threshold and see the scan result change after a
 * live reload, without restarting the engine and without losing a scan in flight.
 */
class AuthorWorkflowTest {

    static final String TEXT = "Уполномоченный орган вправе в течение года по представлению комиссии приостановить действие лицензии.";

    @TempDir
    Path dir;

    static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    @Test
    void copyBreakCheckFixTuneAndReloadLive() throws Exception {
        String original;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("org/adaldyq/risk/rules/regulation/OPTIONAL_POWER.drl")) {
            original = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path copy = dir.resolve("OPTIONAL_POWER.drl");
        Files.writeString(copy, original);
        Files.writeString(dir.resolve("thresholds.csv"), "key,value,comment\nOPTIONAL_POWER.action-after,8,as built in\n");
        assertThat(cli("rules", "check", dir.toString()).exit()).isZero();

        // Break it: a field the fact does not have.
        List<String> lines = original.lines().toList();
        int broken = 0;
        while (!lines.get(broken).contains("Subject(anchor == $v, kind == \"STATE_BODY\")")) {
            broken++;
        }
        Files.writeString(copy, original.replace("Subject(anchor == $v, kind == \"STATE_BODY\")", "Subject(anchor == $v, kinds == \"STATE_BODY\")"));
        CliRun check = cli("rules", "check", dir.toString());
        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.err()).contains(copy + ":" + (broken + 1) + ":");
        assertThat(check.out()).contains("rules do not load");

        // Fix it.
        Files.writeString(copy, original);
        CliRun fixed = cli("rules", "check", dir.toString());
        assertThat(fixed.exit()).as(fixed.err()).isZero();
        long rulesInFile = original.lines().filter(l -> l.startsWith("rule \"")).count();
        assertThat(fixed.out()).contains(rulesInFile + " overridden", "0 error(s)");

        // Serve, scan continuously, change the threshold, see the result change.
        BlockingQueue<RuleReload> reloads = new LinkedBlockingQueue<>();
        RiskEngine engine = RiskEngine.builder().rules(dir).reloadListener(reloads::add).build();
        assertThat(engine.codesFound(TEXT, Language.RU)).contains("OPTIONAL_POWER");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger scans = new AtomicInteger();
        List<Throwable> lost = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (int t = 0; t < 2; t++) {
            pool.submit(() -> {
                while (!stop.get()) {
                    try {
                        engine.scan(TEXT, Language.RU);
                        scans.incrementAndGet();
                    } catch (Throwable e) {
                        lost.add(e);
                    }
                }
            });
        }
        try (FolderWatch watch = engine.watchRules(Duration.ofMillis(100))) {
            Files.writeString(dir.resolve("thresholds.csv"), "key,value,comment\nOPTIONAL_POWER.action-after,3,our style\n");
            RuleReload reload = reloads.poll(60, TimeUnit.SECONDS);
            assertThat(reload).isNotNull();
            assertThat(reload.applied()).as("%s", reload.problems()).isTrue();
            assertThat(engine.codesFound(TEXT, Language.RU)).doesNotContain("OPTIONAL_POWER");
        } finally {
            stop.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(lost).isEmpty();
        assertThat(scans.get()).isPositive();
    }

    @Test
    void rulesTestReportsPassAndFailPerCase() throws Exception {
        Files.writeString(dir.resolve("OPTIONAL_POWER.examples"), """
                # ours
                ru + Уполномоченный орган вправе приостановить действие лицензии.
                ru - Уполномоченный орган вправе приостановить действие лицензии.
                """);
        CliRun run = cli("rules", "test", dir.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("PASS " + dir.resolve("OPTIONAL_POWER.examples") + ":2 expects OPTIONAL_POWER",
                "FAIL " + dir.resolve("OPTIONAL_POWER.examples") + ":3 expects no OPTIONAL_POWER", "2 case(s): 1 passed, 1 failed");

        CliRun builtIn = cli("rules", "test", "--failures");
        assertThat(builtIn.exit()).as(builtIn.out()).isZero();
        assertThat(builtIn.out()).containsPattern("\\d{3} case\\(s\\): \\d{3} passed, 0 failed");

        CliRun checkBuiltIn = cli("rules", "check");
        assertThat(checkBuiltIn.exit()).as(checkBuiltIn.err()).isZero();
        assertThat(checkBuiltIn.out()).contains("compiled at run time", "0 error(s), 0 warning(s)");
    }
}
