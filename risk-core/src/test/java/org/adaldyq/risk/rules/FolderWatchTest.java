package org.adaldyq.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A watch started from an earlier state of the folders sees the saves made before it started. */
class FolderWatchTest {

    @Test
    void aSaveBeforeTheWatchStartedCountsFromTheStateGiven(@TempDir Path dir) throws Exception {
        Path drl = Files.writeString(dir.resolve("A.drl"), "rule one");
        long before = FolderWatch.fingerprint(List.of(dir));
        Files.writeString(drl, "rule two"); // saved while the rules were loading, before the watch starts
        CountDownLatch fired = new CountDownLatch(1);
        try (FolderWatch watch = FolderWatch.start(List.of(dir), Duration.ofMillis(20), fired::countDown, before)) {
            assertThat(fired.await(30, TimeUnit.SECONDS)).as("the save made before the watch started").isTrue();
        }
        // from now on: a watch that takes the folders as it finds them sees nothing until the next save
        CountDownLatch quiet = new CountDownLatch(1);
        try (FolderWatch watch = FolderWatch.start(List.of(dir), Duration.ofMillis(20), quiet::countDown)) {
            assertThat(quiet.await(300, TimeUnit.MILLISECONDS)).isFalse();
            Files.writeString(drl, "rule three");
            assertThat(quiet.await(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(FolderWatch.fingerprint(List.of(dir))).isNotEqualTo(before);
    }
}
