package org.adaldyq.risk.rules.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
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

/** Reloads while scans run: valid changes swap atomically, invalid ones leave the old rules serving. */
class HotReloadTest {

    @TempDir
    Path dir;

    @Test
    void reloadsSwapAtomicallyUnderConcurrentScansAndBadChangesKeepTheOldRules() throws Exception {
        Files.writeString(dir.resolve("thresholds.csv"), "OPTIONAL_POWER.action-after,8\n");
        List<RuleReload> reloads = new CopyOnWriteArrayList<>();
        RiskEngine engine = RiskEngine.builder().rules(dir).reloadListener(reloads::add).build();
        assertThat(found(engine)).isTrue();

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger scans = new AtomicInteger();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Set<Boolean> outcomes = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        for (int t = 0; t < 3; t++) {
            pool.submit(() -> {
                while (!stop.get()) {
                    try {
                        outcomes.add(found(engine));
                        scans.incrementAndGet();
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }
            });
        }
        try {
            for (int round = 0; round < 3; round++) {
                // Valid: the window shrinks, the far action is no longer caught.
                Files.writeString(dir.resolve("thresholds.csv"), "OPTIONAL_POWER.action-after,3\n");
                assertThat(engine.reloadRules().applied()).isTrue();
                assertThat(found(engine)).isFalse();

                // Invalid DRL: rejected, the previous rules keep serving.
                Files.writeString(dir.resolve("broken.drl"), "package x;\nrule \"VAGUE_TERMS.broken\"\nwhen\n  Trigger(\nthen\nend\n");
                RuleReload rejected = engine.reloadRules();
                assertThat(rejected.applied()).isFalse();
                assertThat(rejected.errors()).isNotEmpty().allMatch(p -> p.file().endsWith("broken.drl"));
                assertThat(found(engine)).isFalse();
                Files.delete(dir.resolve("broken.drl"));

                // Valid again, through a DRL change this time (compiled at run time).
                Files.writeString(dir.resolve("thresholds.csv"), "OPTIONAL_POWER.action-after,8\n");
                Files.writeString(dir.resolve("extra.drl"), """
                        package org.example;
                        import org.adaldyq.risk.regulation.fact.*;
                        rule "VAGUE_TERMS.extra"
                            @code("VAGUE_TERMS") @severity("low") @title("Same as built in") @source("test")
                        when
                            $v : Trigger(concept == "VAGUE")
                        then
                            insert(new FactorHit("VAGUE_TERMS", drools.getRule().getName(), $v));
                        end
                        """);
                RuleReload compiled = engine.reloadRules();
                assertThat(compiled.applied()).as("%s", compiled.problems()).isTrue();
                assertThat(compiled.summary()).contains("1 added", "compiled at run time");
                assertThat(found(engine)).isTrue();
                Files.delete(dir.resolve("extra.drl"));
            }
        } finally {
            stop.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(failures).isEmpty();
        assertThat(scans.get()).isPositive();
        assertThat(reloads).hasSize(3 * 3);
        assertThat(reloads.stream().filter(RuleReload::applied)).hasSize(3 * 2);
        assertThat(outcomes).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void watchedFolderReloadsOnChangeAndReportsErrorsToTheListener() throws Exception {
        Files.writeString(dir.resolve("thresholds.csv"), "OPTIONAL_POWER.action-after,8\n");
        BlockingQueue<RuleReload> reloads = new LinkedBlockingQueue<>();
        RiskEngine engine = RiskEngine.builder().rules(dir).reloadListener(reloads::add).build();
        try (FolderWatch watch = engine.watchRules(Duration.ofMillis(50))) {
            Files.writeString(dir.resolve("thresholds.csv"), "OPTIONAL_POWER.action-after,x\n");
            RuleReload bad = reloads.poll(30, TimeUnit.SECONDS);
            assertThat(bad).isNotNull();
            assertThat(bad.applied()).isFalse();
            assertThat(bad.errors()).singleElement().asString().contains("thresholds.csv:1:");
            assertThat(found(engine)).isTrue();

            Files.writeString(dir.resolve("thresholds.csv"), "OPTIONAL_POWER.action-after,2\n");
            RuleReload good = reloads.poll(30, TimeUnit.SECONDS);
            assertThat(good).isNotNull();
            assertThat(good.applied()).isTrue();
            assertThat(found(engine)).isFalse();
        }
    }

    /** A save between building the engine and watching its folders (a server starting, say) is reloaded, not lost. */
    @Test
    void aSaveBeforeTheWatchStartsIsReloaded() throws Exception {
        Files.writeString(dir.resolve("thresholds.csv"), "OPTIONAL_POWER.action-after,8\n");
        BlockingQueue<RuleReload> reloads = new LinkedBlockingQueue<>();
        RiskEngine engine = RiskEngine.builder().rules(dir).reloadListener(reloads::add).build();
        assertThat(found(engine)).isTrue();
        Files.writeString(dir.resolve("thresholds.csv"), "OPTIONAL_POWER.action-after,2\n");
        try (FolderWatch watch = engine.watchRules(Duration.ofMillis(50))) {
            RuleReload reload = reloads.poll(30, TimeUnit.SECONDS);
            assertThat(reload).as("the save made before the watch started").isNotNull();
            assertThat(reload.applied()).isTrue();
            assertThat(found(engine)).isFalse();
        }
    }

    static boolean found(RiskEngine engine) {
        return engine.codesFound(AuthorRulesTest.FAR_ACTION, Language.RU).contains("OPTIONAL_POWER");
    }
}
