package org.adaldyq.risk.rules.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import org.adaldyq.risk.rules.RuleSet;
import org.junit.jupiter.api.Test;

/**
 * {@code RiskEngine} builds the regulation kbase straight from the executable model (a faster start); it must
 * hold exactly the rules, with the same metadata, that the kmodule's KieContainer gives.
 */
class ExecutableModelLoadingTest {

    private static final ClassLoader LOADER = ExecutableModelLoadingTest.class.getClassLoader();

    @Test
    void theExecutableModelGivesTheSameRulesAsTheKieContainer() {
        RuleSet direct = RuleSet.fromExecutableModel(LOADER, "META-INF/kie/org.adaldyq/risk-rules/drools-model",
                "org.adaldyq.risk.rules.regulation").orElseThrow();
        RuleSet container = RuleSet.fromClasspath(LOADER, "regulation");
        assertThat(direct.ruleNames()).isNotEmpty().isEqualTo(container.ruleNames());
        for (String rule : container.ruleNames()) {
            assertThat(direct.metadata(rule)).as(rule).isEqualTo(container.metadata(rule));
        }
    }

    @Test
    void aMissingIndexOrPackageGivesNothing() {
        assertThat(RuleSet.fromExecutableModel(LOADER, "META-INF/kie/no/such/drools-model", "org.adaldyq.risk.rules.regulation"))
                .isEmpty();
        assertThat(RuleSet.fromExecutableModel(LOADER, "META-INF/kie/org.adaldyq/risk-rules/drools-model", "no.such.pkg"))
                .isEmpty();
    }
}
