package org.adaldyq.risk.procurement.fact;

import java.time.Instant;

/**
 * A contracting process under review (not cancelled, not excluded), with the tender fields the rules read.
 *
 * @see org.adaldyq.risk.procurement.fact.ProcessFacts
 */
public final class TenderFact {
    private final String ocid;
    private final String procurementMethod;
    private final String procurementMethodDetails;
    private final Long numberOfTenderers;
    private final Long submissionPeriodDays;
    private final Instant tenderPeriodEnd;
    private final boolean priceComparison;
    private final boolean activeAward;
    private String procurementMethodRationale;
    private Double valueAmount;
    private String valueCurrency;
    private Long tendererCount;

    /** The tender of one process; the beyond-Cardinal fields are set later by {@link #extend}. */
    public TenderFact(String ocid, String procurementMethod, String procurementMethodDetails,
                      Long numberOfTenderers, Long submissionPeriodDays, Instant tenderPeriodEnd,
                      boolean priceComparison, boolean activeAward) {
        this.ocid = ocid;
        this.procurementMethod = procurementMethod;
        this.procurementMethodDetails = procurementMethodDetails;
        this.numberOfTenderers = numberOfTenderers;
        this.submissionPeriodDays = submissionPeriodDays;
        this.tenderPeriodEnd = tenderPeriodEnd;
        this.priceComparison = priceComparison;
        this.activeAward = activeAward;
    }

    /** Adds the fields the beyond-Cardinal flags read. */
    public TenderFact extend(String rationale, Double valueAmount, String valueCurrency, Long tendererCount) {
        this.procurementMethodRationale = rationale;
        this.valueAmount = valueAmount;
        this.valueCurrency = valueCurrency;
        this.tendererCount = tendererCount;
        return this;
    }

    /** {@code tender.procurementMethodRationale}; null when absent or the facts are not extended. */
    public String getProcurementMethodRationale() {
        return procurementMethodRationale;
    }

    /** {@code tender.value.amount}. */
    public Double getValueAmount() {
        return valueAmount;
    }

    /** {@code tender.value.currency}; null when absent or the facts are not extended. */
    public String getValueCurrency() {
        return valueCurrency;
    }

    /** Tenderers from any source (numberOfTenderers, tender.tenderers, bid tenderers, bids.statistics). */
    public Long getTendererCount() {
        return tendererCount;
    }

    /** The process's {@code ocid}. */
    public String getOcid() {
        return ocid;
    }

    /** {@code tender.procurementMethod} (e.g. {@code open}, {@code direct}), null when absent. */
    public String getProcurementMethod() {
        return procurementMethod;
    }

    /** {@code tender.procurementMethodDetails}, the local method name; null when absent. */
    public String getProcurementMethodDetails() {
        return procurementMethodDetails;
    }

    /** {@code tender.numberOfTenderers} when integral, else null. */
    public Long getNumberOfTenderers() {
        return numberOfTenderers;
    }

    /** Whole days (truncated) of the tender period, null when either date is missing or not RFC 3339. */
    public Long getSubmissionPeriodDays() {
        return submissionPeriodDays;
    }

    /** {@code tender.tenderPeriod.endDate}, null when absent or not RFC 3339. */
    public Instant getTenderPeriodEnd() {
        return tenderPeriodEnd;
    }

    /** False when the method details are a no-price-comparison method (R024, R028, R036, R058 skip it). */
    public boolean isPriceComparison() {
        return priceComparison;
    }

    /** At least one award with status {@code active}. */
    public boolean isActiveAward() {
        return activeAward;
    }
}
