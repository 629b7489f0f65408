package org.adaldyq.risk.lexicon;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The words of a document as the scan's analysis read them: one {@link TokenizedText} per span it analysed
 * (a provision's own text, a list's lead-in), by the span's start. Whoever needs the analysed words of a
 * provision again (the index) takes them here instead of running the analysis a second time. Immutable.
 */
public final class DocumentWords {
    /** No words kept: a scan that was not asked for them. */
    public static final DocumentWords NONE = new DocumentWords(new TreeMap<>());

    private final TreeMap<Integer, TokenizedText> spans;

    private DocumentWords(TreeMap<Integer, TokenizedText> spans) {
        this.spans = spans;
    }

    /**
     * The words of analysed spans; a span's key is its start offset in the document text, and a later span
     * with the same start replaces an earlier one (a lead-in is shared by the items of its list).
     *
     * @param spans start offset → the span's tokens, their offsets in the document text
     */
    public static DocumentWords of(Map<Integer, TokenizedText> spans) {
        return spans.isEmpty() ? NONE : new DocumentWords(new TreeMap<>(spans));
    }

    /** Whether no span was kept. */
    public boolean isEmpty() {
        return spans.isEmpty();
    }

    /**
     * The tokens of the analysed spans that start within {@code [start, end)} and end by {@code end}, in text
     * order; empty when some part of the range was not analysed as whole spans (the caller analyses it
     * itself then).
     *
     * @param start offset in the document text
     * @param end   end offset (exclusive)
     * @return the tokens, or empty when the range is not covered
     */
    public List<Token> within(int start, int end) {
        List<Token> out = new ArrayList<>();
        Collection<TokenizedText> inside = spans.subMap(start, true, end, false).values();
        int covered = start;
        String text = "";
        for (TokenizedText span : inside) {
            text = span.text();
            if (span.size() == 0) {
                continue;
            }
            Token first = span.get(0);
            Token last = span.get(span.size() - 1);
            if (first.start() < covered || last.end() > end || !blank(span.text(), covered, first.start())) {
                return List.of();
            }
            out.addAll(span.tokens());
            covered = last.end();
        }
        if (out.isEmpty() || !blank(text, covered, end)) {
            return List.of();
        }
        return out;
    }

    /** Whether the text between two analysed spans holds no letter or digit: nothing a token could come from. */
    private static boolean blank(String text, int from, int to) {
        for (int i = from; i < Math.min(to, text.length()); i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
