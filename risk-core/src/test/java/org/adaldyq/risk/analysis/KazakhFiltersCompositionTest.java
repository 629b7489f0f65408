package org.adaldyq.risk.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

/** The Kazakh filters compose with Lucene's own, for hosts that build their own analysers (e.g. to index acts). */
class KazakhFiltersCompositionTest {

    @Test
    void normaliseLowerCaseAndStemInAPlainLuceneChain() throws IOException {
        Analyzer analyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer t = new StandardTokenizer();
                TokenStream s = new KazakhStemFilter(new LowerCaseFilter(new KazakhNormalizationFilter(t)));
                return new TokenStreamComponents(t, s);
            }
        };
        List<String> terms = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", "Yкiметi құжаттарды мүмкiн")) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                terms.add(term.toString());
            }
            ts.end();
        }
        assertThat(terms).containsExactly(KazakhSuffixStripper.stem("үкіметі"), "құжат", "мүмкін");
    }
}
