package org.adaldyq.risk.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a field goes into CSV: as it is, quoted with its quotes doubled, or made text when a spreadsheet would compute it. */
class SearchCsvTest {

    @Test
    void aFieldIsQuotedOnlyWhenItMustBe() {
        assertThat(SearchCsv.field("Статья 5, пункт 2")).isEqualTo("\"Статья 5, пункт 2\"");
        assertThat(SearchCsv.field("the “Route 66” Act")).isEqualTo("the “Route 66” Act");
        assertThat(SearchCsv.field("he said \"may\"")).isEqualTo("\"he said \"\"may\"\"\"");
        assertThat(SearchCsv.field("first line\nsecond")).isEqualTo("\"first line\nsecond\"");
        assertThat(SearchCsv.field("")).isEmpty();
        assertThat(SearchCsv.field(null)).isEmpty();
    }

    @Test
    void aWouldBeFormulaIsText() {
        assertThat(SearchCsv.field("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(SearchCsv.field("+7 days")).isEqualTo("'+7 days");
        assertThat(SearchCsv.field("-")).isEqualTo("'-");
        assertThat(SearchCsv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SearchCsv.field("1 = 1")).isEqualTo("1 = 1");
    }
}
