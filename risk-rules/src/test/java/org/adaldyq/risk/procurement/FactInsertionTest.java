package org.adaldyq.risk.procurement;

import org.adaldyq.risk.procurement.fact.ActiveSupplier;
import org.adaldyq.risk.procurement.fact.AwardFact;
import org.adaldyq.risk.procurement.fact.BidFact;
import org.adaldyq.risk.procurement.fact.BidParticipation;
import org.adaldyq.risk.procurement.fact.ContractFact;
import org.adaldyq.risk.procurement.fact.FinalAwards;
import org.adaldyq.risk.procurement.fact.IndicatorSetting;
import org.adaldyq.risk.procurement.fact.PartyFact;
import org.adaldyq.risk.procurement.fact.TenderFact;
import org.adaldyq.risk.procurement.rules.RuleBook;
import org.adaldyq.risk.procurement.settings.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run inserts into working memory only the fact classes some rule matches there: the built-in rules reach
 * a process's bids, awards and parties through its {@link TenderFact} ({@code from $t.bids}), so one fact per
 * process enters the rule engine; an author rule that matches bids in working memory still sees them.
 */
class FactInsertionTest {

    @Test
    void theBuiltInRulesMatchOnlyTendersAndSettingsInWorkingMemory() {
        var rules = RuleBook.fromClasspath().ruleSet();
        assertThat(rules.matchesInWorkingMemory(TenderFact.class)).isTrue();
        assertThat(rules.matchesInWorkingMemory(IndicatorSetting.class)).isTrue();
        for (Class<?> reachedThroughTheTender : List.of(BidFact.class, ActiveSupplier.class, FinalAwards.class,
                BidParticipation.class, AwardFact.class, ContractFact.class, PartyFact.class)) {
            assertThat(rules.matchesInWorkingMemory(reachedThroughTheTender)).as(reachedThroughTheTender.getSimpleName()).isFalse();
        }
    }

    /** Two processes with a disqualified bid in one batch: the author rule joins bids by ocid in working memory. */
    @Test
    void anAuthorRuleMatchingBidsInWorkingMemoryStillSeesThem(@TempDir Path tmp) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(folder.resolve("R002-disqualified-bid.drl"), """
                package org.adaldyq.risk.rules.procurement;

                import org.adaldyq.risk.procurement.fact.*;

                rule "R002 A bid was disqualified"
                    @id("R002") @code("R002") @severity("low") @title("A bid was disqualified") @source("test")
                when
                    $s : IndicatorSetting( code == "R002" )
                    $t : TenderFact( )
                    $b : BidFact( ocid == $t.ocid, status == "disqualified" )
                then
                    insert( Flag.ocid("R002", $t.getOcid(), 1.0).because("bids.details[" + $b.getIndex() + "].status", "disqualified", null) );
                end
                """);
        String bids = "\"bids\":{\"details\":[{\"id\":\"b1\",\"status\":\"valid\",\"tenderers\":[{\"id\":\"T1\"}]},"
                + "{\"id\":\"b2\",\"status\":\"disqualified\",\"tenderers\":[{\"id\":\"T2\"}]}]}";
        String data = "{\"ocid\":\"dq-1\",\"tender\":{\"procurementMethod\":\"open\"}," + bids + "}\n"
                + "{\"ocid\":\"clean-2\",\"tender\":{\"procurementMethod\":\"open\"},"
                + "\"bids\":{\"details\":[{\"id\":\"b1\",\"status\":\"valid\",\"tenderers\":[{\"id\":\"T1\"}]}]}}\n"
                + "{\"ocid\":\"dq-3\",\"tender\":{\"procurementMethod\":\"open\"}," + bids + "}\n";
        ProcurementEngine engine = ProcurementEngine.builder().rules(folder).threads(1)
                .settings(Settings.parse("[R002]\n")).build();
        try (Assessment a = engine.assess(ProcurementApiTest.input(data), ProcessListener.NONE)) {
            List<ProcessResult> results = new ArrayList<>();
            a.forEachProcess(results::add);
            assertThat(results).extracting(ProcessResult::ocid).containsExactly("dq-1", "clean-2", "dq-3");
            assertThat(results.get(0).flags()).containsKey("R002");
            assertThat(results.get(1).flags()).doesNotContainKey("R002");
            assertThat(results.get(2).flags()).containsKey("R002");
        }
    }
}
