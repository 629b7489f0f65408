package org.adaldyq.risk.procurement.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class Type8QuantileTest {
    @Test
    void matchesRType8() {
        double[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        // R: quantile(1:10, c(.25, .5, .75), type = 8) = 2.916667 5.5 8.083333
        assertThat(Type8Quantile.of(x, 0.25)).isCloseTo(2.916667, within(1e-6));
        assertThat(Type8Quantile.of(x, 0.5)).isCloseTo(5.5, within(1e-12));
        assertThat(Type8Quantile.of(x, 0.75)).isCloseTo(8.083333, within(1e-6));
    }

    @Test
    void edges() {
        assertThat(Type8Quantile.of(new double[0], 0.25)).isNaN();
        assertThat(Type8Quantile.of(new double[] {4}, 0.25)).isEqualTo(4);
        assertThat(Type8Quantile.of(new double[] {4, 1}, 0.25)).isEqualTo(1); // h = 0.83 < 1: minimum
        assertThat(Type8Quantile.of(new double[] {4, 1}, 0.75)).isEqualTo(4); // h = 2.08 >= n: maximum
        assertThat(Type8Quantile.of(new double[] {3, 1, 2}, 0.0)).isEqualTo(1);
        assertThat(Type8Quantile.of(new double[] {3, 1, 2}, 1.0)).isEqualTo(3);
    }

    @Test
    void fences() {
        Quartiles q = Quartiles.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
        assertThat(q.lowerFence()).isCloseTo(q.q1() - 1.5 * (q.q3() - q.q1()), within(0.0));
        assertThat(q.upperFence()).isCloseTo(8.083333 + 1.5 * (8.083333 - 2.916667), within(1e-5));
        assertThat(Quartiles.of(new double[0])).isNull();
    }
}
