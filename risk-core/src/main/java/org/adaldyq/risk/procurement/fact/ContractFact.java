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

    public String getOcid() {
        return ocid;
    }

    public int getIndex() {
        return index;
    }

    public String getAwardId() {
        return awardId;
    }

    public Instant getDateSigned() {
        return dateSigned;
    }

    public Double getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public int getAmendmentCount() {
        return amendmentCount;
    }

    /** Whole days from {@code from} to the signature; null when either is missing. */
    public Long daysAfter(Instant from) {
        return from == null || dateSigned == null ? null : org.adaldyq.risk.procurement.model.OcdsDates.wholeDays(from, dateSigned);
    }
}
