package org.adaldyq.risk.procurement;

import org.adaldyq.risk.procurement.stats.SpillText;
import org.adaldyq.risk.procurement.fact.Flag;
import org.adaldyq.risk.procurement.fact.Group;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Cardinal's result object: group → id → code → value, plus {@code Meta} (code → statistic → value), and
 * the run's counts.
 *
 * <p>Memory stays flat with the number of processes: the per-process results of the {@code OCID} group
 * are written to a temporary file as the run goes and streamed back by {@link #forEachOcid}, in input
 * order; only the dataset flags raised on processes (R024, R058, …, normally few outliers), the ocids
 * that occur more than once, and the organisation groups are held in memory. {@link #close} deletes the
 * file, and nothing else does (no {@code deleteOnExit}, whose list would grow in a long-running host): use
 * try-with-resources. Buyer, procuring-entity and tenderer ids are sorted.
 */
public final class IndicatorResults implements AutoCloseable {
    private final Map<Group, Map<String, Map<String, Double>>> organisations = new EnumMap<>(Group.class);
    private final Map<String, Map<String, Double>> datasetOcids = new HashMap<>();
    private final Set<String> duplicateOcids = new HashSet<>();
    private final Map<String, Map<String, Double>> meta = new TreeMap<>();
    private final RunCounts counts;
    private List<Flag> datasetFlags = List.of();
    private org.adaldyq.risk.procurement.stats.Baseline baseline;
    private Path spill;
    private DataOutputStream spillOut;

    IndicatorResults(RunCounts counts) {
        this.counts = counts;
    }

    /** A per-process flag of any group; OCID-group flags of one process must come through {@link #addProcess}. */
    void add(Flag f) {
        if (f.getGroup() == Group.OCID) {
            datasetOcids.computeIfAbsent(f.getId(), k -> new TreeMap<>()).merge(f.getCode(), f.getValue(), Math::max);
        } else {
            organisations.computeIfAbsent(f.getGroup(), g -> new TreeMap<>())
                    .computeIfAbsent(f.getId(), i -> new TreeMap<>())
                    // one value per id and code: the largest, whatever the firing order
                    .merge(f.getCode(), f.getValue(), Math::max);
        }
    }

    /** The OCID-group results of one process, in input order; {@code duplicate} when its ocid was seen before. */
    void addProcess(String ocid, Map<String, Double> codes, boolean duplicate) {
        if (duplicate) {
            duplicateOcids.add(ocid);
        }
        if (codes.isEmpty()) {
            return;
        }
        try {
            if (spillOut == null) {
                spill = Files.createTempFile("indicators-ocid", ".bin");
                spillOut = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spill), 1 << 16));
            }
            SpillText.write(spillOut, ocid);
            spillOut.writeShort(codes.size());
            for (Map.Entry<String, Double> e : codes.entrySet()) {
                SpillText.write(spillOut, e.getKey());
                spillOut.writeDouble(e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void finishSpill() {
        if (spillOut != null) {
            try {
                spillOut.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    Map<String, Map<String, Double>> metaForUpdate() {
        return meta;
    }

    void baseline(org.adaldyq.risk.procurement.stats.Baseline baseline) {
        this.baseline = baseline;
    }

    /**
     * The dataset statistics this run judged the processes by (its own, or the baseline it was given):
     * save them to score later inputs against them (see {@code ProcurementEngine.Builder#baseline}).
     */
    public org.adaldyq.risk.procurement.stats.Baseline baseline() {
        return baseline;
    }

    void datasetFlags(List<Flag> flags) {
        this.datasetFlags = List.copyOf(flags);
    }

    /**
     * Streams the {@code OCID} group: each flagged ocid once, with every code (codes sorted), processes in
     * input order; ocids that occur more than once in the input come merged, at the end.
     */
    public void forEachOcid(BiConsumer<String, Map<String, Double>> consumer) {
        Map<String, Map<String, Double>> pendingDataset = new LinkedHashMap<>(datasetOcids);
        Map<String, Map<String, Double>> merged = new TreeMap<>();
        if (spill != null) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(spill), 1 << 16))) {
                while (true) {
                    String ocid;
                    try {
                        ocid = SpillText.read(in);
                    } catch (EOFException end) {
                        break;
                    }
                    Map<String, Double> codes = new TreeMap<>();
                    int n = in.readShort();
                    for (int i = 0; i < n; i++) {
                        codes.merge(SpillText.read(in), in.readDouble(), Math::max);
                    }
                    if (duplicateOcids.contains(ocid)) {
                        codes.forEach((c, v) -> merged.computeIfAbsent(ocid, k -> new TreeMap<>()).merge(c, v, Math::max));
                        continue;
                    }
                    Map<String, Double> extra = pendingDataset.remove(ocid);
                    if (extra != null) {
                        extra.forEach((c, v) -> codes.merge(c, v, Math::max));
                    }
                    consumer.accept(ocid, Collections.unmodifiableMap(codes));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        pendingDataset.forEach((ocid, codes) -> codes.forEach((c, v) ->
                merged.computeIfAbsent(ocid, k -> new TreeMap<>()).merge(c, v, Math::max)));
        merged.forEach((ocid, codes) -> consumer.accept(ocid, Collections.unmodifiableMap(codes)));
    }

    /**
     * Group → id → code → value, groups without results absent. Materialises the {@code OCID} group in
     * memory: for small runs and tests; use {@link #forEachOcid} and {@link #organisations} for big ones.
     */
    public Map<Group, Map<String, Map<String, Double>>> results() {
        Map<Group, Map<String, Map<String, Double>>> all = new EnumMap<>(Group.class);
        Map<String, Map<String, Double>> ocids = new LinkedHashMap<>();
        forEachOcid(ocids::put);
        if (!ocids.isEmpty()) {
            all.put(Group.OCID, ocids);
        }
        all.putAll(organisations);
        return Collections.unmodifiableMap(all);
    }

    /** The Buyer, ProcuringEntity and Tenderer groups (ids sorted); groups without results are absent. */
    public Map<Group, Map<String, Map<String, Double>>> organisations() {
        return Collections.unmodifiableMap(organisations);
    }

    /** Cardinal's {@code Meta}: per indicator code, the dataset statistics behind its fences (name → value). */
    public Map<String, Map<String, Double>> meta() {
        return Collections.unmodifiableMap(meta);
    }

    /** The flags of the dataset rules (fence-based), with their evidence. */
    public List<Flag> datasetFlags() {
        return datasetFlags;
    }

    /** What the run read, reviewed and skipped, and the input problems it met. */
    public RunCounts counts() {
        return counts;
    }

    /** Number of results per group and code (Cardinal's {@code --count}). */
    public Map<Group, Map<String, Long>> countByGroupAndCode() {
        Map<Group, Map<String, Long>> out = new EnumMap<>(Group.class);
        forEachOcid((id, codes) -> codes.keySet().forEach(
                c -> out.computeIfAbsent(Group.OCID, k -> new TreeMap<>()).merge(c, 1L, Long::sum)));
        organisations.forEach((g, ids) -> ids.values().forEach(codes -> codes.keySet().forEach(
                c -> out.computeIfAbsent(g, k -> new TreeMap<>()).merge(c, 1L, Long::sum))));
        return out;
    }

    @Override
    public void close() {
        finishSpill();
        if (spill != null) {
            try {
                Files.deleteIfExists(spill);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
