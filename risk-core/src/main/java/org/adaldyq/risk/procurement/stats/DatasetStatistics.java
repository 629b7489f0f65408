package org.adaldyq.risk.procurement.stats;

import org.adaldyq.risk.procurement.catalogue.IndicatorCatalogue;
import org.adaldyq.risk.procurement.fact.IndicatorSetting;
import org.adaldyq.risk.procurement.fact.OutlierFence;
import org.adaldyq.risk.procurement.fact.ProcessFacts;
import org.adaldyq.risk.procurement.fact.SecondLowestBidRatio;
import org.adaldyq.risk.procurement.fact.TopTendererBar;
import org.adaldyq.risk.procurement.model.ContractingProcess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one pass over the data that the dataset-relative flags need. Each enabled indicator whose catalogue
 * entry names a {@code statistic} gets that statistic (one class per indicator: R024/R058's
 * {@link SecondLowestBidRatios}, R025's {@link TendererWinRates}, R038's {@link DisqualifiedBidShares},
 * R048's {@link SupplierVariety}, R040's {@link BuyerSupplierShares}, R049's {@link RepeatedAwards},
 * R011's {@link SplitPurchases}, R029's {@link BenfordDeviation}); this class feeds them every reviewed
 * process and collects their facts (statistics, fences, top-tenderer bar) for the dataset rules, and
 * Cardinal's {@code Meta}. Not thread-safe: fed by one thread, in input order.
 */
public final class DatasetStatistics {
    /** The statistics a catalogue entry may name. */
    public static final Set<String> STATISTICS = Set.of("secondLowestBidRatio", "tendererWinRate",
            "disqualifiedBidShare", "supplierVariety", "buyerSupplierShare", "repeatedAwards", "splitPurchases",
            "benfordDeviation");

    private final List<DatasetStatistic> statistics = new ArrayList<>();
    private final Set<String> codes;
    private SecondLowestBidRatios ratios;
    private final Scope scope;

    /** Statistics for the {@code enabled} indicators whose catalogue entry names one; the others are ignored. */
    public DatasetStatistics(List<IndicatorSetting> enabled) {
        this(enabled, Scope.ALL);
    }

    /**
     * The statistics of one shard of a distributed run: fed the processes (in input order) that involve
     * an id it {@code owns} (an ocid, buyer, procuring entity, tenderer or supplier id), it counts only
     * those ids, and its fences use the quantiles of the whole data set from {@code quantiles} (a
     * {@link QuantileSamples} to gather this shard's samples first, then a {@link FixedQuantiles}).
     * Every id must be owned by exactly one shard, and each shard fed every process that involves one of
     * its ids: then the shards' facts together are the single run's.
     */
    public static DatasetStatistics shard(List<IndicatorSetting> enabled, java.util.function.Predicate<String> owns,
                                          QuantileSource quantiles) {
        return new DatasetStatistics(enabled, new Scope(owns, quantiles));
    }

    private DatasetStatistics(List<IndicatorSetting> enabled, Scope scope) {
        this.scope = scope;
        IndicatorCatalogue catalogue = IndicatorCatalogue.builtIn();
        Map<String, List<IndicatorSetting>> byStatistic = new LinkedHashMap<>();
        for (IndicatorSetting s : enabled) {
            IndicatorCatalogue.Indicator entry = catalogue.find(s.getCode());
            if (entry != null && entry.statistic() != null) {
                byStatistic.computeIfAbsent(entry.statistic(), k -> new ArrayList<>()).add(s);
            }
        }
        byStatistic.forEach((name, settings) -> statistics.add(create(name, settings, catalogue)));
        this.codes = Set.copyOf(enabled.stream().map(IndicatorSetting::getCode).toList());
    }

    private DatasetStatistic create(String name, List<IndicatorSetting> settings, IndicatorCatalogue catalogue) {
        IndicatorSetting one = settings.get(0);
        return switch (name) {
            case "secondLowestBidRatio" -> ratios = new SecondLowestBidRatios(settings,
                    settings.stream().map(s -> "low".equals(catalogue.find(s.getCode()).fence())).toList(), scope);
            case "tendererWinRate" -> new TendererWinRates(one, scope);
            case "disqualifiedBidShare" -> new DisqualifiedBidShares(one, scope);
            case "supplierVariety" -> new SupplierVariety(one, scope);
            case "buyerSupplierShare" -> new BuyerSupplierShares(one, scope);
            case "repeatedAwards" -> new RepeatedAwards(one, scope);
            case "splitPurchases" -> new SplitPurchases(one, scope);
            case "benfordDeviation" -> new BenfordDeviation(one, scope);
            default -> throw new IllegalArgumentException("unknown statistic '" + name + "' of " + one.getCode()
                    + " in the indicator catalogue; known: " + STATISTICS);
        };
    }

    /** Adds one process under review. */
    public void add(ContractingProcess p, ProcessFacts f) {
        for (DatasetStatistic s : statistics) {
            s.add(p, f);
        }
    }

    /** The dataset facts for the rules (fences and per-organisation statistics), with Cardinal's {@code Meta} written into {@code meta}. */
    public List<Object> facts(Map<String, Map<String, Double>> meta) {
        return facts(meta, null);
    }

    /**
     * As {@link #facts(Map)}, but with the fences, the top-tenderer bar and {@code Meta} of a saved
     * {@code baseline} in place of those of this data set, when one is given.
     */
    public List<Object> facts(Map<String, Map<String, Double>> meta, Baseline baseline) {
        List<Object> out = new ArrayList<>();
        for (DatasetStatistic s : statistics) {
            s.facts(meta, out);
        }
        if (baseline != null) {
            out.removeIf(f -> f instanceof OutlierFence || f instanceof TopTendererBar);
            out.addAll(0, baseline.facts(codes));
            meta.clear();
            baseline.meta().forEach((code, m) -> {
                if (codes.contains(code)) {
                    meta.put(code, new LinkedHashMap<>(m));
                }
            });
        }
        return out;
    }

    /**
     * The second-lowest-bid ratios, {@code batchSize} at a time (they are not among {@link #facts}: there is
     * one per process, so they are streamed from disk and matched against the fences batch by batch).
     */
    public void forEachRatioBatch(int batchSize, Consumer<List<SecondLowestBidRatio>> consumer) {
        if (ratios != null) {
            ratios.forEachBatch(batchSize, consumer);
        }
    }

    /** Number of second-lowest-bid ratios collected (processes where R024/R058 were computable). */
    public int ratioCount() {
        return ratios == null ? 0 : ratios.size();
    }

    /** Deletes the temporary files. */
    public void close() {
        statistics.forEach(DatasetStatistic::close);
    }
}
