package org.adaldyq.risk.index;

/**
 * How {@link ProvisionIndex#similar} builds its MoreLikeThis query from a provision's words. The defaults
 * are the best of the settings measured in {@code docs/index-and-search.md} («Similar provisions»).
 *
 * @param maxQueryTerms     the most distinctive words kept (by tf-idf)
 * @param minDocFreq        words of an indexed provision that fewer provisions than this have are left out
 *                          (2: words no other provision has cannot match); for a text, one less
 * @param maxDocFreqPercent words in more than this percentage of provisions are left out (too common)
 * @param minShouldMatch    share of the kept words a provision must have, in [0, 1]
 */
public record SimilarSettings(int maxQueryTerms, int minDocFreq, int maxDocFreqPercent, double minShouldMatch) {

    /** Requires positive counts, a percentage in [1, 100] and a share in [0, 1]. */
    public SimilarSettings {
        if (maxQueryTerms < 1 || minDocFreq < 1 || maxDocFreqPercent < 1 || maxDocFreqPercent > 100
                || !(minShouldMatch >= 0 && minShouldMatch <= 1)) {
            throw new IllegalArgumentException("bad similar settings: " + maxQueryTerms + ", " + minDocFreq + ", "
                    + maxDocFreqPercent + ", " + minShouldMatch);
        }
    }

    /** The measured defaults. */
    public static SimilarSettings defaults() {
        return new SimilarSettings(25, 2, 25, 0.3);
    }
}
