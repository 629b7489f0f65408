package org.adaldyq.risk.procurement;

import org.adaldyq.risk.procurement.fact.Flag;
import org.adaldyq.risk.procurement.fact.Group;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cardinal's result object: group → id → code → value, plus {@code Meta} (code → statistic → value), and
 * the run's counts. Ids and codes are kept sorted, so output is deterministic.
 */
public final class IndicatorResults {
    private final Map<Group, Map<String, Map<String, Double>>> results = new EnumMap<>(Group.class);
    private final Map<String, Map<String, Double>> meta = new TreeMap<>();
    private final RunCounts counts;
    private List<Flag> datasetFlags = List.of();

    IndicatorResults(RunCounts counts) {
        this.counts = counts;
    }

    void add(Flag f) {
        results.computeIfAbsent(f.getGroup(), g -> new TreeMap<>())
                .computeIfAbsent(f.getId(), i -> new TreeMap<>())
                .merge(f.getCode(), f.getValue(), Math::max); // one value per id and code: the largest, whatever the firing order
    }

    Map<String, Map<String, Double>> metaForUpdate() {
        return meta;
    }

    /** Group → id → code → value; groups without results are absent. */
    public Map<Group, Map<String, Map<String, Double>>> results() {
        return Collections.unmodifiableMap(results);
    }

    public Map<String, Map<String, Double>> meta() {
        return Collections.unmodifiableMap(meta);
    }

    void datasetFlags(List<Flag> flags) {
        this.datasetFlags = List.copyOf(flags);
    }

    /** The flags of the dataset rules (fence-based), with their evidence. */
    public List<Flag> datasetFlags() {
        return datasetFlags;
    }

    public RunCounts counts() {
        return counts;
    }

    /** Number of results per group and code (Cardinal's {@code --count}). */
    public Map<Group, Map<String, Long>> countByGroupAndCode() {
        Map<Group, Map<String, Long>> out = new EnumMap<>(Group.class);
        results.forEach((g, ids) -> ids.values().forEach(codes -> codes.keySet().forEach(
                c -> out.computeIfAbsent(g, k -> new TreeMap<>()).merge(c, 1L, Long::sum))));
        return out;
    }
}
