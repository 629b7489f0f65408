package org.adaldyq.risk.procurement.stats;

import org.adaldyq.risk.procurement.fact.FinalAwards;
import org.adaldyq.risk.procurement.fact.Group;
import org.adaldyq.risk.procurement.fact.IndicatorSetting;
import org.adaldyq.risk.procurement.fact.ProcessFacts;
import org.adaldyq.risk.procurement.fact.TendererWinRatio;
import org.adaldyq.risk.procurement.fact.TopTendererBar;
import org.adaldyq.risk.procurement.model.Bid;
import org.adaldyq.risk.procurement.model.ContractingProcess;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cardinal's R025: per tenderer, wins ÷ processes where it has a valid bid (processes with a sole winner);
 * the top-tenderer bar (the {@code percentile} of those process counts) and the low fence of the ratios.
 */
final class TendererWinRates implements DatasetStatistic {
    private final IndicatorSetting setting;
    /** Tenderer → {processes with a valid bid, wins, last process counted}, in first-seen order. */
    private final Map<String, long[]> tenderers = new LinkedHashMap<>();
    private long process;
    private final Scope scope;

    TendererWinRates(IndicatorSetting setting, Scope scope) {
        this.setting = setting;
        this.scope = scope;
    }

    @Override
    public void add(ContractingProcess p, ProcessFacts f) {
        FinalAwards gate = f.finalAwards();
        if (gate == null || gate.getSoleWinner() == null) {
            return;
        }
        process++;
        String winner = gate.getSoleWinner();
        for (Bid b : p.bids()) {
            if (!b.valid()) {
                continue;
            }
            for (String t : b.tendererIds()) {
                if (!scope.owns(t)) {
                    continue;
                }
                long[] c = tenderers.computeIfAbsent(t, k -> new long[3]);
                if (c[2] == process) {
                    continue;
                }
                c[2] = process;
                c[0]++;
                if (t.equals(winner)) {
                    c[1]++;
                }
            }
        }
    }

    @Override
    public void facts(Map<String, Map<String, Double>> meta, List<Object> out) {
        if (tenderers.isEmpty()) {
            return;
        }
        double[] counts = tenderers.values().stream().mapToDouble(c -> c[0]).toArray();
        double bar = scope.quantiles().quantile(setting.getCode() + "/processes", counts, setting.number("percentile", 75) / 100.0);
        out.add(new TopTendererBar(bar));
        List<TendererWinRatio> all = new ArrayList<>();
        tenderers.forEach((id, c) -> all.add(new TendererWinRatio(id, c[0], c[1])));
        Quartiles q = scope.quartiles(setting.getCode() + "/ratio", all.stream().mapToDouble(TendererWinRatio::getRatio).toArray());
        Fences.add(setting, Group.Tenderer, q, true, meta, "", out);
        out.addAll(all);
    }
}
