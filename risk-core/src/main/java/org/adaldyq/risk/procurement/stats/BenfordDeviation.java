package org.adaldyq.risk.procurement.stats;

import org.adaldyq.risk.procurement.fact.IndicatorSetting;
import org.adaldyq.risk.procurement.fact.OrganisationPattern;
import org.adaldyq.risk.procurement.fact.ProcessFacts;
import org.adaldyq.risk.procurement.model.Award;
import org.adaldyq.risk.procurement.model.Contract;
import org.adaldyq.risk.procurement.model.ContractingProcess;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * R029: per buyer, the mean absolute deviation of the first digits of its award and contract amounts from
 * Benford's law, for buyers with at least {@code minimum_amounts} amounts.
 */
final class BenfordDeviation implements DatasetStatistic {
    private static final double[] BENFORD = new double[10];

    static {
        for (int d = 1; d <= 9; d++) {
            BENFORD[d] = Math.log10(1 + 1.0 / d);
        }
    }

    private final IndicatorSetting setting;
    private final Scope scope;
    /** buyer → first-digit counts. */
    private final Map<String, long[]> digits = new LinkedHashMap<>();

    BenfordDeviation(IndicatorSetting setting, Scope scope) {
        this.setting = setting;
        this.scope = scope;
    }

    @Override
    public void add(ContractingProcess p, ProcessFacts f) {
        if (p.buyerId() == null || !scope.owns(p.buyerId())) {
            return;
        }
        long[] counts = digits.computeIfAbsent(p.buyerId(), k -> new long[10]);
        for (Award a : p.awards()) {
            count(counts, a.value().amount());
        }
        for (Contract c : p.contracts()) {
            count(counts, c.value().amount());
        }
    }

    private static void count(long[] counts, Double amount) {
        if (amount == null || !(amount >= 1) || Double.isInfinite(amount)) {
            return;
        }
        String s = java.math.BigDecimal.valueOf(amount).toPlainString();
        counts[s.charAt(0) - '0']++;
    }

    @Override
    public void facts(Map<String, Map<String, Double>> meta, List<Object> out) {
        double minimum = setting.number("minimum_amounts", 100);
        digits.forEach((buyer, counts) -> {
            long n = 0;
            for (int d = 1; d <= 9; d++) {
                n += counts[d];
            }
            if (n == 0 || n < minimum) {
                return;
            }
            double mad = 0;
            for (int d = 1; d <= 9; d++) {
                mad += Math.abs((double) counts[d] / n - BENFORD[d]);
            }
            out.add(new OrganisationPattern(setting.getCode(), buyer, null, null, mad / 9, n, Double.NaN, List.of()));
        });
    }
}
