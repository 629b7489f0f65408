package org.adaldyq.risk.index;

import java.util.List;
import java.util.Objects;

/**
 * A passage of a provision's text with the words the query matched.
 *
 * @param text  the passage, cut from the provision's text
 * @param start offset of the passage in the provision's text
 * @param hits  the matched words, as offsets into the provision's text, in order
 */
public record Snippet(String text, int start, List<Span> hits) {

    /**
     * A matched word or phrase.
     *
     * @param start offset in the provision's text
     * @param end   end offset (exclusive)
     */
    public record Span(int start, int end) {
    }

    /** Copies the hits. */
    public Snippet {
        Objects.requireNonNull(text, "text");
        hits = List.copyOf(hits);
    }

    /** The passage with each hit between {@code open} and {@code close}, {@code **like this**} for Markdown. */
    public String marked(String open, String close) {
        StringBuilder sb = new StringBuilder();
        int at = 0;
        for (Span h : hits) {
            int s = h.start() - start;
            int e = h.end() - start;
            if (s < at || e > text.length()) {
                continue;
            }
            sb.append(text, at, s).append(open).append(text, s, e).append(close);
            at = e;
        }
        return sb.append(text.substring(at)).toString();
    }
}
