package org.adaldyq.risk.procurement;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A buyer or a supplier over the whole run: how many reviewed processes it took part in, how many of them
 * were flagged, its mean scores, which process flags its processes carry, and the flags raised on the
 * organisation itself (R025, R038, R048, …).
 *
 * @param role              {@code buyer} or {@code supplier}
 * @param id                the organisation's id
 * @param name              its name, as the first of its processes (input order) that names it among its parties
 *                          gives it; null when none does (or the run compiled no parties)
 * @param processes         reviewed processes it bought in (buyer) or supplies an active award of (supplier)
 * @param flaggedProcesses  how many of them carry a process-level flag
 * @param meanCri           mean CRI over those with a score, null when none has one
 * @param meanWeighted      mean weighted score likewise
 * @param priority          sum of the processes' priority scores (weighted score × value)
 * @param processFlags      process-level flag code → number of its processes carrying it
 * @param flags             organisation-level flag code → value (Cardinal's Buyer or Tenderer group)
 */
public record OrganisationSummary(String role, String id, String name, long processes, long flaggedProcesses, Double meanCri,
                                  Double meanWeighted, double priority, Map<String, Long> processFlags,
                                  Map<String, Double> flags) {
    /** Copies the maps, sorted by code. */
    public OrganisationSummary {
        processFlags = Collections.unmodifiableMap(new TreeMap<>(processFlags));
        flags = Collections.unmodifiableMap(new TreeMap<>(flags));
    }
}
