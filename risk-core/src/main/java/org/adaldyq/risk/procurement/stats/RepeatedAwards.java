package org.adaldyq.risk.procurement.stats;

import org.adaldyq.risk.procurement.fact.IndicatorSetting;
import org.adaldyq.risk.procurement.fact.OrganisationPattern;
import org.adaldyq.risk.procurement.fact.ProcessFacts;
import org.adaldyq.risk.procurement.model.Award;
import org.adaldyq.risk.procurement.model.ContractingProcess;
import org.adaldyq.risk.procurement.model.OcdsDates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * R049: active awards from one buyer to one supplier by a procedure of the indicator's
 * {@code procurement_methods} (limited, direct), and the densest {@code window_days} window of them.
 */
final class RepeatedAwards implements DatasetStatistic {
    private final IndicatorSetting setting;
    private final Scope scope;
    /** buyer|supplier → awards. */
    private final Map<String, List<DatedProcess>> awards = new LinkedHashMap<>();

    RepeatedAwards(IndicatorSetting setting, Scope scope) {
        this.setting = setting;
        this.scope = scope;
    }

    @Override
    public void add(ContractingProcess p, ProcessFacts f) {
        if (p.buyerId() == null || !scope.owns(p.buyerId()) || p.procurementMethod() == null || !setting.appliesToMethod(p.procurementMethod())) {
            return;
        }
        Instant released = OcdsDates.parse(p.date());
        for (Award a : p.awards()) {
            Instant d = a.date() != null ? a.date() : released;
            if (a.active() && d != null) {
                for (String s : a.supplierIds()) {
                    awards.computeIfAbsent(p.buyerId() + "\u0000" + s, k -> new ArrayList<>()).add(new DatedProcess(d, 0, p.ocid()));
                }
            }
        }
    }

    @Override
    public void facts(Map<String, Map<String, Double>> meta, List<Object> out) {
        long window = (long) setting.number("window_days", 365);
        awards.forEach((key, dated) -> {
            List<DatedProcess> best = DatedProcess.densestWindow(dated, window);
            if (best.size() >= 2) {
                String[] parts = key.split("\u0000");
                out.add(new OrganisationPattern(setting.getCode(), parts[0], parts[1], null, best.size(), best.size(),
                        Double.NaN, best.stream().map(DatedProcess::ocid).distinct().toList()));
            }
        });
    }
}
