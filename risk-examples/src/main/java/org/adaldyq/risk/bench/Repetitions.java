package org.adaldyq.risk.bench;

import java.util.ArrayList;
import java.util.List;

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
        for (int i = 0; i < warmup; i++) {
            a.run();
            b.run();
        }
        List<Double> sa = new ArrayList<>(iterations);
        List<Double> sb = new ArrayList<>(iterations);
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            a.run();
            long t1 = System.nanoTime();
            b.run();
            long t2 = System.nanoTime();
            sa.add((t1 - t0) / 1e6);
            sb.add((t2 - t1) / 1e6);
        }
        return new double[] {median(sa), median(sb)};
    }

    /** Medians in milliseconds of two tasks run alternately: wall time and the process's CPU time (every thread, GC and JIT included). */
    record Pair(double wallA, double wallB, double cpuA, double cpuB) {
    }

    /**
     * As {@link #medianMsPair}, with the process's CPU time of each run beside its wall time: on a shared
     * machine the CPU time says what the work costs, the wall time also what the others took.
     */
    static Pair medianPairWithCpu(int warmup, int iterations, Task a, Task b) throws Exception {
        for (int i = 0; i < warmup; i++) {
            a.run();
            b.run();
        }
        List<Double> wa = new ArrayList<>(iterations);
        List<Double> wb = new ArrayList<>(iterations);
        List<Double> ca = new ArrayList<>(iterations);
        List<Double> cb = new ArrayList<>(iterations);
        for (int i = 0; i < iterations; i++) {
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            a.run();
            long t1 = System.nanoTime();
            long c1 = processCpuNanos();
            b.run();
            long t2 = System.nanoTime();
            long c2 = processCpuNanos();
            wa.add((t1 - t0) / 1e6);
            wb.add((t2 - t1) / 1e6);
            ca.add((c1 - c0) / 1e6);
            cb.add((c2 - c1) / 1e6);
        }
        return new Pair(median(wa), median(wb), median(ca), median(cb));
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
