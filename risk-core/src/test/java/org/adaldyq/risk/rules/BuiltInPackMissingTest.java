package org.adaldyq.risk.rules;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.procurement.ProcurementEngine;
import org.junit.jupiter.api.Test;

/** risk-core's test class path has no risk-rules: a host in that state is told which dependency to add. */
class BuiltInPackMissingTest {

    @Test
    void regulationEngineSaysToAddRiskRules() {
        assertThatThrownBy(() -> RiskEngine.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("regulation")
                .hasMessageContaining("add the dependency org.adaldyq:risk-rules");
    }

    @Test
    void procurementEngineSaysToAddRiskRules() {
        assertThatThrownBy(() -> ProcurementEngine.builder().build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("procurement")
                .hasMessageContaining("add the dependency org.adaldyq:risk-rules");
    }
}
