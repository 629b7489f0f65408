package org.adaldyq.risk.procurement.stats;

/**
 * The arithmetic of the type-8 quantile ({@link QuantileSource#LOCAL}) split into its two steps, so a
 * quantile of values sorted somewhere else (a cluster's sort) gives the same bits: which 0-based ranks it
 * needs, and how it interpolates between them.
 */
public final class Type8Ranks {
    private Type8Ranks() {
    }

    /** The 0-based ranks of the sorted values the p-quantile of {@code n} values reads (one or two). */
    public static long[] ranks(long n, double p) {
        double h = (n + 1.0 / 3.0) * p + 1.0 / 3.0;
        long hf = (long) h;
        if (hf <= 0 || p == 0.0) {
            return new long[] {0};
        }
        if (hf >= n || p == 1.0) {
            return new long[] {n - 1};
        }
        return new long[] {hf - 1, hf};
    }

    /**
     * The p-quantile of {@code n} values from the values at {@link #ranks}: {@code a} at the first rank,
     * {@code b} at the second (ignored when there is one).
     */
    public static double interpolate(long n, double p, double a, double b) {
        double h = (n + 1.0 / 3.0) * p + 1.0 / 3.0;
        long hf = (long) h;
        if (hf <= 0 || p == 0.0 || hf >= n || p == 1.0) {
            return a;
        }
        return a + (h - hf) * (b - a);
    }
}
