package org.adaldyq.risk.procurement.fact;

import java.time.Instant;
import java.util.Set;

/** A submitted bid (status present, not {@code invited} or {@code withdrawn}) of a process under review. */
public final class BidFact {
    private final String ocid;
    private final int index;
    private final String status;
    private final Set<String> tendererIds;
    private final Double amount;
    private final String currency;
    private final Instant date;
    private final boolean inMainCurrency;

    /** A submitted bid; {@code inMainCurrency} when its amount is numeric and in the run's main currency. */
    public BidFact(String ocid, int index, String status, Set<String> tendererIds, Double amount, String currency,
                   Instant date, boolean inMainCurrency) {
        this.ocid = ocid;
        this.index = index;
        this.status = status;
        this.tendererIds = Set.copyOf(tendererIds);
        this.amount = amount;
        this.currency = currency;
        this.date = date;
        this.inMainCurrency = inMainCurrency;
    }

    /** The process's {@code ocid}. */
    public String getOcid() {
        return ocid;
    }

    /** Position in {@code bids.details}. */
    public int getIndex() {
        return index;
    }

    /** The bid's {@code status}: present and neither {@code invited} nor {@code withdrawn}, e.g. {@code valid}. */
    public String getStatus() {
        return status;
    }

    /** The set of {@code tenderers[].id}. */
    public Set<String> getTendererIds() {
        return tendererIds;
    }

    /** {@code value.amount} when numeric. */
    public Double getAmount() {
        return amount;
    }

    /** {@code value.currency} when a string. */
    public String getCurrency() {
        return currency;
    }

    /** The bid's {@code date}, null when absent or not RFC 3339. */
    public Instant getDate() {
        return date;
    }

    /** Numeric amount in the run's main currency. */
    public boolean isInMainCurrency() {
        return inMainCurrency;
    }

    /** Is this bid later than {@code instant}? False when the bid has no date. */
    public boolean isLaterThan(Instant instant) {
        return date != null && instant != null && date.isAfter(instant);
    }
}
