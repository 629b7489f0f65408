package org.adaldyq.risk.lexicon;

/**
 * A lexicon entry found in a text.
 *
 * @param concept    the concept (lexicon file name) that matched, e.g. {@code OPTIONAL_VERB}
 * @param firstToken index of the first matched token in the analysed span
 * @param lastToken  index of the last matched token
 * @param start      char offset of the first matched word in the original text
 * @param end        char offset after the last matched word
 * @param sentence   sentence index of the first token
 * @param origin     {@code file:line} of the lexicon entry that matched
 */
public record TermMatch(String concept, int firstToken, int lastToken, int start, int end, int sentence, String origin) {
}
