package org.adaldyq.risk.procurement;

import org.adaldyq.risk.procurement.score.ProcessScore;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The running totals behind one buyer's or supplier's {@link OrganisationSummary}: fed its reviewed
 * processes in input order (the sums are floating point: the order is part of the result), then turned
 * into the summary. A single run tallies as it reads; a distributed run gathers each organisation's
 * {@link Process processes} in one place, sorts them by position and tallies them the same way. Not
 * thread-safe.
 *
 * @serial exclude
 */
public final class OrganisationTally implements Serializable {
    private long processes;
    private long flagged;
    private long scored;
    private double criSum;
    private double weightedSum;
    private double prioritySum;
    private final Map<String, Long> flags = new TreeMap<>();
    private String name;

    /** An empty tally. */
    public OrganisationTally() {
    }

    /**
     * What one reviewed process adds to the tally of each of its organisations.
     *
     * @param position where it stands in a single run's order
     * @param flagged  whether it carries a process-level flag
     * @param cri      its CRI, null when it has none
     * @param weighted its weighted score
     * @param priority its priority score, null when it has none
     * @param codes    its process-level flag codes
     * @param name     the name its parties give the organisation, null when none
     * @serial exclude
     */
    public record Process(ProcessPosition position, boolean flagged, Double cri, Double weighted, Double priority,
                          List<String> codes, String name) implements Serializable {
        /** What {@code r} adds (a reviewed process), naming no one yet (see {@link #named}). */
        public static Process of(ProcessPosition position, ProcessResult r) {
            ProcessScore s = r.scores();
            return new Process(position, r.flagged(), s.cri(), s.weighted(), s.priority(), new ArrayList<>(r.flags().keySet()), null);
        }

        /** The same share, for an organisation the process names {@code name} (null: does not name). */
        public Process named(String name) {
            return new Process(position, flagged, cri, weighted, priority, codes, name);
        }
    }

    /** Adds a reviewed process (call in input order). */
    public void add(Process p) {
        processes++;
        if (p.flagged()) {
            flagged++;
        }
        if (p.cri() != null) {
            scored++;
            criSum += p.cri();
            weightedSum += p.weighted();
        }
        if (p.priority() != null) {
            prioritySum += p.priority();
        }
        p.codes().forEach(c -> flags.merge(c, 1L, Long::sum));
        if (name == null) {
            name = p.name();
        }
    }

    /** The organisation's name, as the first process added that names it gives it; null when none did. */
    public String name() {
        return name;
    }

    /** The summary of {@code id} in {@code role}, with the flags raised on the organisation itself. */
    public OrganisationSummary summary(String role, String id, Map<String, Double> organisationFlags) {
        return new OrganisationSummary(role, id, name, processes, flagged, scored == 0 ? null : criSum / scored,
                scored == 0 ? null : weightedSum / scored, prioritySum, flags, organisationFlags);
    }

    /**
     * The report's list for one role: every organisation with processes (ids sorted), then those flagged
     * on their own only (ids sorted).
     *
     * @param byId    id → tally, sorted by id
     * @param flagged id → organisation-level flags (Cardinal's Buyer or Tenderer group), sorted by id
     */
    public static List<OrganisationSummary> list(String role, Map<String, OrganisationTally> byId,
                                                 Map<String, Map<String, Double>> flagged) {
        List<OrganisationSummary> out = new ArrayList<>();
        byId.forEach((id, s) -> out.add(s.summary(role, id, flagged.getOrDefault(id, Map.of()))));
        flagged.forEach((id, f) -> {
            if (!byId.containsKey(id)) {
                out.add(new OrganisationTally().summary(role, id, f));
            }
        });
        return out;
    }
}
