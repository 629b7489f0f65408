package org.adaldyq.risk.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.adaldyq.risk.eval.RegulationEvaluation.Case;
import org.adaldyq.risk.eval.RegulationEvaluation.Counts;
import org.adaldyq.risk.eval.RegulationEvaluation.Mode;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.regulation.RegulationRules;
import org.adaldyq.risk.rules.PackOptions;
import org.adaldyq.risk.structure.DocumentReader;
import org.adaldyq.risk.train.LabelledProvision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Quality floor of the shipped engine (rules weighing the trained signal) on the bundled regression set
 * {@code data/annotated}: the provisions the first rules were written on. The floor is P 0.85 /
 * R 0.85 in every language; a change that loses accuracy on them fails here.
 */
class RegulationEvaluationTest {

    private static List<Case> cases;

    @BeforeAll
    static void run() throws Exception {
        cases = RegulationEvaluation.run(RegulationRules.load(PackOptions.of(RegulationEvaluationTest.class.getClassLoader(), List.of()))
                .orThrow(), DocumentReader.create(), LabelledProvision.read(Path.of("../data/annotated")));
    }

    @Test
    void everyLabelledProvisionIsScanned() {
        assertThat(cases).hasSize(40 + 33 + 50 + 50);
    }

    @Test
    void kazakhFloor() {
        assertFloor(Language.KK, 0.85, 0.85);
    }

    @Test
    void russianFloor() {
        assertFloor(Language.RU, 0.85, 0.85);
    }

    @Test
    void englishFloor() {
        assertFloor(Language.EN, 0.85, 0.85);
    }

    @Test
    void bootstrapIntervalHoldsThePointEstimate() {
        List<Case> ru = RegulationEvaluation.where(cases, c -> c.language() == Language.RU);
        Counts c = RegulationEvaluation.counts(ru, Mode.HYBRID, null);
        RegulationEvaluation.Interval[] ci = RegulationEvaluation.bootstrap(ru, Mode.HYBRID, null, 500, 7);
        assertThat(ci[0].low()).isLessThanOrEqualTo(c.precision()).isGreaterThan(0.5);
        assertThat(ci[0].high()).isGreaterThanOrEqualTo(c.precision());
        assertThat(ci[1].low()).isLessThan(ci[1].high());
        assertThat(RegulationEvaluation.bootstrap(ru, Mode.HYBRID, null, 500, 7)[1]).isEqualTo(ci[1]);
    }

    private static void assertFloor(Language lang, double precision, double recall) {
        Counts c = RegulationEvaluation.counts(RegulationEvaluation.where(cases, x -> x.language() == lang), Mode.HYBRID, null);
        assertThat(c.precision()).as(lang + " micro precision").isGreaterThanOrEqualTo(precision);
        assertThat(c.recall()).as(lang + " micro recall").isGreaterThanOrEqualTo(recall);
    }
}
