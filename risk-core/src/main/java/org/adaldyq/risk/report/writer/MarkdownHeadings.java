package org.adaldyq.risk.report.writer;

import java.util.Locale;
import java.util.TreeSet;
import org.adaldyq.risk.report.ScannedDocument;

/**
 * Headings of a Markdown draft («### 7-бап. …»): the pages and the reviewed DOCX show them as headings, without
 * their hashes, which stay in the scanned text (the findings' offsets count them).
 */
final class MarkdownHeadings {
    private MarkdownHeadings() {
    }

    /** Whether the scanned text is Markdown (by its media type or its file name). */
    static boolean in(ScannedDocument scanned) {
        return scanned.document().mediaType().contains("markdown")
                || scanned.document().source().toLowerCase(Locale.ROOT).matches(".*\\.(md|markdown)");
    }

    /**
     * The length of a heading's marks at the start of a line (one to six hashes and the space after them), or 0
     * when the line is no heading or a finding's quote begins or ends inside them ({@code edges}: the offsets
     * where quotes begin and end).
     */
    static int marker(String text, int lineStart, int lineEnd, TreeSet<Integer> edges) {
        int i = lineStart;
        while (i < lineEnd && i - lineStart < 6 && text.charAt(i) == '#') {
            i++;
        }
        if (i == lineStart || i >= lineEnd || text.charAt(i) != ' ') {
            return 0;
        }
        Integer edge = edges.ceiling(lineStart);
        return edge != null && edge <= i ? 0 : i + 1 - lineStart;
    }
}
