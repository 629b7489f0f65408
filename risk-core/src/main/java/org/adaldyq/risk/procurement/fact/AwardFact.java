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

    /** An award as read from {@code awards[]}; {@code supplierIds} is copied. */
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

    /** The process's {@code ocid}. */
    public String getOcid() {
        return ocid;
    }

    /** Position in {@code awards}. */
    public int getIndex() {
        return index;
    }

    /** The award's {@code id}, a string or an integer's decimal text; null when absent. */
    public String getId() {
        return id;
    }

    /** The award's {@code status} when it is a string (e.g. {@code active}, {@code pending}), else null. */
    public String getStatus() {
        return status;
    }

    /** The award's {@code date}, null when absent or not RFC 3339. */
    public Instant getDate() {
        return date;
    }

    /** The award's {@code value.amount}, null when absent or not a number. */
    public Double getAmount() {
        return amount;
    }

    /** The award's {@code value.currency}, null when absent or not a string. */
    public String getCurrency() {
        return currency;
    }

    /** The {@code suppliers[].id} that are present, in order; empty when there are none. */
    public List<String> getSupplierIds() {
        return supplierIds;
    }

    /** Whole days from {@code from} to this award's date; null when either is missing. */
    public Long daysAfter(Instant from) {
        return from == null || date == null ? null : org.adaldyq.risk.procurement.model.OcdsDates.wholeDays(from, date);
    }
}
