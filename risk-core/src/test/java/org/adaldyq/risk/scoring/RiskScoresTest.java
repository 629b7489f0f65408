package org.adaldyq.risk.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RiskScoresTest {

    /** Property: over random score lists, adding a finding never lowers a score and scores stay in [0, 1]. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 20261122})
    void monotoneAndBounded(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 200; round++) {
            List<Double> scores = new ArrayList<>();
            double provision = RiskScores.anyOf(scores);
            double document = RiskScores.document(scores);
            assertThat(provision).isZero();
            assertThat(document).isZero();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                scores.add(random.nextDouble());
                double p = RiskScores.anyOf(scores);
                double d = RiskScores.document(scores);
                assertThat(p).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(provision);
                assertThat(d).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(document);
                provision = p;
                document = d;
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.35, 0.6, 0.85})
    void oneFindingScoresItsSeverity(double s) {
        assertThat(RiskScores.anyOf(List.of(s))).isEqualTo(s);
    }
}
