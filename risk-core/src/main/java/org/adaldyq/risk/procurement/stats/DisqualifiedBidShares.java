package org.adaldyq.risk.procurement.stats;

import org.adaldyq.risk.procurement.fact.Group;
import org.adaldyq.risk.procurement.fact.GroupRatio;
import org.adaldyq.risk.procurement.fact.IndicatorSetting;
import org.adaldyq.risk.procurement.fact.ProcessFacts;
import org.adaldyq.risk.procurement.model.Bid;
import org.adaldyq.risk.procurement.model.ContractingProcess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cardinal's R038: disqualified ÷ submitted bids per buyer, per procuring entity and per tenderer, summed
 * over their processes, and the high fence of each group's ratios (organisations below the group's
 * minimum left out: {@code minimum_submitted_bids} for tenderers, {@code minimum_contracting_processes}
 * for buyers and procuring entities, compared with the summed bid count as Cardinal does).
 */
final class DisqualifiedBidShares implements DatasetStatistic {
    private final IndicatorSetting setting;
    /** Per group: id → {disqualified, submitted, last bid counted}, in first-seen order. */
    private final Map<String, long[]> buyers = new LinkedHashMap<>();
    private final Map<String, long[]> entities = new LinkedHashMap<>();
    private final Map<String, long[]> tenderers = new LinkedHashMap<>();
    private long bid;
    private final Scope scope;

    DisqualifiedBidShares(IndicatorSetting setting, Scope scope) {
        this.setting = setting;
        this.scope = scope;
    }

    @Override
    public void add(ContractingProcess p, ProcessFacts f) {
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
            bid++;
            for (String t : b.tendererIds()) {
                if (!scope.owns(t)) {
                    continue;
                }
                long[] c = tenderers.computeIfAbsent(t, k -> new long[3]);
                if (c[2] == bid) {
                    continue;
                }
                c[2] = bid;
                c[1]++;
                if (disqualified) {
                    c[0]++;
                }
            }
        }
        if (submitted == 0) {
            return;
        }
        if (p.buyerId() != null && scope.owns(p.buyerId())) {
            count(buyers, p.buyerId(), dq, submitted);
        }
        if (p.procuringEntityId() != null && scope.owns(p.procuringEntityId())) {
            count(entities, p.procuringEntityId(), dq, submitted);
        }
    }

    private static void count(Map<String, long[]> counts, String id, long dq, long submitted) {
        long[] c = counts.computeIfAbsent(id, k -> new long[3]);
        c[0] += dq;
        c[1] += submitted;
    }

    @Override
    public void facts(Map<String, Map<String, Double>> meta, List<Object> out) {
        group(Group.Buyer, buyers, setting.number("minimum_contracting_processes", 2), "buyer_", meta, out);
        group(Group.ProcuringEntity, entities, setting.number("minimum_contracting_processes", 2), "procuring_entity_", meta, out);
        group(Group.Tenderer, tenderers, setting.number("minimum_submitted_bids", 2), "tenderer_", meta, out);
    }

    private void group(Group g, Map<String, long[]> counts, double minimum, String metaPrefix,
                       Map<String, Map<String, Double>> meta, List<Object> out) {
        List<GroupRatio> eligible = new ArrayList<>();
        counts.forEach((id, c) -> {
            if (c[1] >= minimum) {
                eligible.add(new GroupRatio(setting.getCode(), g, id, c[0], c[1]));
            }
        });
        if (eligible.isEmpty()) {
            return;
        }
        Quartiles q = scope.quartiles(setting.getCode() + "/" + g, eligible.stream().mapToDouble(GroupRatio::getRatio).toArray());
        Fences.add(setting, g, q, false, meta, metaPrefix, out);
        out.addAll(eligible);
    }
}
