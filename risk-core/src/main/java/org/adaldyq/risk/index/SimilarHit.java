package org.adaldyq.risk.index;

/**
 * A provision that says the same thing as the one asked about.
 *
 * @param hit   the provision, its snippet marking the words it shares with the query
 * @param match how it was found
 */
public record SimilarHit(SearchHit hit, Match match) {

    /** How a similar provision was found. */
    public enum Match {
        /** Its words (Lucene MoreLikeThis on the language-analysed text, same language). */
        TEXT,
        /** The same citation in the other official language version of the act (kk/ru twins). */
        TWIN
    }
}
