package org.adaldyq.risk.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

    @Test
    void twinsAreScoredOnTheUnionOrTheAgreementOfBothVersionsFindings() {
        Case kk = twin("kk-1", Language.KK, "ru-1", Set.of("OPTIONAL_POWER", "VAGUE_TERMS"), Set.of("OPTIONAL_POWER"));
        Case ru = twin("ru-1", Language.RU, "kk-1", Set.of("OPTIONAL_POWER", "VAGUE_TERMS"), Set.of("VAGUE_TERMS", "WIDE_DISCRETION"));
        Case alone = twin("ru-2", Language.RU, "kk-9", Set.of("VAGUE_TERMS"), Set.of("VAGUE_TERMS"));
        List<Case> union = RegulationEvaluation.withTwins(List.of(kk, ru, alone), true);
        assertThat(union).extracting(c -> c.labelled().id()).containsExactly("kk-1", "ru-1");
        assertThat(union.get(0).found(Mode.HYBRID)).containsExactly("OPTIONAL_POWER", "VAGUE_TERMS", "WIDE_DISCRETION");
        assertThat(RegulationEvaluation.counts(union.subList(0, 1), Mode.HYBRID, null)).isEqualTo(new Counts(2, 1, 0));
        List<Case> both = RegulationEvaluation.withTwins(List.of(kk, ru, alone), false);
        assertThat(both.get(0).found(Mode.HYBRID)).isEmpty();
        assertThat(RegulationEvaluation.counts(both, Mode.HYBRID, null)).isEqualTo(new Counts(0, 0, 4));
        List<Case> thisOnly = RegulationEvaluation.withTwins(List.of(kk, ru, alone), RegulationEvaluation.Twinned.THIS_ONLY);
        assertThat(thisOnly.get(0).found(Mode.HYBRID)).containsExactly("OPTIONAL_POWER");
        assertThat(thisOnly.get(1).found(Mode.HYBRID)).containsExactly("VAGUE_TERMS", "WIDE_DISCRETION");
        assertThat(RegulationEvaluation.counts(thisOnly, Mode.HYBRID, null)).isEqualTo(new Counts(2, 1, 2));
        assertThat(kk.found(Mode.HYBRID)).containsExactly("OPTIONAL_POWER"); // the cases themselves are left as they were
    }

    private static Case twin(String id, Language lang, String pair, Set<String> labels, Set<String> found) {
        Map<Mode, Set<String>> modes = new EnumMap<>(Mode.class);
        for (Mode m : Mode.values()) {
            modes.put(m, new TreeSet<>(found));
        }
        return new Case(new LabelledProvision(id, lang, "kz-1", "dev", "text", labels, pair), modes, Map.of(), Map.of());
    }

    private static void assertFloor(Language lang, double precision, double recall) {
        Counts c = RegulationEvaluation.counts(RegulationEvaluation.where(cases, x -> x.language() == lang), Mode.HYBRID, null);
        assertThat(c.precision()).as(lang + " micro precision").isGreaterThanOrEqualTo(precision);
        assertThat(c.recall()).as(lang + " micro recall").isGreaterThanOrEqualTo(recall);
    }
}
