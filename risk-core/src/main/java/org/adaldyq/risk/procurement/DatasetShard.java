package org.adaldyq.risk.procurement;

import org.adaldyq.risk.procurement.catalogue.IndicatorCatalogue;
import org.adaldyq.risk.procurement.fact.Flag;
import org.adaldyq.risk.procurement.fact.Group;
import org.adaldyq.risk.procurement.fact.IndicatorSetting;
import org.adaldyq.risk.procurement.fact.OutlierFence;
import org.adaldyq.risk.procurement.fact.ProcessFacts;
import org.adaldyq.risk.procurement.fact.TopTendererBar;
import org.adaldyq.risk.procurement.model.Award;
import org.adaldyq.risk.procurement.model.Bid;
import org.adaldyq.risk.procurement.model.ContractingProcess;
import org.adaldyq.risk.procurement.ocds.InputProblem;
import org.adaldyq.risk.procurement.settings.Settings;
import org.adaldyq.risk.procurement.stats.DatasetStatistics;
import org.adaldyq.risk.procurement.stats.FixedQuantiles;
import org.adaldyq.risk.procurement.stats.QuantileSamples;
import org.adaldyq.risk.procurement.stats.QuantileSource;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The dataset statistics and dataset flags of a distributed run, one shard at a time, with the single
 * run's statistics classes ({@link DatasetStatistics#shard}). Every id (ocid, buyer, procuring entity,
 * tenderer, supplier) belongs to one shard ({@link #shardOf}); each shard is fed, in the single run's
 * order, every reviewed process that involves one of its ids ({@link #shards}), and counts only its own
 * ids. Two passes: {@link #samples} gathers the values whose quartiles the fences need (the job computes
 * them over all shards: exactly, by sorting, or approximately); {@link #flags} then fires the dataset
 * rules on the shard's statistics against fences from those quantiles. Stateless.
 *
 * @serial exclude
 */
public final class DatasetShard {
    private DatasetShard() {
    }

    /**
     * What one shard's dataset rules raised, Cardinal's {@code Meta} it computed, and its problems.
     *
     * @param flags    the dataset flags of the shard's ids
     * @param meta     Cardinal's {@code Meta} (the same in every shard that has values)
     * @param problems rule limits hit
     * @serial exclude
     */
    public record Result(List<Flag> flags, Map<String, Map<String, Double>> meta, List<InputProblem> problems)
            implements Serializable {
    }

    /** The shard (0 to {@code shards} − 1) that owns {@code id}: the same in every JVM. */
    public static int shardOf(String id, int shards) {
        return Math.floorMod(id.hashCode(), shards);
    }

    /** The shards a reviewed process must be fed to: those of its ocid, buyer, procuring entity, tenderers and suppliers. */
    public static int[] shards(ContractingProcess p, int shards) {
        TreeSet<Integer> out = new TreeSet<>();
        add(out, p.ocid(), shards);
        add(out, p.buyerId(), shards);
        add(out, p.procuringEntityId(), shards);
        for (Bid b : p.bids()) {
            b.tendererIds().forEach(t -> add(out, t, shards));
        }
        for (Award a : p.awards()) {
            a.supplierIds().forEach(s -> add(out, s, shards));
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void add(TreeSet<Integer> out, String id, int shards) {
        if (id != null) {
            out.add(shardOf(id, shards));
        }
    }

    /**
     * Pass one: the samples of the shard's own ids (sample name → values) and the quantiles the fences want.
     *
     * @param processes the shard's processes in the single run's order
     */
    public static QuantileSamples samples(PartitionSettings settings, String mainCurrency, int shard, int shards,
                                          Iterator<ContractingProcess> processes) {
        QuantileSamples samples = new QuantileSamples();
        DatasetStatistics stats = feed(settings, mainCurrency, shard, shards, processes, samples);
        try {
            stats.facts(new TreeMap<>());
        } finally {
            stats.close();
        }
        return samples;
    }

    /**
     * Pass two: fires the dataset rules on the shard's statistics, with the fences of the whole data set.
     *
     * @param processes the shard's processes in the single run's order (as in pass one)
     * @param quantiles the quantiles of every sample over all shards
     */
    public static Result flags(PartitionSettings settings, String mainCurrency, int shard, int shards,
                               Iterator<ContractingProcess> processes, FixedQuantiles quantiles) {
        ProcurementEngine engine = settings.engine(mainCurrency);
        List<IndicatorSetting> enabled = engine.settings().indicators(engine.codes());
        DatasetStatistics stats = feed(settings, mainCurrency, shard, shards, processes, quantiles);
        List<Flag> flags = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        Map<String, Map<String, Double>> meta = new TreeMap<>();
        try {
            List<Object> datasetFacts = stats.facts(meta);
            // as a single run: each dataset rule joins one shared fact (a fence, the bar) with one statistic
            List<Object> fences = datasetFacts.stream().filter(f -> f instanceof OutlierFence || f instanceof TopTendererBar).toList();
            List<Object> statistics = datasetFacts.stream().filter(f -> !(f instanceof OutlierFence || f instanceof TopTendererBar)).toList();
            int batch = ProcurementRun.DATASET_BATCH;
            for (int from = 0; from < statistics.size(); from += batch) {
                List<Object> facts = new ArrayList<>(fences);
                facts.addAll(statistics.subList(from, Math.min(statistics.size(), from + batch)));
                fire(engine, enabled, facts, flags, problems);
            }
            if (fences.stream().anyMatch(f -> f instanceof OutlierFence o && o.getGroup() == Group.OCID)) {
                stats.forEachRatioBatch(batch, ratios -> {
                    List<Object> facts = new ArrayList<>(fences);
                    facts.addAll(ratios);
                    fire(engine, enabled, facts, flags, problems);
                });
            }
        } finally {
            stats.close();
        }
        Map<String, Map<String, Double>> copy = new TreeMap<>();
        meta.forEach((k, v) -> copy.put(k, new LinkedHashMap<>(v)));
        return new Result(flags, copy, problems);
    }

    private static void fire(ProcurementEngine engine, List<IndicatorSetting> enabled, List<Object> facts, List<Flag> flags,
                             List<InputProblem> problems) {
        try {
            flags.addAll(engine.rules().fire(enabled, facts));
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            problems.add(ProcurementRun.ruleProblem("<dataset>", 0, null, e, "these dataset flags are missing"));
        }
    }

    private static DatasetStatistics feed(PartitionSettings settings, String mainCurrency, int shard, int shards,
                                          Iterator<ContractingProcess> processes, QuantileSource quantiles) {
        ProcurementEngine engine = settings.engine(mainCurrency);
        Settings s = engine.settings();
        List<IndicatorSetting> enabled = s.indicators(engine.codes());
        List<String> extendedCodes = IndicatorCatalogue.builtIn().extendedCodes();
        boolean extended = enabled.stream().anyMatch(e -> extendedCodes.contains(e.getCode()));
        DatasetStatistics stats = DatasetStatistics.shard(enabled, id -> shardOf(id, shards) == shard, quantiles);
        try {
            while (processes.hasNext()) {
                ContractingProcess p = processes.next();
                stats.add(p, ProcessFacts.derive(p, s.currency(), s.comparesPrices(p.procurementMethodDetails()), extended));
            }
        } catch (RuntimeException | Error e) {
            stats.close();
            throw e;
        }
        return stats;
    }
}
