package org.adaldyq.risk.rules.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.adaldyq.risk.procurement.rules.ProcurementRules;
import org.adaldyq.risk.rules.PackOptions;
import org.adaldyq.risk.rules.RuleLimits;
import org.adaldyq.risk.rules.RuleProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A procurement author rule that misspells a fact field: the executable-model compiler says only "Unable to
 * parse left part of expression"; {@code rules check} names the field meant and the type's fields, at the column.
 */
class ProcurementFieldTypoTest {
    @Test
    void aMisspeltFieldOfTenderFactNamesTheFieldMeant(@TempDir Path dir) throws Exception {
        String drl = """
                package org.adaldyq.risk.rules.procurement;

                import org.adaldyq.risk.procurement.fact.*;

                rule "R001 Single tenderer"
                    @id("R001") @code("R001") @severity("low") @title("Single tenderer") @source("test")
                when
                    $t : TenderFact(numberOfTenderes == 1)
                then
                    insert(new Flag("R001", Group.OCID, $t.getOcid(), 1.0));
                end
                """;
        Files.writeString(dir.resolve("R001.drl"), drl);
        ProcurementRules.Loaded loaded = ProcurementRules.load(new PackOptions(getClass().getClassLoader(), true, List.of(dir),
                RuleLimits.DEFAULT, false));
        List<String> errors = loaded.problems().stream().filter(RuleProblem::error).map(RuleProblem::toString).toList();
        int column = "    $t : TenderFact(".length() + 1;
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).startsWith(dir.resolve("R001.drl") + ":8:" + column + ": TenderFact has no field 'numberOfTenderes'; "
                + "did you mean 'numberOfTenderers'? Its fields: activeAward, activeSuppliers, awards, bids,");
    }
}
