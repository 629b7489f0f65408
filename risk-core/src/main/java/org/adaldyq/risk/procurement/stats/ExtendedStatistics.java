package org.adaldyq.risk.procurement.stats;

import org.adaldyq.risk.procurement.fact.IndicatorSetting;
import org.adaldyq.risk.procurement.fact.OrganisationPattern;
import org.adaldyq.risk.procurement.model.Award;
import org.adaldyq.risk.procurement.model.Contract;
import org.adaldyq.risk.procurement.model.ContractingProcess;
import org.adaldyq.risk.procurement.model.OcdsDates;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pass over the data for the beyond-Cardinal dataset flags: R040 (supplier share of a buyer's awards
 * per year), R049 (repeated non-competitive awards), R011 (splitting below a threshold) and R029 (Benford
 * deviation per buyer). Produces {@link OrganisationPattern} facts; the rules decide what is a flag.
 * Not thread-safe.
 */
public final class ExtendedStatistics {
    private static final double[] BENFORD = new double[10];

    static {
        for (int d = 1; d <= 9; d++) {
            BENFORD[d] = Math.log10(1 + 1.0 / d);
        }
    }

    private record Dated(Instant date, double value, String ocid) {
    }

    private final Map<String, IndicatorSetting> settings = new HashMap<>();
    /** R040: buyer|year → supplier → {awards, value}; buyer|year → totals. */
    private final Map<String, Map<String, double[]>> shares = new LinkedHashMap<>();
    private final Map<String, double[]> shareTotals = new HashMap<>();
    /** R049: buyer|supplier → awards. */
    private final Map<String, List<Dated>> repeated = new LinkedHashMap<>();
    /** R011: buyer|prefix|currency → processes below the threshold. */
    private final Map<String, List<Dated>> small = new LinkedHashMap<>();
    /** R029: buyer → first-digit counts. */
    private final Map<String, long[]> digits = new LinkedHashMap<>();

    public ExtendedStatistics(List<IndicatorSetting> enabled) {
        for (IndicatorSetting s : enabled) {
            settings.put(s.getCode(), s);
        }
    }

    public void add(ContractingProcess p) {
        if (p.buyerId() == null) {
            return;
        }
        Instant released = OcdsDates.parse(p.date());
        if (settings.containsKey("R040")) {
            for (Award a : p.awards()) {
                Instant d = a.date() != null ? a.date() : released;
                if (!a.active() || d == null || a.supplierIds().isEmpty()) {
                    continue;
                }
                String key = p.buyerId() + "\u0000" + d.atOffset(ZoneOffset.UTC).getYear();
                double value = a.value().amount() == null ? 0 : a.value().amount();
                double[] total = shareTotals.computeIfAbsent(key, k -> new double[2]);
                total[0]++;
                total[1] += value;
                for (String s : a.supplierIds()) {
                    double[] c = shares.computeIfAbsent(key, k -> new LinkedHashMap<>()).computeIfAbsent(s, k -> new double[2]);
                    c[0]++;
                    c[1] += value;
                }
            }
        }
        IndicatorSetting r049 = settings.get("R049");
        if (r049 != null && r049.appliesToMethod(p.procurementMethod()) && p.procurementMethod() != null) {
            for (Award a : p.awards()) {
                Instant d = a.date() != null ? a.date() : released;
                if (a.active() && d != null) {
                    for (String s : a.supplierIds()) {
                        repeated.computeIfAbsent(p.buyerId() + "\u0000" + s, k -> new ArrayList<>()).add(new Dated(d, 0, p.ocid()));
                    }
                }
            }
        }
        IndicatorSetting r011 = settings.get("R011");
        if (r011 != null && p.tenderValue().complete() && !p.tenderClassificationIds().isEmpty()) {
            double threshold = r011.number("threshold", 200_000);
            String currency = r011.text("currency");
            Instant d = p.tenderPeriodStart() != null ? p.tenderPeriodStart() : released;
            if (d != null && p.tenderValue().amount() < threshold
                    && (currency == null || currency.equals(p.tenderValue().currency()))) {
                int n = (int) r011.number("digits", 4);
                String c = p.tenderClassificationIds().get(0);
                String prefix = c.length() <= n ? c : c.substring(0, n);
                small.computeIfAbsent(p.buyerId() + "\u0000" + prefix + "\u0000" + p.tenderValue().currency(),
                        k -> new ArrayList<>()).add(new Dated(d, p.tenderValue().amount(), p.ocid()));
            }
        }
        if (settings.containsKey("R029")) {
            long[] counts = digits.computeIfAbsent(p.buyerId(), k -> new long[10]);
            for (Award a : p.awards()) {
                countDigit(counts, a.value().amount());
            }
            for (Contract c : p.contracts()) {
                countDigit(counts, c.value().amount());
            }
        }
    }

    private static void countDigit(long[] counts, Double amount) {
        if (amount == null || !(amount >= 1) || Double.isInfinite(amount)) {
            return;
        }
        String s = java.math.BigDecimal.valueOf(amount).toPlainString();
        counts[s.charAt(0) - '0']++;
    }

    /** The pattern facts, for the dataset rules. */
    public List<Object> facts() {
        List<Object> out = new ArrayList<>();
        IndicatorSetting r040 = settings.get("R040");
        if (r040 != null) {
            double minimum = r040.number("minimum_awards", 10);
            boolean byValue = "value".equals(r040.text("measure"));
            shares.forEach((key, suppliers) -> {
                double[] total = shareTotals.get(key);
                if (total[0] < minimum || (byValue && total[1] <= 0)) {
                    return;
                }
                String[] parts = key.split("\u0000");
                suppliers.forEach((s, c) -> out.add(new OrganisationPattern("R040", parts[0], s, parts[1],
                        byValue ? c[1] / total[1] : c[0] / total[0], (long) total[0], Double.NaN, List.of())));
            });
        }
        IndicatorSetting r049 = settings.get("R049");
        if (r049 != null) {
            long window = (long) r049.number("window_days", 365);
            repeated.forEach((key, awards) -> {
                List<Dated> best = densestWindow(awards, window);
                if (best.size() >= 2) {
                    String[] parts = key.split("\u0000");
                    out.add(new OrganisationPattern("R049", parts[0], parts[1], null, best.size(), best.size(),
                            Double.NaN, best.stream().map(Dated::ocid).distinct().toList()));
                }
            });
        }
        IndicatorSetting r011 = settings.get("R011");
        if (r011 != null) {
            double threshold = r011.number("threshold", 200_000);
            long window = (long) r011.number("window_days", 30);
            small.forEach((key, processes) -> {
                processes.sort(Comparator.comparing(Dated::date));
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
                        out.add(new OrganisationPattern("R011", parts[0], null, parts[1], sum, j - i, max,
                                processes.subList(i, j).stream().map(Dated::ocid).distinct().toList()));
                        i = j;
                    } else {
                        i++;
                    }
                }
            });
        }
        IndicatorSetting r029 = settings.get("R029");
        if (r029 != null) {
            double minimum = r029.number("minimum_amounts", 100);
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
                out.add(new OrganisationPattern("R029", buyer, null, null, mad / 9, n, Double.NaN, List.of()));
            });
        }
        return out;
    }

    /** The largest set of dated entries within {@code days} of each other (first such window). */
    private static List<Dated> densestWindow(List<Dated> entries, long days) {
        entries.sort(Comparator.comparing(Dated::date));
        int bestStart = 0;
        int bestEnd = 0;
        int j = 0;
        for (int i = 0; i < entries.size(); i++) {
            Instant end = entries.get(i).date().plus(Duration.ofDays(days));
            if (j < i) {
                j = i;
            }
            while (j < entries.size() && !entries.get(j).date().isAfter(end)) {
                j++;
            }
            if (j - i > bestEnd - bestStart) {
                bestStart = i;
                bestEnd = j;
            }
        }
        return entries.subList(bestStart, bestEnd);
    }
}
