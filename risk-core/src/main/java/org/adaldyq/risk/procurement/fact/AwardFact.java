package org.adaldyq.risk.procurement.fact;

import java.time.Instant;
import java.util.List;

/** An award of a process under review (beyond-Cardinal flags). */
public final class AwardFact {
    private final String ocid;
    private final int index;
    private final String id;
    private final String status;
    private final Instant date;
    private final Double amount;
    private final String currency;
    private final List<String> supplierIds;

    public AwardFact(String ocid, int index, String id, String status, Instant date, Double amount, String currency,
                     List<String> supplierIds) {
        this.ocid = ocid;
        this.index = index;
        this.id = id;
        this.status = status;
        this.date = date;
        this.amount = amount;
        this.currency = currency;
        this.supplierIds = List.copyOf(supplierIds);
    }

    public String getOcid() {
        return ocid;
    }

    public int getIndex() {
        return index;
    }

    public String getId() {
        return id;
    }

    public String getStatus() {
        return status;
    }

    public Instant getDate() {
        return date;
    }

    public Double getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public List<String> getSupplierIds() {
        return supplierIds;
    }

    /** Whole days from {@code from} to this award's date; null when either is missing. */
    public Long daysAfter(Instant from) {
        return from == null || date == null ? null : org.adaldyq.risk.procurement.model.OcdsDates.wholeDays(from, date);
    }
}
