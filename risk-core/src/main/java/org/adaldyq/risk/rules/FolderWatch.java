package org.adaldyq.risk.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches rule folders by polling a fingerprint of their files (paths and contents): portable (the
 * JDK's WatchService polls every 10 s on some systems and misses renames on others), sees sub-folders
 * and editors' save-by-rename, and is cheap for folders of rule and word-list files. A change fires
 * {@code onChange} once the folders have stopped changing for one interval, so a save of several files
 * reloads once. Close it to stop.
 */
public final class FolderWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FolderWatch.class);

    private final List<Path> folders;
    private final Runnable onChange;
    private final ScheduledExecutorService timer;
    private long seen;
    private long pending;
    private boolean changing;

    private FolderWatch(List<Path> folders, Duration interval, Runnable onChange, Long since) {
        this.folders = List.copyOf(folders);
        this.onChange = Objects.requireNonNull(onChange);
        this.seen = since != null ? since : fingerprint();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "adaldyq-rule-watch");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(10, interval.toMillis());
        timer.scheduleWithFixedDelay(this::poll, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Starts polling {@code folders} every {@code interval}. */
    public static FolderWatch start(List<Path> folders, Duration interval, Runnable onChange) {
        return new FolderWatch(folders, interval, onChange, null);
    }

    /**
     * Starts polling {@code folders} every {@code interval}, taking them as they were when {@code since} was taken
     * ({@link #fingerprint(List)}): a save made after that and before the watch started (while the rules it guards
     * were loading, say) fires {@code onChange} too, rather than being taken for the state to watch from.
     */
    public static FolderWatch start(List<Path> folders, Duration interval, Runnable onChange, long since) {
        return new FolderWatch(folders, interval, onChange, since);
    }

    /** The fingerprint of {@code folders}' files (paths and contents) as they are now. */
    public static long fingerprint(List<Path> folders) {
        return fingerprintOf(List.copyOf(folders));
    }

    private void poll() {
        try {
            long now = fingerprint();
            if (changing) {
                if (now == pending) {
                    changing = false;
                    seen = now;
                    onChange.run();
                } else {
                    pending = now;
                }
            } else if (now != seen) {
                changing = true;
                pending = now;
            }
        } catch (RuntimeException e) {
            // A reload must never kill the watcher: the next change gets its chance.
            LOG.warn("rule folder watch: {}", e.toString(), e);
        }
    }

    long fingerprint() {
        return fingerprintOf(folders);
    }

    private static long fingerprintOf(List<Path> folders) {
        CRC32 crc = new CRC32();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                crc.update(("missing:" + folder).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                continue;
            }
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    crc.update(f.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    try {
                        crc.update(Files.readAllBytes(f));
                    } catch (IOException e) {
                        crc.update(("unreadable:" + f).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                crc.update(("unreadable:" + folder).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return crc.getValue();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
