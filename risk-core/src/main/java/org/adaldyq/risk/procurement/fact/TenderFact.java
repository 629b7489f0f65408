package org.adaldyq.risk.procurement.fact;

import java.time.Instant;
import java.util.List;

/**
 * A contracting process under review (not cancelled, not excluded), with the tender fields the rules read
 * and the process's other facts ({@link #getBids()}, {@link #getActiveSuppliers()}, ...), which rules reach
 * with {@code from}: {@code $b : BidFact( status == "valid" ) from $t.bids}. This is the one fact a run
 * inserts per process; the others are inserted too only when some rule matches them in working memory
 * (joined by {@code ocid}), which costs the rule engine about five times as much.
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
    private List<BidFact> bids = List.of();
    private List<ActiveSupplier> activeSuppliers = List.of();
    private FinalAwards finalAwards;
    private BidParticipation participation;
    private List<AwardFact> awards = List.of();
    private List<ContractFact> contracts = List.of();
    private List<PartyFact> parties = List.of();

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

    /** Sets the process's other facts (by {@link ProcessFacts#derive}, which hands over read-only lists). */
    void attach(List<BidFact> bids, List<ActiveSupplier> activeSuppliers, FinalAwards finalAwards,
                BidParticipation participation, List<AwardFact> awards, List<ContractFact> contracts,
                List<PartyFact> parties) {
        this.bids = bids;
        this.activeSuppliers = activeSuppliers;
        this.finalAwards = finalAwards;
        this.participation = participation;
        this.awards = awards;
        this.contracts = contracts;
        this.parties = parties;
    }

    /** The submitted bids ({@code bids.details[]} with a status other than {@code invited} or {@code withdrawn}), in input order. */
    public List<BidFact> getBids() {
        return bids;
    }

    /** The distinct suppliers of active awards. */
    public List<ActiveSupplier> getActiveSuppliers() {
        return activeSuppliers;
    }

    /** The final-awards gate; null when the process fails it. */
    public FinalAwards getFinalAwards() {
        return finalAwards;
    }

    /** The valid and disqualified tenderers of the submitted bids. */
    public BidParticipation getParticipation() {
        return participation;
    }

    /** The awards; empty unless the facts are extended (the beyond-Cardinal flags). */
    public List<AwardFact> getAwards() {
        return awards;
    }

    /** The contracts; empty unless the facts are extended. */
    public List<ContractFact> getContracts() {
        return contracts;
    }

    /** The parties with the role {@code tenderer} and an id; empty unless the facts are extended. */
    public List<PartyFact> getParties() {
        return parties;
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
