package org.adaldyq.risk.analysis;

import java.io.IOException;
import org.adaldyq.risk.lang.KazakhNormalizer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Folds the Latin letters that real Kazakh texts mix into Cyrillic words (i for і, Y for Ү, h for һ,
 * Latin look-alikes) into Cyrillic, so «мүмкiн» and «мүмкін» are one term. Offsets are untouched.
 */
public final class KazakhNormalizationFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    /** Normalises the tokens of {@code input}. */
    public KazakhNormalizationFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        KazakhNormalizer.normalize(term.buffer(), 0, term.length());
        return true;
    }
}
