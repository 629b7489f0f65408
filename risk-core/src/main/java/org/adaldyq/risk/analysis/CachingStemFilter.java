package org.adaldyq.risk.analysis;

import java.io.IOException;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Stems each token with a stemmer function and records the unstemmed word and its stem in
 * {@link SurfaceAttribute}. It remembers the words it has seen (looked up by their characters, without
 * building a string): legal texts repeat a small vocabulary, so most words are stemmed once per chain and
 * share their string instances. One instance belongs to one chain (Lucene reuses chains per thread), so
 * the memory is not shared between threads; it is bounded.
 */
final class CachingStemFilter extends TokenFilter {
    private static final int MAX_ENTRIES = 50_000;

    private record Forms(String surface, String stem) {
    }

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final SurfaceAttribute forms = addAttribute(SurfaceAttribute.class);
    private final UnaryOperator<String> stemmer;
    private final CharArrayMap<Forms> seen = new CharArrayMap<>(1024, false);

    CachingStemFilter(TokenStream input, UnaryOperator<String> stemmer) {
        super(input);
        this.stemmer = stemmer;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        Forms f = seen.get(term.buffer(), 0, term.length());
        if (f == null) {
            String word = term.toString();
            f = new Forms(word, stemmer.apply(word));
            if (seen.size() >= MAX_ENTRIES) {
                seen.clear();
            }
            seen.put(word, f);
        }
        forms.setForms(f.surface(), f.stem());
        term.setEmpty().append(f.stem());
        return true;
    }
}
