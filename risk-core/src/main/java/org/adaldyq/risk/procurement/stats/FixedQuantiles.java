package org.adaldyq.risk.procurement.stats;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Quantiles computed over a whole data set elsewhere (a cluster's sort and rank lookup, or its approximate
 * quantiles), looked up by sample name and probability. Immutable and serialisable: broadcast it.
 *
 * @serial exclude
 */
public final class FixedQuantiles implements QuantileSource, Serializable {
    private static final long serialVersionUID = 1L;
    private final Map<String, Map<Double, Double>> quantiles;

    /** @param quantiles sample name → probability → quantile */
    public FixedQuantiles(Map<String, Map<Double, Double>> quantiles) {
        Map<String, Map<Double, Double>> copy = new HashMap<>();
        quantiles.forEach((k, v) -> copy.put(k, new HashMap<>(v)));
        this.quantiles = copy;
    }

    /** @throws IllegalStateException when the quantile was not computed: a bug in the job, not bad input */
    @Override
    public double quantile(String name, double[] values, double p) {
        Double q = quantiles.getOrDefault(name, Map.of()).get(p);
        if (q == null) {
            throw new IllegalStateException("quantile " + p + " of " + name + " was not computed; have " + quantiles.keySet());
        }
        return q;
    }
}
