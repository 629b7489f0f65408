package org.adaldyq.risk.procurement.stats;

import org.adaldyq.risk.procurement.fact.FinalAwards;
import org.adaldyq.risk.procurement.fact.Group;
import org.adaldyq.risk.procurement.fact.GroupRatio;
import org.adaldyq.risk.procurement.fact.IndicatorSetting;
import org.adaldyq.risk.procurement.fact.OutlierFence;
import org.adaldyq.risk.procurement.fact.ProcessFacts;
import org.adaldyq.risk.procurement.fact.SecondLowestBidRatio;
import org.adaldyq.risk.procurement.fact.SupplierVariety;
import org.adaldyq.risk.procurement.fact.TendererWinRatio;
import org.adaldyq.risk.procurement.fact.TopTendererBar;
import org.adaldyq.risk.procurement.model.Award;
import org.adaldyq.risk.procurement.model.Bid;
import org.adaldyq.risk.procurement.model.ContractingProcess;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one pass over the data that the dataset-relative Cardinal flags need (R024, R025, R038, R048, R058):
 * it accumulates second-lowest-bid ratios and per-organisation counters, then turns them into facts
 * (ratios, fences, top-tenderer bar) for the dataset rules, and into Cardinal's {@code Meta}.
 * Not thread-safe: fed by one thread, in input order.
 */
public final class DatasetStatistics {
    private final Map<String, IndicatorSetting> settings = new HashMap<>();

    private final RatioStore ratios = new RatioStore();
    /**
     * Per tenderer/supplier: one counter object for every statistic (one hash lookup per id and process,
     * not one per statistic); each statistic keeps its own first-seen order below, so facts come out in the
     * same order as with one map per statistic.
     */
    private final Map<String, Organisation> organisations = new HashMap<>();
    /** R025: tenderers with a valid bid in a process with a sole winner, in first-seen order. */
    private final List<Organisation> winOrder = new ArrayList<>();
    /** R038: per buyer / procuring entity, id → {disqualified, submitted}; tenderers in {@link #disqualifiedOrder}. */
    private final Map<String, long[]> buyerDisqualified = new LinkedHashMap<>();
    private final Map<String, long[]> entityDisqualified = new LinkedHashMap<>();
    private final List<Organisation> disqualifiedOrder = new ArrayList<>();
    /** R048: sole suppliers of active awards, in first-seen order. */
    private final List<Organisation> supplierOrder = new ArrayList<>();
    /** Serial numbers of processes and bids, to count an organisation once per process (or bid) without a set. */
    private long serial;
    private final int digits;

    /** The counters of one organisation (as tenderer or supplier). */
    private static final class Organisation {
        final String id;
        /** R025: processes with a valid bid, and wins. */
        long validProcesses;
        long wins;
        /** R038: disqualified and submitted bids. */
        long disqualified;
        long submitted;
        /** R048: processes with a sole-supplier active award, and classification prefixes. */
        long suppliedProcesses;
        Set<String> prefixes;
        /** The last process (or bid) serial counted, per statistic. */
        long winSeen;
        long bidSeen;
        long supplySeen;

        Organisation(String id) {
            this.id = id;
        }
    }

    private Organisation organisation(String id) {
        Organisation o = organisations.get(id);
        if (o == null) {
            o = new Organisation(id);
            organisations.put(id, o);
        }
        return o;
    }

    public DatasetStatistics(List<IndicatorSetting> enabled) {
        for (IndicatorSetting s : enabled) {
            settings.put(s.getCode(), s);
        }
        digits = settings.containsKey("R048") ? (int) settings.get("R048").number("digits", 2) : 2;
    }

    /** Adds one process under review. */
    public void add(ContractingProcess p, ProcessFacts f) {
        if (f.ratio() != null && (settings.containsKey("R024") || settings.containsKey("R058"))) {
            ratios.add(f.ratio());
        }
        if (settings.containsKey("R025")) {
            addWinCounts(p, f.finalAwards());
        }
        if (settings.containsKey("R038")) {
            addDisqualifications(p);
        }
        if (settings.containsKey("R048")) {
            addClassifications(p);
        }
    }

    private void addWinCounts(ContractingProcess p, FinalAwards gate) {
        if (gate == null || gate.getSoleWinner() == null) {
            return;
        }
        long process = ++serial;
        String winner = gate.getSoleWinner();
        for (Bid b : p.bids()) {
            if (!b.valid()) {
                continue;
            }
            for (String t : b.tendererIds()) {
                Organisation o = organisation(t);
                if (o.winSeen == process) {
                    continue;
                }
                o.winSeen = process;
                if (o.validProcesses++ == 0) {
                    winOrder.add(o);
                }
                if (t.equals(winner)) {
                    o.wins++;
                }
            }
        }
    }

    private void addDisqualifications(ContractingProcess p) {
        long submitted = 0;
        long dq = 0;
        for (Bid b : p.bids()) {
            if (!b.submitted()) {
                continue;
            }
            submitted++;
            boolean disqualified = b.disqualified();
            if (disqualified) {
                dq++;
            }
            long bid = ++serial;
            for (String t : b.tendererIds()) {
                Organisation o = organisation(t);
                if (o.bidSeen == bid) {
                    continue;
                }
                o.bidSeen = bid;
                if (o.submitted++ == 0) {
                    disqualifiedOrder.add(o);
                }
                if (disqualified) {
                    o.disqualified++;
                }
            }
        }
        if (submitted == 0) {
            return;
        }
        if (p.buyerId() != null) {
            count(buyerDisqualified, p.buyerId(), dq, submitted);
        }
        if (p.procuringEntityId() != null) {
            count(entityDisqualified, p.procuringEntityId(), dq, submitted);
        }
    }

    private static void count(Map<String, long[]> counts, String id, long dq, long submitted) {
        long[] c = counts.get(id);
        if (c == null) {
            c = new long[2];
            counts.put(id, c);
        }
        c[0] += dq;
        c[1] += submitted;
    }

    private void addClassifications(ContractingProcess p) {
        long process = ++serial;
        for (Award a : p.awards()) {
            if (!a.active() || a.supplierCount() != 1 || a.supplierIds().size() != 1) {
                continue;
            }
            Organisation o = organisation(a.supplierIds().get(0));
            if (o.supplySeen != process) {
                o.supplySeen = process;
                if (o.suppliedProcesses++ == 0) {
                    supplierOrder.add(o);
                }
            }
            if (o.prefixes == null) {
                o.prefixes = new HashSet<>();
            }
            for (String c : a.itemClassificationIds()) {
                o.prefixes.add(c.codePointCount(0, c.length()) <= digits ? c : c.substring(0, c.offsetByCodePoints(0, digits)));
            }
        }
    }

    /**
     * The second-lowest-bid ratios, {@code batchSize} at a time (they are not among {@link #facts}: there is
     * one per process, so they are streamed from disk and matched against the fences batch by batch).
     */
    public void forEachRatioBatch(int batchSize, java.util.function.Consumer<List<SecondLowestBidRatio>> consumer) {
        ratios.forEachBatch(batchSize, consumer);
    }

    /** Deletes the temporary ratio file. */
    public void close() {
        ratios.close();
    }

    /** The dataset facts for the rules (fences and per-organisation ratios), with Cardinal's {@code Meta} written into {@code meta}. */
    public List<Object> facts(Map<String, Map<String, Double>> meta) {
        return facts(meta, null);
    }

    /**
     * As {@link #facts(Map)}, but with the fences, the top-tenderer bar and {@code Meta} of a saved
     * {@code baseline} in place of those of this data set, when one is given.
     */
    public List<Object> facts(Map<String, Map<String, Double>> meta, Baseline baseline) {
        List<Object> out = computedFacts(meta);
        if (baseline != null) {
            out.removeIf(f -> f instanceof OutlierFence || f instanceof TopTendererBar);
            out.addAll(0, baseline.facts(settings.keySet()));
            meta.clear();
            baseline.meta().forEach((code, m) -> {
                if (settings.containsKey(code)) {
                    meta.put(code, new LinkedHashMap<>(m));
                }
            });
        }
        return out;
    }

    private List<Object> computedFacts(Map<String, Map<String, Double>> meta) {
        List<Object> out = new ArrayList<>();
        if (ratios.size() > 0) {
            Quartiles q = Quartiles.of(ratios.values());
            fence("R024", Group.OCID, q, true, meta, "", out);
            fence("R058", Group.OCID, q, false, meta, "", out);
        }
        if (settings.containsKey("R025") && !winOrder.isEmpty()) {
            double[] counts = winOrder.stream().mapToDouble(c -> c.validProcesses).toArray();
            double percentile = settings.get("R025").number("percentile", 75);
            double bar = Type8Quantile.of(counts, percentile / 100.0);
            out.add(new TopTendererBar(bar));
            List<TendererWinRatio> all = new ArrayList<>();
            for (Organisation o : winOrder) {
                all.add(new TendererWinRatio(o.id, o.validProcesses, o.wins));
            }
            Quartiles q = Quartiles.of(all.stream().mapToDouble(TendererWinRatio::getRatio).toArray());
            fence("R025", Group.Tenderer, q, true, meta, "", out);
            out.addAll(all);
        }
        if (settings.containsKey("R038")) {
            IndicatorSetting s = settings.get("R038");
            Map<String, long[]> tenderers = new LinkedHashMap<>();
            for (Organisation o : disqualifiedOrder) {
                tenderers.put(o.id, new long[] {o.disqualified, o.submitted});
            }
            Map<Group, Map<String, long[]>> disqualified = new LinkedHashMap<>();
            disqualified.put(Group.Buyer, buyerDisqualified);
            disqualified.put(Group.ProcuringEntity, entityDisqualified);
            disqualified.put(Group.Tenderer, tenderers);
            for (Map.Entry<Group, Map<String, long[]>> e : disqualified.entrySet()) {
                Group g = e.getKey();
                double minimum = g == Group.Tenderer ? s.number("minimum_submitted_bids", 2)
                        : s.number("minimum_contracting_processes", 2);
                List<GroupRatio> eligible = new ArrayList<>();
                e.getValue().forEach((id, c) -> {
                    if (c[1] >= minimum) {
                        eligible.add(new GroupRatio("R038", g, id, c[0], c[1]));
                    }
                });
                if (eligible.isEmpty()) {
                    continue;
                }
                Quartiles q = Quartiles.of(eligible.stream().mapToDouble(GroupRatio::getRatio).toArray());
                fence("R038", g, q, false, meta, prefix(g), out);
                out.addAll(eligible);
            }
        }
        if (settings.containsKey("R048")) {
            double minimum = settings.get("R048").number("minimum_contracting_processes", 20);
            List<SupplierVariety> eligible = new ArrayList<>();
            for (Organisation o : supplierOrder) {
                if (o.suppliedProcesses >= minimum) {
                    eligible.add(new SupplierVariety(o.id, o.suppliedProcesses, o.prefixes == null ? 0 : o.prefixes.size()));
                }
            }
            if (!eligible.isEmpty()) {
                Quartiles q = Quartiles.of(eligible.stream().mapToDouble(SupplierVariety::getVariety).toArray());
                fence("R048", Group.Tenderer, q, false, meta, "", out);
                out.addAll(eligible);
            }
        }
        return out;
    }

    private static String prefix(Group g) {
        return switch (g) {
            case Buyer -> "buyer_";
            case ProcuringEntity -> "procuring_entity_";
            case Tenderer -> "tenderer_";
            case OCID -> "";
        };
    }

    /**
     * Adds the fence of an enabled indicator: its {@code threshold} setting, else the Tukey fence of
     * {@code q}. A fence that is not positive (or a computed low fence with Q1 not positive) is not added.
     */
    private void fence(String code, Group group, Quartiles q, boolean low, Map<String, Map<String, Double>> meta,
                       String metaPrefix, List<Object> out) {
        IndicatorSetting s = settings.get(code);
        if (s == null) {
            return;
        }
        if (s.has("threshold")) {
            double t = s.getThreshold();
            if (t > 0) {
                out.add(new OutlierFence(code, group, t, true));
            }
            return;
        }
        if (q == null) {
            return;
        }
        double fence = low ? q.lowerFence() : q.upperFence();
        Map<String, Double> m = meta.computeIfAbsent(code, k -> new LinkedHashMap<>());
        m.put(metaPrefix + "q1", q.q1());
        m.put(metaPrefix + "q3", q.q3());
        m.put(metaPrefix + (low ? "lower_fence" : "upper_fence"), fence);
        if (fence > 0 && (!low || q.q1() > 0)) {
            out.add(new OutlierFence(code, group, fence, false));
        }
    }

    /** Number of second-lowest-bid ratios collected (processes where R024/R058 were computable). */
    public int ratioCount() {
        return ratios.size();
    }
}
