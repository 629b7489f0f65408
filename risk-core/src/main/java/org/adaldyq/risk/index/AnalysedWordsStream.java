package org.adaldyq.risk.index;

import java.util.List;
import org.adaldyq.risk.lexicon.Token;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The words the scan already analysed, replayed as a Lucene token stream, so the index does not analyse the
 * text again: the stems for the language field (what {@code LegalTextAnalyzer} gives), or the words as
 * written, lower-cased and ё folded, for the exact field (what {@link ExactTextAnalyzer} gives; both chains
 * cut the text into the same words). Offsets are made relative to the indexed text.
 */
final class AnalysedWordsStream extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);

    private final List<Token> tokens;
    private final String documentText;
    private final int base;
    private final int length;
    private final boolean exact;
    private int next;

    /**
     * @param tokens       the scan's tokens, offsets in {@code documentText}
     * @param documentText the text the tokens were cut from
     * @param base         offset of the indexed text in {@code documentText}
     * @param length       length of the indexed text
     * @param exact        the written words (exact field) rather than the stems
     */
    AnalysedWordsStream(List<Token> tokens, String documentText, int base, int length, boolean exact) {
        this.tokens = tokens;
        this.documentText = documentText;
        this.base = base;
        this.length = length;
        this.exact = exact;
    }

    @Override
    public boolean incrementToken() {
        if (next >= tokens.size()) {
            return false;
        }
        clearAttributes();
        Token t = tokens.get(next++);
        if (exact) {
            char[] buf = term.resizeBuffer(t.end() - t.start() + 2);
            int n = 0;
            for (int i = t.start(); i < t.end(); ) {
                int cp = documentText.codePointAt(i);
                i += Character.charCount(cp);
                int lower = Character.toLowerCase(cp);
                if (n + 2 > buf.length) {
                    buf = term.resizeBuffer(n + 2);
                }
                n += Character.toChars(lower == 'ё' ? 'е' : lower, buf, n);
            }
            term.setLength(n);
        } else {
            term.append(t.term());
        }
        offset.setOffset(t.start() - base, t.end() - base);
        position.setPositionIncrement(1);
        return true;
    }

    @Override
    public void end() throws java.io.IOException {
        super.end();
        offset.setOffset(length, length);
    }

    @Override
    public void reset() throws java.io.IOException {
        super.reset();
        next = 0;
    }
}
