package org.adaldyq.risk.rules.procurement;

import org.adaldyq.risk.procurement.catalogue.IndicatorCatalogue;
import org.adaldyq.risk.procurement.settings.Settings;
import org.adaldyq.risk.procurement.rules.RuleBook;
import org.adaldyq.risk.procurement.rules.RuleInfo;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule metadata, the settings and docs/procurement.md cannot drift apart. */
class RuleCatalogueTest {
    @Test
    void everyCodeHasARuleWithMetadataAndADocumentedRow() throws Exception {
        List<String> codes = new ArrayList<>(IndicatorCatalogue.builtIn().codes());
        String doc = Files.readString(Path.of("..", "docs", "procurement.md"));
        for (String code : codes) {
            RuleInfo rule = RuleBook.fromClasspath().rules().get(code);
            assertThat(rule).as(code + " has a rule with @code").isNotNull();
            assertThat(rule.title()).as(code).isNotBlank();
            assertThat(rule.source()).as(code).isNotBlank();
            assertThat(doc).as("docs/procurement.md documents " + code)
                    .contains("| " + code + " | " + rule.title() + " | " + rule.severity() + " |");
        }
        assertThat(RuleBook.fromClasspath().rules().keySet()).containsExactlyInAnyOrderElementsOf(codes);
    }
}
