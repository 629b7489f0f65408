package org.adaldyq.risk.procurement.fact;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.adaldyq.risk.procurement.model.ContractingProcess;
import org.adaldyq.risk.procurement.model.ReleaseCompiler;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The common semantics of the catalogue on hand-written processes, values computed by hand. */
class ProcessFactsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static ContractingProcess process(String bids, String awards) throws Exception {
        return ReleaseCompiler.compile(JSON.readTree(
                "{\"ocid\":\"x\",\"bids\":{\"details\":[" + bids + "]},\"awards\":[" + awards + "]}"), 1, true);
    }

    static String bid(String status, String tenderer, double amount, String currency) {
        return "{\"status\":\"" + status + "\",\"tenderers\":[{\"id\":\"" + tenderer + "\"}],\"value\":{\"amount\":"
                + amount + ",\"currency\":\"" + currency + "\"}}";
    }

    static String award(String status, String supplier) {
        return "{\"id\":\"1\"" + (status == null ? "" : ",\"status\":\"" + status + "\"") + ",\"suppliers\":[{\"id\":\""
                + supplier + "\"}]}";
    }

    static SecondLowestBidRatio ratio(ContractingProcess p) {
        return ProcessFacts.derive(p, "USD", true).ratio();
    }

    @Test
    void winnerAmountIsTheLowestValidBidOfTheSupplier() throws Exception {
        // winner w bids 120 and 100; others 130 and 110: (110 - 100) / 100
        SecondLowestBidRatio r = ratio(process(String.join(",", bid("valid", "w", 120, "USD"),
                bid("valid", "o", 130, "USD"), bid("valid", "w", 100, "USD"), bid("valid", "p", 110, "USD")),
                award("active", "w")));
        assertThat(r.getWinnerAmount()).isEqualTo(100.0);
        assertThat(r.getSecondAmount()).isEqualTo(110.0);
        assertThat(r.getSecondId()).isEqualTo("p");
        assertThat(r.getRatio()).isEqualTo((110.0 - 100.0) / 100.0);
    }

    @Test
    void lowestNonWinnerMustNotBeBelowTheWinner() throws Exception {
        // the winner's lowest bid (100) is above another tenderer's (99): no ratio, even though 120 > 100
        assertThat(ratio(process(String.join(",", bid("valid", "w", 100, "USD"), bid("valid", "o", 99, "USD"),
                bid("valid", "p", 120, "USD")), award("active", "w")))).isNull();
        // equal is allowed: ratio 0
        assertThat(ratio(process(String.join(",", bid("valid", "w", 100, "USD"), bid("valid", "o", 100, "USD")),
                award("active", "w"))).getRatio()).isEqualTo(0.0);
    }

    @Test
    void onlyValidBidsWithValueInTheMainCurrency() throws Exception {
        // EUR 50 of the winner, the disqualified 101 and the consortium's 102 are not valid bids with value in USD
        String consortium = "{\"status\":\"valid\",\"tenderers\":[{\"id\":\"c\"},{\"id\":\"d\"}],"
                + "\"value\":{\"amount\":102,\"currency\":\"USD\"}}";
        SecondLowestBidRatio r = ratio(process(String.join(",", bid("valid", "w", 50, "EUR"),
                bid("valid", "w", 100, "USD"), bid("disqualified", "o", 101, "USD"), consortium,
                bid("valid", "p", 105, "USD")), award("active", "w")));
        assertThat(r.getRatio()).isEqualTo((105.0 - 100.0) / 100.0);
        assertThat(r.getSecondId()).isEqualTo("p");
    }

    @Test
    void finalAwardsGate() throws Exception {
        String bids = String.join(",", bid("valid", "w", 100, "USD"), bid("valid", "o", 110, "USD"));
        // cancelled, unsuccessful and status-less awards are ignored
        assertThat(ratio(process(bids, String.join(",", award("active", "w"), award("cancelled", "o"),
                award("unsuccessful", "o"), award(null, "o"))))).isNotNull();
        // any other status drops the process
        ContractingProcess pending = process(bids, String.join(",", award("active", "w"), award("pending", "o")));
        assertThat(ProcessFacts.derive(pending, "USD", true).finalAwards()).isNull();
        assertThat(ratio(pending)).isNull();
        // two complete awards: gate passed, but no ratio
        ContractingProcess two = process(bids, String.join(",", award("active", "w"), award("active", "o")));
        assertThat(ProcessFacts.derive(two, "USD", true).finalAwards().getCompleteAwards()).isEqualTo(2);
        assertThat(ratio(two)).isNull();
        // one award with two suppliers: no ratio
        assertThat(ratio(process(bids, "{\"id\":\"1\",\"status\":\"active\",\"suppliers\":[{\"id\":\"w\"},{\"id\":\"o\"}]}"))).isNull();
        // price comparison excluded: no ratio
        assertThat(ProcessFacts.derive(process(bids, award("active", "w")), "USD", false).ratio()).isNull();
    }

    @Test
    void submittedBids() throws Exception {
        String noStatus = "{\"tenderers\":[{\"id\":\"n\"}],\"value\":{\"amount\":1,\"currency\":\"USD\"}}";
        ProcessFacts f = ProcessFacts.derive(process(String.join(",", bid("invited", "i", 1, "USD"),
                bid("withdrawn", "j", 1, "USD"), noStatus, bid("pending", "k", 1, "USD"), bid("valid", "l", 1, "USD"),
                bid("disqualified", "m", 1, "USD")), award("active", "l")), "USD", true);
        assertThat(f.bids()).extracting(BidFact::getStatus).containsExactly("pending", "valid", "disqualified");
    }
}
