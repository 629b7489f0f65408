package org.adaldyq.risk.procurement.fact;

import java.util.Set;

/**
 * A process that passed the final-awards gate: it has {@code awards[]} and {@code bids.details[]}, and every
 * award with a status is {@code active} (complete), {@code cancelled} or {@code unsuccessful}.
 *
 * @see org.adaldyq.risk.procurement.fact.ProcessFacts#finalAwards
 */
public final class FinalAwards {
    private final String ocid;
    private final int completeAwards;
    private final Set<String> supplierIds;
    private final String soleWinner;

    /** The gate's result; {@code soleWinner} is null unless one complete award has one supplier. */
    public FinalAwards(String ocid, int completeAwards, Set<String> supplierIds, String soleWinner) {
        this.ocid = ocid;
        this.completeAwards = completeAwards;
        this.supplierIds = Set.copyOf(supplierIds);
        this.soleWinner = soleWinner;
    }

    /** The supplier when there is exactly one complete award and it has exactly one supplier, else null. */
    public String getSoleWinner() {
        return soleWinner;
    }

    /** The process's {@code ocid}. */
    public String getOcid() {
        return ocid;
    }

    /** Number of {@code active} awards. */
    public int getCompleteAwards() {
        return completeAwards;
    }

    /** Supplier ids of the complete awards. */
    public Set<String> getSupplierIds() {
        return supplierIds;
    }
}
