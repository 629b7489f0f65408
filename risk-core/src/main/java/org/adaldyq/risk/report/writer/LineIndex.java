package org.adaldyq.risk.report.writer;

import java.util.Arrays;

/** Where the lines of a text start, for the line (0-based) of an offset and the offset a line starts at. */
final class LineIndex {
    private final int[] starts;

    LineIndex(String text) {
        int n = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        starts = new int[n];
        for (int i = 0, line = 1; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[line++] = i + 1;
            }
        }
    }

    /** The 0-based line that holds {@code offset}. */
    int lineOf(int offset) {
        int i = Arrays.binarySearch(starts, offset);
        return i >= 0 ? i : -i - 2;
    }

    /** The offset at which {@code line} (0-based) starts. */
    int start(int line) {
        return starts[line];
    }
}
