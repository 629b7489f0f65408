package org.adaldyq.risk.procurement.fact;

import org.adaldyq.risk.procurement.catalogue.IndicatorCatalogue;
import org.adaldyq.risk.procurement.model.Award;
import org.adaldyq.risk.procurement.model.Bid;
import org.adaldyq.risk.procurement.model.ContractingProcess;

/**
 * Whether a process has the data an indicator needs. A flag that did not fire on a computable process is
 * "not flagged"; on a process that is not computable it is "not computable", reported apart.
 */
public final class Computability {
    private Computability() {
    }

    /**
     * Whether {@code p} has the data the indicator of {@code code} needs (its catalogue entry's
     * {@code computable} requirement); an author's own flag, absent from the catalogue, always is.
     */
    public static boolean computable(String code, ContractingProcess p, ProcessFacts f) {
        IndicatorCatalogue.Indicator indicator = IndicatorCatalogue.builtIn().find(code);
        return indicator == null || meets(indicator.computable(), p, f);
    }

    /**
     * Whether {@code p} meets a named data requirement of the catalogue.
     *
     * @throws IllegalArgumentException for a requirement name this version does not know
     */
    public static boolean meets(String requirement, ContractingProcess p, ProcessFacts f) {
        return switch (requirement) {
            case "always" -> true;
            case "submissionPeriod" -> f.tender().getSubmissionPeriodDays() != null;
            case "numberOfTenderersAndMethod" -> p.numberOfTenderers() != null && p.procurementMethod() != null;
            case "secondLowestBidRatio" -> f.ratio() != null;
            case "soleWinner" -> f.finalAwards() != null && f.finalAwards().getSoleWinner() != null;
            case "twoPricedBids" -> f.bids().stream().filter(b -> b.getAmount() != null && b.getCurrency() != null).count() >= 2;
            case "lateBidEvidence" -> p.tenderPeriodEnd() != null && f.bids().stream().anyMatch(b -> "valid".equals(b.getStatus()) && b.getDate() != null);
            case "finalAwards" -> f.finalAwards() != null;
            case "activeAwardAndPricedBid" -> f.tender().isActiveAward() && f.bids().stream().anyMatch(BidFact::isInMainCurrency);
            case "bids" -> !f.bids().isEmpty();
            case "classifiedSingleSupplierAward" -> p.awards().stream().anyMatch(a -> a.active() && a.supplierIds().size() == 1 && !a.itemClassificationIds().isEmpty());
            case "procurementMethod" -> p.procurementMethod() != null;
            case "tendererCountAndMethod" -> tendererCount(p) != null && p.procurementMethod() != null;
            case "tenderValueAndWinningPrice" -> p.tenderValue().complete() && p.awards().stream().anyMatch(a -> a.active()
                    && (a.value().complete() || p.bids().stream().anyMatch(b -> b.valid() && b.value().complete()
                    && !b.tendererIds().isEmpty() && a.supplierIds().containsAll(b.tendererIds()))));
            case "buyerAndSupplier" -> p.buyerId() != null && p.awards().stream().anyMatch(a -> a.active() && !a.supplierIds().isEmpty());
            case "buyerValueAndClassification" -> p.buyerId() != null && p.tenderValue().complete() && !p.tenderClassificationIds().isEmpty();
            case "buyerAndAwardAmount" -> p.buyerId() != null && p.awards().stream().map(Award::value).anyMatch(v -> v.amount() != null);
            case "twoTendererParties" -> p.parties().stream().filter(x -> x.roles().contains("tenderer")).count() >= 2;
            case "contractValue" -> !p.contracts().isEmpty() && p.contracts().stream().anyMatch(c -> c.value().complete());
            case "signatureAndAwardDates" -> p.contracts().stream().anyMatch(c -> c.dateSigned() != null) && p.awards().stream().anyMatch(a -> a.date() != null);
            case "tenderEndAndAwardDate" -> p.tenderPeriodEnd() != null && p.awards().stream().anyMatch(a -> a.date() != null);
            case "contracts" -> !p.contracts().isEmpty();
            default -> throw new IllegalArgumentException("unknown data requirement '" + requirement + "' in the indicator catalogue");
        };
    }

    /** The data requirements {@link #meets} knows: a catalogue entry must name one of them. */
    public static final java.util.Set<String> REQUIREMENTS = java.util.Set.of("always", "submissionPeriod",
            "numberOfTenderersAndMethod", "secondLowestBidRatio", "soleWinner", "twoPricedBids", "lateBidEvidence",
            "finalAwards", "activeAwardAndPricedBid", "bids", "classifiedSingleSupplierAward", "procurementMethod",
            "tendererCountAndMethod", "tenderValueAndWinningPrice", "buyerAndSupplier", "buyerValueAndClassification",
            "buyerAndAwardAmount", "twoTendererParties", "contractValue", "signatureAndAwardDates", "tenderEndAndAwardDate",
            "contracts");

    /**
     * The number of tenderers from any source: {@code tender.numberOfTenderers}, else distinct
     * {@code tender.tenderers}, else distinct tenderers of submitted bids, else {@code bids.statistics}.
     */
    public static Long tendererCount(ContractingProcess p) {
        if (p.numberOfTenderers() != null) {
            return p.numberOfTenderers();
        }
        if (!p.tenderTendererIds().isEmpty()) {
            return (long) p.tenderTendererIds().size();
        }
        long bidders = p.bids().stream().filter(Bid::submitted).flatMap(b -> b.tendererIds().stream()).distinct().count();
        if (bidders > 0) {
            return bidders;
        }
        return p.bidStatisticsTenderers();
    }
}
