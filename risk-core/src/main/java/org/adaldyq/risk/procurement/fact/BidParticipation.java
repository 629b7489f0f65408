package org.adaldyq.risk.procurement.fact;

import java.util.HashSet;
import java.util.Set;

/** Who bid what in one process: tenderers with {@code valid} bids and tenderers with {@code disqualified} bids. */
public final class BidParticipation {
    private final String ocid;
    private final Set<String> validTendererIds;
    private final Set<String> disqualifiedTendererIds;

    public BidParticipation(String ocid, Set<String> validTendererIds, Set<String> disqualifiedTendererIds) {
        this.ocid = ocid;
        this.validTendererIds = Set.copyOf(validTendererIds);
        this.disqualifiedTendererIds = Set.copyOf(disqualifiedTendererIds);
    }

    public String getOcid() {
        return ocid;
    }

    public Set<String> getValidTendererIds() {
        return validTendererIds;
    }

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
