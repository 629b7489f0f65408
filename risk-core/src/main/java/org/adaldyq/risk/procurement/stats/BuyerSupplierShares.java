package org.adaldyq.risk.procurement.stats;

import org.adaldyq.risk.procurement.fact.IndicatorSetting;
import org.adaldyq.risk.procurement.fact.OrganisationPattern;
import org.adaldyq.risk.procurement.fact.ProcessFacts;
import org.adaldyq.risk.procurement.model.Award;
import org.adaldyq.risk.procurement.model.ContractingProcess;
import org.adaldyq.risk.procurement.model.OcdsDates;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * R040: each supplier's share of a buyer's active awards in a year (by count, or by value with
 * {@code measure = value}), for buyer-years with at least {@code minimum_awards} awards.
 */
final class BuyerSupplierShares implements DatasetStatistic {
    private final IndicatorSetting setting;
    private final Scope scope;
    /** buyer|year → supplier → {awards, value}; buyer|year → totals. */
    private final Map<String, Map<String, double[]>> shares = new LinkedHashMap<>();
    private final Map<String, double[]> totals = new HashMap<>();

    BuyerSupplierShares(IndicatorSetting setting, Scope scope) {
        this.setting = setting;
        this.scope = scope;
    }

    @Override
    public void add(ContractingProcess p, ProcessFacts f) {
        if (p.buyerId() == null || !scope.owns(p.buyerId())) {
            return;
        }
        Instant released = OcdsDates.parse(p.date());
        for (Award a : p.awards()) {
            Instant d = a.date() != null ? a.date() : released;
            if (!a.active() || d == null || a.supplierIds().isEmpty()) {
                continue;
            }
            String key = p.buyerId() + "\u0000" + d.atOffset(ZoneOffset.UTC).getYear();
            double value = a.value().amount() == null ? 0 : a.value().amount();
            double[] total = totals.computeIfAbsent(key, k -> new double[2]);
            total[0]++;
            total[1] += value;
            for (String s : a.supplierIds()) {
                double[] c = shares.computeIfAbsent(key, k -> new LinkedHashMap<>()).computeIfAbsent(s, k -> new double[2]);
                c[0]++;
                c[1] += value;
            }
        }
    }

    @Override
    public void facts(Map<String, Map<String, Double>> meta, List<Object> out) {
        double minimum = setting.number("minimum_awards", 10);
        boolean byValue = "value".equals(setting.text("measure"));
        shares.forEach((key, suppliers) -> {
            double[] total = totals.get(key);
            if (total[0] < minimum || (byValue && total[1] <= 0)) {
                return;
            }
            String[] parts = key.split("\u0000");
            suppliers.forEach((s, c) -> out.add(new OrganisationPattern(setting.getCode(), parts[0], s, parts[1],
                    byValue ? c[1] / total[1] : c[0] / total[0], (long) total[0], Double.NaN, List.of())));
        });
    }
}
