package org.adaldyq.risk.procurement.fact;

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

    public static boolean computable(String code, ContractingProcess p, ProcessFacts f) {
        return switch (code) {
            case "R003" -> f.tender().getSubmissionPeriodDays() != null;
            case "R018" -> p.numberOfTenderers() != null && p.procurementMethod() != null;
            case "R024", "R058" -> f.ratio() != null;
            case "R025" -> f.finalAwards() != null && f.finalAwards().getSoleWinner() != null;
            case "R028" -> f.bids().stream().filter(b -> b.getAmount() != null && b.getCurrency() != null).count() >= 2;
            case "R030" -> p.tenderPeriodEnd() != null && f.bids().stream().anyMatch(b -> "valid".equals(b.getStatus()) && b.getDate() != null);
            case "R035" -> f.finalAwards() != null;
            case "R036" -> f.tender().isActiveAward() && f.bids().stream().anyMatch(BidFact::isInMainCurrency);
            case "R038" -> !f.bids().isEmpty();
            case "R048" -> p.awards().stream().anyMatch(a -> a.active() && a.supplierIds().size() == 1 && !a.itemClassificationIds().isEmpty());
            case "R010" -> p.procurementMethod() != null;
            case "R018B" -> tendererCount(p) != null && p.procurementMethod() != null;
            case "R031" -> p.tenderValue().complete() && p.awards().stream().anyMatch(a -> a.active() && a.value().complete());
            case "R040", "R049" -> p.buyerId() != null && p.awards().stream().anyMatch(a -> a.active() && !a.supplierIds().isEmpty());
            case "R011" -> p.buyerId() != null && p.tenderValue().complete() && !p.tenderClassificationIds().isEmpty();
            case "R029" -> p.buyerId() != null && p.awards().stream().map(Award::value).anyMatch(v -> v.amount() != null);
            case "R044" -> p.parties().stream().filter(x -> x.roles().contains("tenderer")).count() >= 2;
            case "R059", "R069" -> !p.contracts().isEmpty() && p.contracts().stream().anyMatch(c -> c.value().complete());
            case "R060" -> p.contracts().stream().anyMatch(c -> c.dateSigned() != null) && p.awards().stream().anyMatch(a -> a.date() != null);
            case "R061", "R062" -> p.tenderPeriodEnd() != null && p.awards().stream().anyMatch(a -> a.date() != null);
            case "R064" -> !p.contracts().isEmpty();
            default -> true;
        };
    }

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
