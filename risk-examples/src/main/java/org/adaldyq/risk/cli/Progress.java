package org.adaldyq.risk.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A progress line on stderr for long runs (count, rate, and the time left when the total is known),
 * redrawn a few times a second, only when stderr is a terminal and {@code --quiet} is not given; and the
 * one-line summary every run ends with. Counting is thread-safe.
 */
final class Progress implements AutoCloseable {
    private final String command;
    private final String unit;
    private final long total;
    private final PrintStream err;
    private final long start = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private final ScheduledExecutorService ticker;
    private volatile boolean drawn;

    private Progress(String command, String unit, long total, boolean show, PrintStream err) {
        this.command = command;
        this.unit = unit;
        this.total = total;
        this.err = err;
        if (show) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "progress");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::draw, 500, 250, TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
        }
    }

    /** A progress line for {@code command} counting {@code unit}s ({@code total} &lt; 0: unknown). */
    static Progress start(String command, String unit, long total, boolean quiet) {
        return new Progress(command, unit, total, !quiet && stderrIsTerminal(), System.err);
    }

    void step() {
        done.incrementAndGet();
    }

    long done() {
        return done.get();
    }

    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    private void draw() {
        long n = done.get();
        double s = seconds();
        double rate = s > 0 ? n / s : 0;
        StringBuilder line = new StringBuilder("\r").append(command).append(": ");
        line.append(String.format(Locale.ROOT, "%,d", n));
        if (total >= 0) {
            line.append(String.format(Locale.ROOT, "/%,d", total));
        }
        line.append(' ').append(unit).append(String.format(Locale.ROOT, "  %,.1f/s", rate));
        if (total > 0 && rate > 0 && n < total) {
            line.append(String.format(Locale.ROOT, "  %s left", duration((total - n) / rate)));
        }
        line.append("  \u001b[K");
        err.print(line);
        err.flush();
        drawn = true;
    }

    /** Stops the line and clears it (the summary takes its place). */
    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (drawn) {
                err.print("\r\u001b[K");
                err.flush();
            }
        }
    }

    /** The run's one-line summary on stderr: what was done and how long it took. */
    void summary(String what) {
        close();
        err.printf(Locale.ROOT, "%s: %s in %s%n", command, what, duration(seconds()));
        err.flush();
    }

    static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        return s < 3600 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60)
                : String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
    }

    /**
     * True when stderr is a terminal. Java tells only whether stdin and stdout both are ({@code System.console()});
     * on Linux the descriptor's target says it for stderr alone, so {@code scan ... > out.json} still shows progress.
     */
    static boolean stderrIsTerminal() {
        try {
            Path fd = Path.of("/proc/self/fd/2");
            if (Files.exists(fd)) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (Exception e) {
            // not Linux, or no permission: ask Java
        }
        return System.console() != null;
    }
}
