package org.adaldyq.risk.procurement.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OcdsDatesTest {
    @Test
    void rfc3339Only() {
        assertThat(OcdsDates.parse("2020-01-01T00:00:00Z")).isNotNull();
        assertThat(OcdsDates.parse("2020-01-01t00:00:00z")).isNotNull();
        assertThat(OcdsDates.parse("2020-01-01 00:00:00+06:00")).isNotNull();
        assertThat(OcdsDates.parse("2020-01-01T00:00:00.123456+03:00")).isNotNull();
        assertThat(OcdsDates.parse("2020-01-01")).isNull();
        assertThat(OcdsDates.parse("2020-01-01T00:00:00")).isNull();
        assertThat(OcdsDates.parse("2020-01-01T00:00Z")).isNull();
        assertThat(OcdsDates.parse("not a date at all, really")).isNull();
        assertThat(OcdsDates.parse(null)).isNull();
    }

    @Test
    void agreesWithTheJdk() {
        for (String s : new String[] {"2020-02-29T23:59:59.999999999+14:00", "1999-12-31T00:00:00-05:30",
                "2016-06-07T20:36:24.169305+03:00", "2024-01-01T12:00:00.5Z"}) {
            assertThat(OcdsDates.parse(s)).as(s).isEqualTo(java.time.OffsetDateTime.parse(s).toInstant());
        }
        assertThat(OcdsDates.parse("2021-02-29T00:00:00Z")).isNull();
        assertThat(OcdsDates.parse("2021-02-28T00:00:00+0300")).isNull();
        assertThat(OcdsDates.parse("2021-02-28T24:00:00Z")).isNull();
    }

    @Test
    void wholeDaysTruncateTowardZero() {
        assertThat(OcdsDates.wholeDays(OcdsDates.parse("2020-01-01T00:00:00Z"), OcdsDates.parse("2020-01-15T23:59:59Z"))).isEqualTo(14);
        assertThat(OcdsDates.wholeDays(OcdsDates.parse("2020-01-15T23:59:59Z"), OcdsDates.parse("2020-01-01T00:00:00Z"))).isEqualTo(-14);
        assertThat(OcdsDates.wholeDays(OcdsDates.parse("2020-01-02T00:00:00.5Z"), OcdsDates.parse("2020-01-01T00:00:00Z"))).isEqualTo(-1);
    }
}
