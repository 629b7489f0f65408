package org.adaldyq.risk.lexicon;

/** One position of a trigger pattern, and the test a token must pass to fill it. */
sealed interface PatternElement {

    /**
     * An ordinary word: the token's analysed (stemmed) form equals this one.
     *
     * @param term    the entry word as analysed
     * @param surface the entry word as written (lower case, normalised): what of a matching word the entry names
     */
    record Stem(String term, String surface) implements PatternElement {
    }

    /** {@code "word"}: the token as written (lower case, normalised, not stemmed) equals this one. */
    record Surface(String surface) implements PatternElement {
    }

    /** {@code word*}: the token as written starts with this prefix. */
    record Prefix(String prefix) implements PatternElement {
    }

    /** {@code <num>}: a number in digits or a number word of the language's NUMBER_WORD list. */
    record Number() implements PatternElement {
    }

    /** {@code <CONCEPT>}: any single word listed in that concept. */
    record ConceptClass(String concept) implements PatternElement {
    }

    /** {@code ?}: any one word. */
    record Any() implements PatternElement {
    }
}
