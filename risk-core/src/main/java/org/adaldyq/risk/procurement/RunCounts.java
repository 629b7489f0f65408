package org.adaldyq.risk.procurement;

import org.adaldyq.risk.procurement.ocds.InputProblem;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run read and what it did with it, so nothing is silently dropped: processes read, reviewed,
 * skipped (and why), input problems by kind, amounts skipped for being in another currency, and per
 * indicator how many reviewed processes it could not compute.
 */
public final class RunCounts {
    long processes;
    long reviewed;
    long noOcid;
    long cancelled;
    long excluded;
    long duplicates;
    long otherCurrencyAmounts;
    final Map<InputProblem.Kind, Long> problems = new EnumMap<>(InputProblem.Kind.class);
    final Map<String, Long> notComputable = new TreeMap<>();
    String mainCurrency;

    void count(InputProblem.Kind kind) {
        problems.merge(kind, 1L, Long::sum);
    }

    public long processes() {
        return processes;
    }

    public long reviewed() {
        return reviewed;
    }

    public long noOcid() {
        return noOcid;
    }

    public long cancelled() {
        return cancelled;
    }

    public long excluded() {
        return excluded;
    }

    public long duplicates() {
        return duplicates;
    }

    public long otherCurrencyAmounts() {
        return otherCurrencyAmounts;
    }

    public Map<InputProblem.Kind, Long> problems() {
        return Map.copyOf(problems);
    }

    public long problem(InputProblem.Kind kind) {
        return problems.getOrDefault(kind, 0L);
    }

    /** Reviewed processes for which the indicator lacked the data it needs, by code. */
    public Map<String, Long> notComputable() {
        return new TreeMap<>(notComputable);
    }

    /** The main currency of the run (set, or first seen), null if none was seen. */
    public String mainCurrency() {
        return mainCurrency;
    }

    @Override
    public String toString() {
        return "processes=" + processes + " reviewed=" + reviewed + " noOcid=" + noOcid + " cancelled=" + cancelled
                + " excluded=" + excluded + " duplicateOcids=" + duplicates + " otherCurrencyAmounts="
                + otherCurrencyAmounts + " mainCurrency=" + mainCurrency + " problems=" + problems
                + " notComputable=" + notComputable;
    }
}
