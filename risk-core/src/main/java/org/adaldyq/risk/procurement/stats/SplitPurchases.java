package org.adaldyq.risk.procurement.stats;

import org.adaldyq.risk.procurement.fact.IndicatorSetting;
import org.adaldyq.risk.procurement.fact.OrganisationPattern;
import org.adaldyq.risk.procurement.fact.ProcessFacts;
import org.adaldyq.risk.procurement.model.ContractingProcess;
import org.adaldyq.risk.procurement.model.OcdsDates;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * R011: a buyer's processes below the competitive {@code threshold}, by item class (first {@code digits}
 * of the first classification) and currency, grouped into {@code window_days} windows whose sum reaches
 * the threshold.
 */
final class SplitPurchases implements DatasetStatistic {
    private final IndicatorSetting setting;
    private final Scope scope;
    /** buyer|prefix|currency → processes below the threshold. */
    private final Map<String, List<DatedProcess>> small = new LinkedHashMap<>();

    SplitPurchases(IndicatorSetting setting, Scope scope) {
        this.setting = setting;
        this.scope = scope;
    }

    @Override
    public void add(ContractingProcess p, ProcessFacts f) {
        if (p.buyerId() == null || !scope.owns(p.buyerId()) || !p.tenderValue().complete() || p.tenderClassificationIds().isEmpty()) {
            return;
        }
        double threshold = setting.number("threshold", 200_000);
        String currency = setting.text("currency");
        Instant d = p.tenderPeriodStart() != null ? p.tenderPeriodStart() : OcdsDates.parse(p.date());
        if (d != null && p.tenderValue().amount() < threshold
                && (currency == null || currency.equals(p.tenderValue().currency()))) {
            int n = (int) setting.number("digits", 4);
            String c = p.tenderClassificationIds().get(0);
            String prefix = c.length() <= n ? c : c.substring(0, n);
            small.computeIfAbsent(p.buyerId() + "\u0000" + prefix + "\u0000" + p.tenderValue().currency(),
                    k -> new ArrayList<>()).add(new DatedProcess(d, p.tenderValue().amount(), p.ocid()));
        }
    }

    @Override
    public void facts(Map<String, Map<String, Double>> meta, List<Object> out) {
        double threshold = setting.number("threshold", 200_000);
        long window = (long) setting.number("window_days", 30);
        small.forEach((key, processes) -> {
            processes.sort(Comparator.comparing(DatedProcess::date));
            int i = 0;
            while (i < processes.size()) {
                int j = i;
                double sum = 0;
                double max = 0;
                Instant end = processes.get(i).date().plus(Duration.ofDays(window));
                while (j < processes.size() && !processes.get(j).date().isAfter(end)) {
                    sum += processes.get(j).value();
                    max = Math.max(max, processes.get(j).value());
                    j++;
                }
                if (j - i >= 2 && sum >= threshold) {
                    String[] parts = key.split("\u0000");
                    out.add(new OrganisationPattern(setting.getCode(), parts[0], null, parts[1], sum, j - i, max,
                            processes.subList(i, j).stream().map(DatedProcess::ocid).distinct().toList()));
                    i = j;
                } else {
                    i++;
                }
            }
        });
    }
}
