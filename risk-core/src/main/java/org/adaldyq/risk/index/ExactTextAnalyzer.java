package org.adaldyq.risk.index;

import org.adaldyq.risk.analysis.CaseChangeSplitFilter;
import org.adaldyq.risk.analysis.CyrillicYoFilter;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The chain of the exact-phrase field: words as written, only lower-cased (and ё folded to е), never stemmed, so {@code exact:"вправе отказать"} matches only
 * those word forms. Words run together at a case change are cut as {@code LegalTextAnalyzer} cuts them, so the
 * index can take the scan's words for this field too.
 */
final class ExactTextAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new CaseChangeSplitFilter(source); // words as the language chains cut them
        stream = new LowerCaseFilter(stream);
        stream = new CyrillicYoFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new CyrillicYoFilter(new LowerCaseFilter(in));
    }
}
