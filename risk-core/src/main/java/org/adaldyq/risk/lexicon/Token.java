package org.adaldyq.risk.lexicon;

/**
 * One analysed word of a text.
 *
 * @param term     the analysed form (normalised, lower-cased, stemmed)
 * @param surface  the word as written, normalised and lower-cased but not stemmed
 * @param start    offset of the first char in the original text
 * @param end      offset after the last char
 * @param sentence index of the sentence (clause) in the analysed span: a new one starts after
 *                 {@code ; : ! ?}, a line break, or a full stop followed by a capital or a digit
 */
public record Token(String term, String surface, int start, int end, int sentence) {
}
