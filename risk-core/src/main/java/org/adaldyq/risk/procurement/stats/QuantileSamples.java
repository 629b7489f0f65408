package org.adaldyq.risk.procurement.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link QuantileSource} that answers nothing (NaN) and keeps what it was asked: the values of each
 * named sample and the quantiles wanted of it. One part of a distributed run gathers its samples with it;
 * the job computes the quantiles over all parts and gives them back as {@link FixedQuantiles}. Not
 * thread-safe.
 *
 * @serial exclude
 */
public final class QuantileSamples implements QuantileSource, java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final Map<String, double[]> values = new LinkedHashMap<>();
    private final Map<String, Set<Double>> wanted = new LinkedHashMap<>();

    /** Creates an empty collector. */
    public QuantileSamples() {
    }

    @Override
    public double quantile(String name, double[] values, double p) {
        this.values.putIfAbsent(name, values.clone());
        wanted.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(p);
        return Double.NaN;
    }

    /** Sample name → its values seen here. */
    public Map<String, double[]> values() {
        return values;
    }

    /** Sample name → the probabilities whose quantiles were asked. */
    public Map<String, List<Double>> wanted() {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        wanted.forEach((k, v) -> out.put(k, new ArrayList<>(v)));
        return out;
    }
}
