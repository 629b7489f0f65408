package org.adaldyq.risk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a process's CPU time went, by kind of thread: a snapshot of every live thread's CPU time (Linux
 * {@code /proc/self/task}, the JVM's own threads included: GC, JIT compilers), and the process total. Two
 * snapshots give the time each kind of thread took in between; threads that ended in between (a finished
 * Lucene merge, an executor shut down) are counted together as {@value #ENDED}. Empty where {@code /proc}
 * is not there.
 */
final class ThreadCpu {
    /** Threads that ended between the two snapshots. */
    static final String ENDED = "ended threads";

    /** Thread name prefix (as the kernel keeps it, 15 characters at most) → kind, in the order they are reported. */
    private static final List<Map.Entry<String, String>> KINDS = List.of(
            Map.entry("main", "main"),
            Map.entry("java", "main"), // the launcher's main thread keeps the process's name
            Map.entry("index-scan", "index-scan"),
            Map.entry("rules-", "rules workers"),
            Map.entry("Lucene Merge", "Lucene merges"),
            Map.entry("GC Thread", "GC pauses"),
            Map.entry("G1 Conc", "GC marking"),
            Map.entry("G1 Refine", "GC refinement"),
            Map.entry("G1 ", "GC other"),
            Map.entry("VM Thread", "VM thread"),
            Map.entry("C1 Compiler", "JIT"),
            Map.entry("C2 Compiler", "JIT"));
    private static final String OTHER = "other";
    /** Clock ticks per second of {@code /proc}'s times ({@code getconf CLK_TCK}, 100 on Linux). */
    private static final double TICK_NANOS = 1e9 / 100;

    private final Map<Integer, Long> byThread;
    private final Map<Integer, String> names;
    private final long total;

    private ThreadCpu(Map<Integer, Long> byThread, Map<Integer, String> names, long total) {
        this.byThread = byThread;
        this.names = names;
        this.total = total;
    }

    /** The CPU time of every live thread now (empty when {@code /proc} cannot be read), and the process's. */
    static ThreadCpu now() {
        Map<Integer, Long> byThread = new HashMap<>();
        Map<Integer, String> names = new HashMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (Files.isDirectory(tasks)) {
            try (Stream<Path> s = Files.list(tasks)) {
                for (Path task : s.toList()) {
                    try {
                        long ticks = ticks(Files.readString(task.resolve("stat")));
                        int tid = Integer.parseInt(task.getFileName().toString());
                        byThread.put(tid, Math.round(ticks * TICK_NANOS));
                        names.put(tid, Files.readString(task.resolve("comm")).strip());
                    } catch (IOException | RuntimeException e) {
                        // the thread ended while it was listed: it is counted among the ended ones
                    }
                }
            } catch (IOException e) {
                byThread.clear();
            }
        }
        return new ThreadCpu(byThread, names, Repetitions.processCpuNanos());
    }

    /** utime + stime of a {@code stat} line; the name, in parentheses, may hold spaces. */
    private static long ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after the name: state(0) ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime(11) stime(12)
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** Nanoseconds of CPU time by kind of thread since {@code before}; empty when {@code /proc} could not be read. */
    Map<String, Long> since(ThreadCpu before) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (byThread.isEmpty() || before.byThread.isEmpty()) {
            return out;
        }
        KINDS.forEach(k -> out.put(k.getValue(), 0L));
        out.put(OTHER, 0L);
        long live = 0;
        for (Map.Entry<Integer, Long> t : byThread.entrySet()) {
            long spent = t.getValue() - before.byThread.getOrDefault(t.getKey(), 0L);
            live += spent;
            out.merge(kind(names.get(t.getKey())), spent, Long::sum);
        }
        out.put(ENDED, Math.max(0, total - before.total - live));
        return out;
    }

    private static String kind(String name) {
        for (Map.Entry<String, String> k : KINDS) {
            if (name.startsWith(k.getKey())) {
                return k.getValue();
            }
        }
        return OTHER;
    }
}
