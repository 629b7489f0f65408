package org.adaldyq.risk.procurement.fact;

import org.adaldyq.risk.procurement.model.Award;
import org.adaldyq.risk.procurement.model.Bid;
import org.adaldyq.risk.procurement.model.Contract;
import org.adaldyq.risk.procurement.model.ContractingProcess;
import org.adaldyq.risk.procurement.model.Party;
import org.adaldyq.risk.procurement.model.OcdsDates;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The facts of one process under review, with the catalogue's common semantics applied: submitted bids,
 * main currency, the final-awards gate and the second-lowest-bid ratio.
 *
 * @param finalAwards null when the process fails the final-awards gate
 * @param ratio       null when the second-lowest-bid ratio is not computable (or price is not compared)
 */
public record ProcessFacts(TenderFact tender, List<BidFact> bids, List<ActiveSupplier> activeSuppliers,
                           FinalAwards finalAwards, BidParticipation participation, SecondLowestBidRatio ratio,
                           List<Object> extended) {

    /**
     * Derives the facts of a process.
     *
     * @param mainCurrency    the run's main currency, or null when none is known yet
     * @param priceComparison false when the method details exclude the process from price comparisons
     */
    public static ProcessFacts derive(ContractingProcess p, String mainCurrency, boolean priceComparison) {
        return derive(p, mainCurrency, priceComparison, false);
    }

    /** As {@link #derive(ContractingProcess, String, boolean)}, with the facts of the beyond-Cardinal flags when {@code extended}. */
    public static ProcessFacts derive(ContractingProcess p, String mainCurrency, boolean priceComparison, boolean extended) {
        String ocid = p.ocid();
        Long days = p.tenderPeriodStart() != null && p.tenderPeriodEnd() != null
                ? OcdsDates.wholeDays(p.tenderPeriodStart(), p.tenderPeriodEnd()) : null;
        boolean active = false;
        List<ActiveSupplier> suppliers = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Award a : p.awards()) {
            if (a.active()) {
                active = true;
                for (String s : a.supplierIds()) {
                    if (seen.add(s)) {
                        suppliers.add(new ActiveSupplier(ocid, s));
                    }
                }
            }
        }
        TenderFact tender = new TenderFact(ocid, p.procurementMethod(), p.procurementMethodDetails(),
                p.numberOfTenderers(), days, p.tenderPeriodEnd(), priceComparison, active);

        List<BidFact> bids = new ArrayList<>();
        Set<String> valid = new LinkedHashSet<>();
        Set<String> disqualified = new LinkedHashSet<>();
        for (Bid b : p.bids()) {
            if (!b.submitted()) {
                continue;
            }
            boolean main = b.value().complete() && b.value().currency().equals(mainCurrency);
            bids.add(new BidFact(ocid, b.index(), b.status(), new LinkedHashSet<>(b.tendererIds()),
                    b.value().amount(), b.value().currency(), b.date(), main));
            if (b.valid()) {
                valid.addAll(b.tendererIds());
            } else if (b.disqualified()) {
                disqualified.addAll(b.tendererIds());
            }
        }
        FinalAwards gate = finalAwards(p);
        SecondLowestBidRatio ratio = gate != null && priceComparison ? ratio(p, gate, mainCurrency) : null;
        List<AwardFact> awards = new ArrayList<>();
        List<ContractFact> contracts = new ArrayList<>();
        List<PartyFact> parties = new ArrayList<>();
        if (extended) {
            tender.extend(p.procurementMethodRationale(), p.tenderValue().amount(), p.tenderValue().currency(),
                    Computability.tendererCount(p));
            for (Award a : p.awards()) {
                awards.add(new AwardFact(ocid, a.index(), a.id(), a.status(), a.date(), a.value().amount(),
                        a.value().currency(), a.supplierIds()));
            }
            for (Contract c : p.contracts()) {
                contracts.add(new ContractFact(ocid, c.index(), c.awardId(), c.dateSigned(), c.value().amount(),
                        c.value().currency(), c.amendmentCount()));
            }
            for (Party party : p.parties()) {
                if (party.roles().contains("tenderer") && party.id() != null) {
                    parties.add(new PartyFact(ocid, party.id(), party.address(), party.telephone(), party.email()));
                }
            }
        }
        BidParticipation participation = new BidParticipation(ocid, valid, disqualified);
        // The record and the tender hold the same read-only lists: views, not copies (this runs per process).
        List<BidFact> bidFacts = Collections.unmodifiableList(bids);
        List<ActiveSupplier> supplierFacts = Collections.unmodifiableList(suppliers);
        tender.attach(bidFacts, supplierFacts, gate, participation, Collections.unmodifiableList(awards),
                Collections.unmodifiableList(contracts), Collections.unmodifiableList(parties));
        List<Object> more = new ArrayList<>(awards.size() + contracts.size() + parties.size());
        more.addAll(awards);
        more.addAll(contracts);
        more.addAll(parties);
        return new ProcessFacts(tender, bidFacts, supplierFacts, gate, participation, ratio, more);
    }

    /**
     * The final-awards gate: needs {@code awards[]} and {@code bids.details[]}; {@code active} awards are
     * complete, {@code cancelled}/{@code unsuccessful} and status-less awards are ignored, any other status
     * (e.g. {@code pending}) means the awards are not final: null.
     */
    public static FinalAwards finalAwards(ContractingProcess p) {
        if (!p.hasAwards() || !p.hasBidDetails()) {
            return null;
        }
        int complete = 0;
        Set<String> suppliers = new LinkedHashSet<>();
        String sole = null;
        for (Award a : p.awards()) {
            String s = a.status();
            if ("active".equals(s)) {
                complete++;
                suppliers.addAll(a.supplierIds());
                sole = a.supplierCount() == 1 && a.supplierIds().size() == 1 ? a.supplierIds().get(0) : null;
            } else if (s != null && !"cancelled".equals(s) && !"unsuccessful".equals(s)) {
                return null;
            }
        }
        return new FinalAwards(p.ocid(), complete, suppliers, complete == 1 ? sole : null);
    }

    /**
     * The second-lowest-bid ratio: one complete award with one supplier; the winner's lowest valid bid and
     * the lowest valid bid of any other tenderer, both in the main currency; second ≥ winner.
     */
    static SecondLowestBidRatio ratio(ContractingProcess p, FinalAwards gate, String mainCurrency) {
        String winner = gate.getSoleWinner();
        if (winner == null || mainCurrency == null) {
            return null;
        }
        Bid winning = null;
        Bid second = null;
        for (Bid b : p.bids()) {
            if (!b.validWithValue() || !mainCurrency.equals(b.value().currency())) {
                continue;
            }
            if (winner.equals(b.soleTenderer())) {
                if (winning == null || b.value().amount() < winning.value().amount()) {
                    winning = b;
                }
            } else if (second == null || b.value().amount() < second.value().amount()) {
                second = b;
            }
        }
        if (winning == null || second == null) {
            return null;
        }
        double w = winning.value().amount();
        double s = second.value().amount();
        if (s < w || w == 0.0) {
            return null;
        }
        return new SecondLowestBidRatio(p.ocid(), winner, second.soleTenderer(), w, s, (s - w) / w);
    }

    /**
     * Every fact of the process, the tender first. A run inserts only those some rule matches in working
     * memory (see {@link TenderFact}); the built-in rules reach all but the tender with {@code from}.
     */
    public List<Object> all() {
        List<Object> out = new ArrayList<>(4 + bids.size() + activeSuppliers.size());
        out.add(tender);
        out.addAll(bids);
        out.addAll(activeSuppliers);
        if (finalAwards != null) {
            out.add(finalAwards);
        }
        out.add(participation);
        out.addAll(extended);
        return out;
    }
}
