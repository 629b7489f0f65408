package org.adaldyq.risk.procurement.fact;

import java.util.HashSet;
import java.util.Set;

/** Who bid what in one process: tenderers with {@code valid} bids and tenderers with {@code disqualified} bids. */
public final class BidParticipation {
    private final String ocid;
    private final Set<String> validTendererIds;
    private final Set<String> disqualifiedTendererIds;

    /** Participation in one process; both sets are copied. */
    public BidParticipation(String ocid, Set<String> validTendererIds, Set<String> disqualifiedTendererIds) {
        this.ocid = ocid;
        this.validTendererIds = Set.copyOf(validTendererIds);
        this.disqualifiedTendererIds = Set.copyOf(disqualifiedTendererIds);
    }

    /** The process's {@code ocid}. */
    public String getOcid() {
        return ocid;
    }

    /** {@code tenderers[].id} of the bids with status {@code valid}. */
    public Set<String> getValidTendererIds() {
        return validTendererIds;
    }

    /** {@code tenderers[].id} of the bids with status {@code disqualified}. */
    public Set<String> getDisqualifiedTendererIds() {
        return disqualifiedTendererIds;
    }

    /** Tenderers with disqualified bids that have no valid bid. */
    public int getOtherDisqualifiedCount() {
        Set<String> others = new HashSet<>(disqualifiedTendererIds);
        others.removeAll(validTendererIds);
        return others.size();
    }
}
