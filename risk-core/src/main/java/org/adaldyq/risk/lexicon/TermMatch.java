package org.adaldyq.risk.lexicon;

/**
 * A lexicon entry found in a text.
 *
 * @param concept     the concept (lexicon file name) that matched, e.g. {@code OPTIONAL_VERB}
 * @param firstToken  index of the first matched token in the analysed span
 * @param lastToken   index of the last matched token
 * @param start       char offset of the first matched word in the original text
 * @param end         char offset after the last matched word
 * @param sentence    sentence index of the first token
 * @param origin      {@code file:line} of the lexicon entry that matched
 * @param lastWordStem the beginning of the last matched word (as written, lower case, normalised) that the
 *                    entry itself names — {@code орган} of «органына» for the entry {@code орган*} — so that
 *                    the rest is the word's inflection ({@link GrammaticalCase}); null when the entry does not
 *                    say (a {@code <CONCEPT>} or a number)
 */
public record TermMatch(String concept, int firstToken, int lastToken, int start, int end, int sentence, String origin,
                        String lastWordStem) {
}
