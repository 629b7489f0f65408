package org.adaldyq.risk.index;

import org.adaldyq.risk.analysis.CyrillicYoFilter;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The chain of the exact-phrase field: words as written, only lower-cased (and ё folded to е), never stemmed, so {@code exact:"вправе отказать"} matches only
 * those word forms.
 */
final class ExactTextAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        stream = new CyrillicYoFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new CyrillicYoFilter(new LowerCaseFilter(in));
    }
}
