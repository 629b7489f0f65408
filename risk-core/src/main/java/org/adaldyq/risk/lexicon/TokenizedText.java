package org.adaldyq.risk.lexicon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.adaldyq.risk.analysis.LegalTextAnalyzer;
import org.adaldyq.risk.analysis.SurfaceAttribute;
import org.adaldyq.risk.lang.KazakhNormalizer;
import org.adaldyq.risk.lang.Language;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/** A span of text run through the language's {@link LegalTextAnalyzer}, as a list of {@link Token}s. */
public final class TokenizedText {
    private static final Locale KK = Locale.forLanguageTag("kk");

    private final String text;
    private final Language language;
    private final List<Token> tokens;

    private TokenizedText(String text, Language language, List<Token> tokens) {
        this.text = text;
        this.language = language;
        this.tokens = List.copyOf(tokens);
    }

    /** Analyses {@code text[from, to)}; token offsets are offsets into {@code text}. */
    public static TokenizedText analyze(String text, int from, int to, Language language) {
        List<Token> tokens = new ArrayList<>();
        LegalTextAnalyzer analyzer = LegalTextAnalyzer.forLanguage(language);
        String span = text.substring(from, to);
        try (TokenStream ts = analyzer.tokenStream("text", span)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            SurfaceAttribute surface = ts.addAttribute(SurfaceAttribute.class);
            ts.reset();
            int sentence = 0;
            int previousEnd = 0;
            while (ts.incrementToken()) {
                int start = offset.startOffset();
                int end = offset.endOffset();
                if (!tokens.isEmpty() && startsNewSentence(span, previousEnd, start)) {
                    sentence++;
                }
                // The chain's stem filter shares its strings; a chain without one (never the built-in ones) still works.
                String written = surface.surface() != null ? surface.surface() : surface(span, start, end, language);
                String stem = surface.stem() != null ? surface.stem() : term.toString();
                tokens.add(new Token(stem, written, from + start, from + end, sentence));
                previousEnd = end;
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string cannot fail", e);
        }
        return new TokenizedText(text, language, tokens);
    }

    /** Analyses the whole of {@code text}. */
    public static TokenizedText analyze(String text, Language language) {
        return analyze(text, 0, text.length(), language);
    }

    /** The whole text the span was taken from; token offsets point into it. */
    public String text() {
        return text;
    }

    /** The language whose analyzer produced the tokens. */
    public Language language() {
        return language;
    }

    /** The tokens in text order; unmodifiable. */
    public List<Token> tokens() {
        return tokens;
    }

    /** Number of tokens. */
    public int size() {
        return tokens.size();
    }

    /** The token at position {@code i}, 0-based. */
    public Token get(int i) {
        return tokens.get(i);
    }

    private static String surface(String span, int start, int end, Language language) {
        return surfaceForm(span.substring(start, end), language);
    }

    /** A word as the matcher compares it unstemmed: normalised (Kazakh), lower-cased, ё folded. */
    static String surfaceForm(String word, Language language) {
        if (language == Language.KK) {
            word = KazakhNormalizer.normalize(word);
            return word.toLowerCase(KK);
        }
        word = word.toLowerCase(Locale.ROOT);
        return language == Language.RU ? word.replace('ё', 'е') : word;
    }

    static boolean startsNewSentence(String span, int gapStart, int gapEnd) {
        for (int i = gapStart; i < gapEnd; i++) {
            char c = span.charAt(i);
            switch (c) {
                case ';', ':', '!', '?', '\n', '\r' -> {
                    return true;
                }
                case '.' -> {
                    if (gapEnd < span.length() && i + 1 < gapEnd) {
                        char next = span.charAt(gapEnd);
                        if (Character.isUpperCase(next) || Character.isDigit(next)) {
                            return true;
                        }
                    }
                }
                default -> { }
            }
        }
        return false;
    }
}
