package org.adaldyq.risk.procurement.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** A process's date and amount, for the window-based statistics. */
record DatedProcess(Instant date, double value, String ocid) {

    /** The largest set of entries within {@code days} of each other (the first such window); sorts {@code entries}. */
    static List<DatedProcess> densestWindow(List<DatedProcess> entries, long days) {
        entries.sort(Comparator.comparing(DatedProcess::date));
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
