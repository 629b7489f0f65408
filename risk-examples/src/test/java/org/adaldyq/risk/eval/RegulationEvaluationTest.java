package org.adaldyq.risk.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.adaldyq.risk.RiskEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quality floor of the built-in rules on the bundled labelled provisions. The floors are the values
 * measured when the rules last changed, rounded down: a change that loses accuracy fails here.
 */
class RegulationEvaluationTest {

    private static RegulationEvaluation.Result result;

    @BeforeAll
    static void run() throws Exception {
        result = RegulationEvaluation.run(RiskEngine.builder().build(), Path.of("../data/annotated"));
    }

    @Test
    void everyLabelledProvisionIsScanned() {
        assertThat(result.cases()).hasSize(40 + 33 + 50 + 50);
    }

    @Test
    void kazakhFloor() {
        assertFloor("kk", 0.96, 0.92);
    }

    @Test
    void russianFloor() {
        assertFloor("ru", 0.91, 0.90);
    }

    @Test
    void englishFloor() {
        assertFloor("en", 0.88, 0.95);
    }

    private static void assertFloor(String lang, double precision, double recall) {
        RegulationEvaluation.Counts c = result.byLanguage().get(lang);
        assertThat(c.precision()).as(lang + " micro precision").isGreaterThanOrEqualTo(precision);
        assertThat(c.recall()).as(lang + " micro recall").isGreaterThanOrEqualTo(recall);
    }
}
