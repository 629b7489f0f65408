package org.adaldyq.risk.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Splits words that the source ran together at a lower-to-upper case change («утверждаетсяПрезидентом» →
 * «утверждается», «Президентом»), as transcribed legal texts often do. Offsets of the parts point into the
 * original text. Words without such a change — nearly all — pass through untouched, which keeps this far
 * cheaper than a general word-delimiter filter.
 */
public final class CaseChangeSplitFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);

    private char[] pending = new char[64];
    private int pendingLength;
    private int pendingFrom;
    private int pendingStartOffset;

    /** Splits the words of {@code input}. */
    public CaseChangeSplitFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pendingFrom < pendingLength) {
            emitNextPart();
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        int split = nextSplit(term.buffer(), 0, term.length());
        if (split < 0 || offset.endOffset() - offset.startOffset() != term.length()) {
            return true;
        }
        if (pending.length < term.length()) {
            pending = new char[term.length()];
        }
        System.arraycopy(term.buffer(), 0, pending, 0, term.length());
        pendingLength = term.length();
        pendingFrom = 0;
        pendingStartOffset = offset.startOffset();
        emitNextPart();
        return true;
    }

    private void emitNextPart() {
        int end = nextSplit(pending, pendingFrom, pendingLength);
        if (end < 0) {
            end = pendingLength;
        }
        clearAttributes();
        term.copyBuffer(pending, pendingFrom, end - pendingFrom);
        offset.setOffset(pendingStartOffset + pendingFrom, pendingStartOffset + end);
        position.setPositionIncrement(1);
        pendingFrom = end;
    }

    /** Index of the first upper-case letter that follows a lower-case one in buf[from, to), or -1. */
    private static int nextSplit(char[] buf, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (isUpper(buf[i]) && Character.isLowerCase(buf[i - 1])) {
                return i;
            }
        }
        return -1;
    }

    /** Character.isUpperCase with the common alphabets answered without a table lookup. */
    private static boolean isUpper(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z';
        }
        if (c >= 0x0430 && c <= 0x045F) {
            return false; // Cyrillic small letters, the bulk of kk and ru text
        }
        return Character.isUpperCase(c);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pendingLength = 0;
        pendingFrom = 0;
    }
}
