package org.adaldyq.risk.procurement.stats;

/**
 * Where the dataset statistics take their type-8 quantiles from: sorted from the values at hand
 * ({@link #LOCAL}, a single run), or computed elsewhere over the whole data set (a distributed job sorts
 * each sample across the cluster and hands the results back in a {@link FixedQuantiles}). Each sample has
 * a name ({@code R025/ratio}, {@code R038/Buyer}, ...), so the values one part of a data set sees can be
 * gathered by name ({@link QuantileSamples}) and their quantiles looked up by name.
 */
public interface QuantileSource {
    /** Type-8 quantiles of the values at hand, as a single run computes them. */
    QuantileSource LOCAL = (name, values, p) -> Type8Quantile.of(values, p);

    /**
     * The {@code p}-quantile (0 ≤ p ≤ 1, type 8) of the sample {@code name}, whose values here are
     * {@code values} (never empty); NaN when it has none.
     */
    double quantile(String name, double[] values, double p);
}
