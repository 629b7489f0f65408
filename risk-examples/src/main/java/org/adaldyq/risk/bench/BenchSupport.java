package org.adaldyq.risk.bench;

import java.util.List;

/** Medians for benchmarks that live outside this package (the CLI's {@code bench isolate}). */
public final class BenchSupport {
    private BenchSupport() {
    }

    /** A task measured by {@link #pair}. */
    @FunctionalInterface
    public interface Task {
        /** One measured unit of work. */
        void run() throws Exception;
    }

    /** The median of {@code samples}. */
    public static double median(List<Double> samples) {
        return Repetitions.median(samples);
    }

    /** Medians in ms of two tasks measured alternately after {@code warmup} rounds: {medianA, medianB}. */
    public static double[] pair(int warmup, int iterations, Task a, Task b) throws Exception {
        return Repetitions.medianMsPair(warmup, iterations, a::run, b::run);
    }
}
