package org.adaldyq.risk.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Folds ё into е: Russian legal texts write «определённый» and «определенный» for one word. */
public final class CyrillicYoFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    /** Folds ё in the tokens of {@code input}. */
    public CyrillicYoFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] buf = term.buffer();
        for (int i = 0; i < term.length(); i++) {
            if (buf[i] == 'ё') {
                buf[i] = 'е';
            } else if (buf[i] == 'Ё') {
                buf[i] = 'Е';
            }
        }
        return true;
    }
}
