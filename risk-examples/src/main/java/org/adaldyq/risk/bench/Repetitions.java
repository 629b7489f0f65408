package org.adaldyq.risk.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a task a few times unmeasured (warm-up), then a few times measured, and gives the median. */
final class Repetitions {

    /** One measured unit of work. */
    @FunctionalInterface
    interface Task {
        void run() throws Exception;
    }

    private Repetitions() {
    }

    /** Wall times in milliseconds of {@code iterations} runs after {@code warmup} unmeasured ones. */
    static List<Double> times(int warmup, int iterations, Task task) throws Exception {
        for (int i = 0; i < warmup; i++) {
            task.run();
        }
        List<Double> samples = new ArrayList<>(iterations);
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            task.run();
            samples.add((System.nanoTime() - t0) / 1e6);
        }
        return samples;
    }

    static double medianMs(int warmup, int iterations, Task task) throws Exception {
        return median(times(warmup, iterations, task));
    }

    /**
     * Medians of two tasks measured alternately (a, b, a, b...), so that a noisy machine slows both alike:
     * {medianA, medianB}.
     */
    static double[] medianMsPair(int warmup, int iterations, Task a, Task b) throws Exception {
        List<Measured> m = alternated(warmup, iterations, List.of(a, b));
        return new double[] {m.get(0).wall(), m.get(1).wall()};
    }

    /**
     * One task's medians in milliseconds over its measured runs: wall time, the process's CPU time (every
     * thread, GC and JIT included), and that CPU time by kind of thread ({@link ThreadCpu}; empty where it
     * cannot be read).
     */
    record Measured(double wall, double cpu, Map<String, Double> cpuByThread) {
    }

    /**
     * Runs the tasks in turn (a, b, c, a, b, c...), {@code warmup} rounds unmeasured then {@code iterations}
     * measured, so that a noisy machine slows each alike; the medians of each task, in the tasks' order.
     */
    static List<Measured> alternated(int warmup, int iterations, List<Task> tasks) throws Exception {
        for (int i = 0; i < warmup; i++) {
            for (Task t : tasks) {
                t.run();
            }
        }
        List<List<Double>> wall = new ArrayList<>();
        List<List<Double>> cpu = new ArrayList<>();
        List<Map<String, List<Double>>> byThread = new ArrayList<>();
        for (int t = 0; t < tasks.size(); t++) {
            wall.add(new ArrayList<>());
            cpu.add(new ArrayList<>());
            byThread.add(new LinkedHashMap<>());
        }
        for (int i = 0; i < iterations; i++) {
            for (int t = 0; t < tasks.size(); t++) {
                ThreadCpu threads = ThreadCpu.now();
                long c0 = processCpuNanos();
                long t0 = System.nanoTime();
                tasks.get(t).run();
                wall.get(t).add((System.nanoTime() - t0) / 1e6);
                cpu.get(t).add((processCpuNanos() - c0) / 1e6);
                for (Map.Entry<String, Long> e : ThreadCpu.now().since(threads).entrySet()) {
                    byThread.get(t).computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue() / 1e6);
                }
            }
        }
        List<Measured> out = new ArrayList<>();
        for (int t = 0; t < tasks.size(); t++) {
            Map<String, Double> medians = new LinkedHashMap<>();
            byThread.get(t).forEach((kind, samples) -> medians.put(kind, median(samples)));
            out.add(new Measured(median(wall.get(t)), median(cpu.get(t)), medians));
        }
        return out;
    }

    /** CPU time of this JVM so far, all threads. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static double median(List<Double> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        List<Double> sorted = samples.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
