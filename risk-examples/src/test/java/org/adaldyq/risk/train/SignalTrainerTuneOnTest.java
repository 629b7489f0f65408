package org.adaldyq.risk.train;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.liblinear.SolverType;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.regulation.RegulationRules;
import org.adaldyq.risk.regulation.RegulationScanner;
import org.adaldyq.risk.rules.PackOptions;
import org.adaldyq.risk.rules.RuleLimits;
import org.adaldyq.risk.structure.DocumentReader;
import org.junit.jupiter.api.Test;

/** {@code train --tune-on}: C and the thresholds are chosen on the kept provisions only, the weights on all. */
class SignalTrainerTuneOnTest {

    private static final String FACTOR = "OPTIONAL_POWER";

    @Test
    void theRulesFigureAndTheThresholdsComeFromTheTuningProvisionsOnly() throws Exception {
        RegulationScanner scanner = RegulationRules.load(new PackOptions(getClass().getClassLoader(), true, List.of(),
                RuleLimits.DEFAULT, false)).orThrow();
        List<SignalTrainer.Example> examples = SignalTrainer.featurize(scanner, DocumentReader.create(),
                LabelledProvision.read(List.of(Path.of("../data/annotated"))));
        Predicate<SignalTrainer.Example> russian = e -> e.labelled().language() == Language.RU;

        SignalTrainer.Trained all = SignalTrainer.train(examples, Set.of(FACTOR), "t", SolverType.L1R_LR).get(0);
        SignalTrainer.Trained tuned = SignalTrainer.train(examples, Set.of(FACTOR), "t", SolverType.L1R_LR, russian).get(0);

        assertThat(all.devRulesF1()).isEqualTo(rulesF1(examples, e -> true));
        assertThat(tuned.devRulesF1()).isEqualTo(rulesF1(examples, russian));
        assertThat(tuned.devRulesF1()).isNotEqualTo(all.devRulesF1());
        // the weights still learn from every provision: both models count the same positives
        assertThat(tuned.positives()).isEqualTo(all.positives());
    }

    private static double rulesF1(List<SignalTrainer.Example> examples, Predicate<SignalTrainer.Example> keep) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (SignalTrainer.Example e : examples) {
            if (!keep.test(e)) {
                continue;
            }
            boolean gold = e.labelled().factors().contains(FACTOR);
            boolean found = e.ruleCodes().contains(FACTOR);
            tp += gold && found ? 1 : 0;
            fp += !gold && found ? 1 : 0;
            fn += gold && !found ? 1 : 0;
        }
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
}
