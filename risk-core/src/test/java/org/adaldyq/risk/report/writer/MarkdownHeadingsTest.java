package org.adaldyq.risk.report.writer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Which lines of a Markdown draft are headings, and how much of the line their marks take. */
class MarkdownHeadingsTest {
    private static final TreeSet<Integer> NO_QUOTES = new TreeSet<>();

    private static int marker(String line, TreeSet<Integer> edges) {
        return MarkdownHeadings.marker(line, 0, line.length(), edges);
    }

    @Test
    void oneToSixHashesAndASpaceMakeAHeading() {
        assertThat(marker("# Заң", NO_QUOTES)).isEqualTo(2);
        assertThat(marker("### 7-бап. Жеңілдіктер", NO_QUOTES)).isEqualTo(4);
        assertThat(marker("###### Статья 1", NO_QUOTES)).isEqualTo(7);
    }

    @Test
    void otherLinesAreNoHeadings() {
        assertThat(marker("####### seven hashes", NO_QUOTES)).isZero();
        assertThat(marker("#hashtag", NO_QUOTES)).isZero();
        assertThat(marker("###", NO_QUOTES)).isZero();
        assertThat(marker("1. Уәкілетті орган # құқылы", NO_QUOTES)).isZero();
        assertThat(marker("", NO_QUOTES)).isZero();
    }

    @Test
    void aQuoteThatBeginsInTheMarksKeepsThemShown() {
        assertThat(marker("## Статья 5", new TreeSet<>(java.util.List.of(0, 5)))).isZero();
        assertThat(marker("## Статья 5", new TreeSet<>(java.util.List.of(2)))).isZero();
        // a quote that begins right after the marks leaves them hidden
        assertThat(marker("## Статья 5", new TreeSet<>(java.util.List.of(3, 9)))).isEqualTo(3);
    }
}
