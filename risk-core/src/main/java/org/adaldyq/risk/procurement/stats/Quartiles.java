package org.adaldyq.risk.procurement.stats;

import java.util.Arrays;

/** Type-8 first and third quartiles of a sample, and the Tukey fences 1.5·IQR beyond them. */
record Quartiles(double q1, double q3, int n) {

    /** Null when there are no values. */
    public static Quartiles of(double[] values) {
        if (values.length == 0) {
            return null;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Quartiles(Type8Quantile.ofSorted(sorted, 0.25), Type8Quantile.ofSorted(sorted, 0.75), sorted.length);
    }

    /** Q1 − 1.5·IQR. */
    public double lowerFence() {
        return q1 - 1.5 * (q3 - q1);
    }

    /** Q3 + 1.5·IQR. */
    public double upperFence() {
        return q3 + 1.5 * (q3 - q1);
    }
}
