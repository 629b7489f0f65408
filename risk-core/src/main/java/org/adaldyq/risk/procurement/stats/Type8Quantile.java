package org.adaldyq.risk.procurement.stats;

import java.util.Arrays;

/**
 * Hyndman–Fan type 8 sample quantile (median-unbiased), as R's {@code quantile(type = 8)} and Rust's
 * statrs: h = (n + 1/3)·p + 1/3; interpolate between the order statistics ⌊h⌋ and ⌊h⌋+1 (1-based);
 * h &lt; 1 gives the minimum, h ≥ n the maximum. The arithmetic follows statrs step by step so results
 * match Cardinal to the last bit.
 */
final class Type8Quantile {
    private Type8Quantile() {
    }

    /** The p-quantile (0 ≤ p ≤ 1) of values; NaN when empty. Does not modify the array. */
    public static double of(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return ofSorted(sorted, p);
    }

    /** The p-quantile of values sorted ascending; NaN when empty. */
    public static double ofSorted(double[] sorted, double p) {
        int len = sorted.length;
        if (len == 0 || p < 0.0 || p > 1.0) {
            return Double.NaN;
        }
        long[] ranks = Type8Ranks.ranks(len, p);
        return Type8Ranks.interpolate(len, p, sorted[(int) ranks[0]], sorted[(int) ranks[ranks.length - 1]]);
    }
}
