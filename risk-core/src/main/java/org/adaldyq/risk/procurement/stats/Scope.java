package org.adaldyq.risk.procurement.stats;

import java.util.function.Predicate;

/**
 * What part of a data set the statistics speak for: the organisations (and processes) they own, and
 * where their quantiles come from. A single run owns everything and sorts its own values; one shard of
 * a distributed run owns the ids that hash to it and takes the quantiles of the whole data set.
 */
record Scope(Predicate<String> owns, QuantileSource quantiles) {
    static final Scope ALL = new Scope(id -> true, QuantileSource.LOCAL);

    boolean owns(String id) {
        return owns.test(id);
    }

    /** Type-8 quartiles of the sample {@code name}; null when there are no values. */
    Quartiles quartiles(String name, double[] values) {
        if (values.length == 0) {
            return null;
        }
        if (quantiles == QuantileSource.LOCAL) {
            return Quartiles.of(values);
        }
        return new Quartiles(quantiles.quantile(name, values, 0.25), quantiles.quantile(name, values, 0.75), values.length);
    }
}
