package org.adaldyq.risk.analysis;

import java.util.EnumMap;
import java.util.Map;
import org.adaldyq.risk.lang.Language;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.tartarus.snowball.ext.PorterStemmer;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * The analysis chains used to match trigger lexicons against legal text, one per language. No stop
 * words are removed (triggers are phrases such as «по своему усмотрению» or "at its discretion", whose
 * little words matter), and offsets always point into the original text.
 *
 * <ul>
 *   <li>all: {@link StandardTokenizer}, then words run together in the source
 *       («утверждаетсяПрезидентом») are split at a lower-to-upper case change ({@link CaseChangeSplitFilter});</li>
 *   <li>kk: {@link KazakhNormalizationFilter}, lower case, {@link KazakhSuffixStripper};</li>
 *   <li>ru: lower case, ё → е, Snowball Russian stemmer with a per-chain stem cache;</li>
 *   <li>en: possessive 's removed, lower case, Porter stemmer (Snowball's), function words (Lucene's English
 *       stop set) left as written.</li>
 * </ul>
 * Every chain ends in a {@link CachingStemFilter}, which also records the unstemmed word in
 * {@link SurfaceAttribute}.
 *
 * <p>Analyzers are thread-safe (Lucene reuses components per thread); share the instances from
 * {@link #forLanguage(Language)}.
 */
public final class LegalTextAnalyzer extends Analyzer {

    /**
     * English function words are left unstemmed: Porter folds short words together ("as" and "a" both
     * become "a", "is" becomes "i"), so "as necessary" would match "a necessary". Lucene's English stop
     * set names them.
     */
    private static final org.apache.lucene.analysis.CharArraySet UNSTEMMED_EN =
            org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    private static final Map<Language, LegalTextAnalyzer> SHARED = new EnumMap<>(Language.class);

    static {
        for (Language l : Language.values()) {
            SHARED.put(l, new LegalTextAnalyzer(l));
        }
    }

    private final Language language;

    private LegalTextAnalyzer(Language language) {
        this.language = language;
    }

    /** The shared analyzer for a language. */
    public static LegalTextAnalyzer forLanguage(Language language) {
        return SHARED.get(language);
    }

    /** The language whose chain this analyzer builds. */
    public Language language() {
        return language;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new CaseChangeSplitFilter(source);
        switch (language) {
            case KK -> {
                stream = new KazakhNormalizationFilter(stream);
                stream = new LowerCaseFilter(stream);
                stream = new CachingStemFilter(stream, KazakhSuffixStripper::stem);
            }
            case RU -> {
                stream = new LowerCaseFilter(stream);
                stream = new CyrillicYoFilter(stream);
                RussianStemmer russian = new RussianStemmer();
                stream = new CachingStemFilter(stream, word -> {
                    russian.setCurrent(word);
                    russian.stem();
                    return russian.getCurrent();
                });
            }
            case EN -> {
                stream = new EnglishPossessiveFilter(stream);
                stream = new LowerCaseFilter(stream);
                PorterStemmer porter = new PorterStemmer();
                stream = new CachingStemFilter(stream, word -> {
                    if (UNSTEMMED_EN.contains(word)) {
                        return word;
                    }
                    porter.setCurrent(word);
                    porter.stem();
                    return porter.getCurrent();
                });
            }
        }
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        TokenStream stream = in;
        if (language == Language.KK) {
            stream = new KazakhNormalizationFilter(stream);
        }
        stream = new LowerCaseFilter(stream);
        if (language == Language.RU) {
            stream = new CyrillicYoFilter(stream);
        }
        return stream;
    }
}
