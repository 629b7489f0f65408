package org.adaldyq.risk.procurement;

import org.adaldyq.risk.procurement.ocds.InputProblem;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run read and what it did with it, so nothing is silently dropped: processes read, reviewed,
 * skipped (and why), input problems by kind, amounts skipped for being in another currency, and per
 * indicator how many reviewed processes it could not compute.
 *
 * @serial exclude
 */
public final class RunCounts implements java.io.Serializable {
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

    /** Adds the counts of another part of the same run (a partition of a distributed job); keeps this main currency. */
    void add(RunCounts other) {
        processes += other.processes;
        reviewed += other.reviewed;
        noOcid += other.noOcid;
        cancelled += other.cancelled;
        excluded += other.excluded;
        duplicates += other.duplicates;
        otherCurrencyAmounts += other.otherCurrencyAmounts;
        other.problems.forEach((k, v) -> problems.merge(k, v, Long::sum));
        other.notComputable.forEach((k, v) -> notComputable.merge(k, v, Long::sum));
    }

    /** Processes read, skipped or not; duplicates count each time. */
    public long processes() {
        return processes;
    }

    /** Processes the rules reviewed: with an ocid, not cancelled, not excluded. */
    public long reviewed() {
        return reviewed;
    }

    /** Processes skipped because their {@code ocid} is not a string. */
    public long noOcid() {
        return noOcid;
    }

    /** Processes skipped because {@code tender.status} is {@code cancelled}. */
    public long cancelled() {
        return cancelled;
    }

    /** Processes skipped because their {@code tender.procurementMethodDetails} is in {@code [exclusions]}. */
    public long excluded() {
        return excluded;
    }

    /** Processes whose {@code ocid} was seen before in the run; they are processed all the same. */
    public long duplicates() {
        return duplicates;
    }

    /** Complete bid amounts in a currency other than the main one; price indicators skip them. */
    public long otherCurrencyAmounts() {
        return otherCurrencyAmounts;
    }

    /** Input problems by kind; a copy, kinds that did not occur are absent. */
    public Map<InputProblem.Kind, Long> problems() {
        return Map.copyOf(problems);
    }

    /** Input problems of one kind; 0 when none. */
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
