package org.adaldyq.risk.procurement.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The dashboard shows evidence numbers as a person reads them; the JSON keeps the exact doubles. */
class EvidenceShownTest {
    @Test
    void floatingPointNoiseIsRoundedAwayAndWholeNumbersLoseTheirPointZero() {
        // R031 on a Ukrainian process: 0.99 × 84,543.83 as a double
        assertThat(TendersDashboard.shown(0.99 * 84543.83)).isEqualTo("83698.3917");
        assertThat(TendersDashboard.shown(83698.39170000001)).isEqualTo("83698.3917");
        assertThat(TendersDashboard.shown(15.0)).isEqualTo("15");
        assertThat(TendersDashboard.shown(0.15)).isEqualTo("0.15");
        assertThat(TendersDashboard.shown(1.0E20)).isEqualTo("100000000000000000000");
        assertThat(TendersDashboard.shown(2.5f)).isEqualTo("2.5");
    }

    @Test
    void otherValuesAreShownAsTheyAre() {
        assertThat(TendersDashboard.shown(5L)).isEqualTo("5");
        assertThat(TendersDashboard.shown(7)).isEqualTo("7");
        assertThat(TendersDashboard.shown("open")).isEqualTo("open");
        assertThat(TendersDashboard.shown(null)).isEqualTo("null");
        assertThat(TendersDashboard.shown(Double.NaN)).isEqualTo("NaN");
        assertThat(TendersDashboard.shown(java.util.List.of("open", "selective"))).isEqualTo("[open, selective]");
    }
}
