package org.adaldyq.risk.procurement.stats;

import org.adaldyq.risk.procurement.fact.ProcessFacts;
import org.adaldyq.risk.procurement.model.ContractingProcess;

import java.util.List;
import java.util.Map;

/**
 * What one dataset-relative indicator needs from the whole data set: fed every reviewed process in input
 * order, then turned into the facts its rule matches (statistics, fences) and into Cardinal's {@code Meta}.
 * One implementation per indicator (or pair of indicators sharing one statistic, as R024 and R058 share
 * the second-lowest-bid ratio), named by the catalogue's {@code statistic}. Not thread-safe.
 */
interface DatasetStatistic {
    void add(ContractingProcess p, ProcessFacts f);

    /** Appends the facts for the dataset rules to {@code out}, writing Cardinal's {@code Meta} into {@code meta}. */
    void facts(Map<String, Map<String, Double>> meta, List<Object> out);

    /** Releases temporary files. */
    default void close() {
    }
}
