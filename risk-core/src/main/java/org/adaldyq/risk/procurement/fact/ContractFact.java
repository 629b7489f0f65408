package org.adaldyq.risk.procurement.fact;

import java.time.Instant;

/** A contract of a process under review (beyond-Cardinal flags). */
public final class ContractFact {
    private final String ocid;
    private final int index;
    private final String awardId;
    private final Instant dateSigned;
    private final Double amount;
    private final String currency;
    private final int amendmentCount;

    /** A contract as read from {@code contracts[]}. */
    public ContractFact(String ocid, int index, String awardId, Instant dateSigned, Double amount, String currency,
                        int amendmentCount) {
        this.ocid = ocid;
        this.index = index;
        this.awardId = awardId;
        this.dateSigned = dateSigned;
        this.amount = amount;
        this.currency = currency;
        this.amendmentCount = amendmentCount;
    }

    /** The process's {@code ocid}. */
    public String getOcid() {
        return ocid;
    }

    /** Position in {@code contracts}. */
    public int getIndex() {
        return index;
    }

    /** The contract's {@code awardId}: the {@code id} of the award it implements; null when absent. */
    public String getAwardId() {
        return awardId;
    }

    /** The contract's {@code dateSigned}, null when absent or not RFC 3339. */
    public Instant getDateSigned() {
        return dateSigned;
    }

    /** The contract's {@code value.amount}, null when absent or not a number. */
    public Double getAmount() {
        return amount;
    }

    /** The contract's {@code value.currency}, null when absent or not a string. */
    public String getCurrency() {
        return currency;
    }

    /** Number of entries in {@code amendments[]} (OCDS 1.1) or {@code amendment} (1.0); 0 when none. */
    public int getAmendmentCount() {
        return amendmentCount;
    }

    /** Whole days from {@code from} to the signature; null when either is missing. */
    public Long daysAfter(Instant from) {
        return from == null || dateSigned == null ? null : org.adaldyq.risk.procurement.model.OcdsDates.wholeDays(from, dateSigned);
    }
}
