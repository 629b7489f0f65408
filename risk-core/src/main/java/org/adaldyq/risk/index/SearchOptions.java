package org.adaldyq.risk.index;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.adaldyq.risk.lang.Language;

/**
 * How to run a search: filters, ranking and how many hits. Immutable; start from {@link #defaults()} and
 * change one thing at a time ({@code SearchOptions.defaults().withLanguage(Language.KK).withLimit(5)}).
 *
 * @param factors  keep provisions carrying at least one of these factor codes; empty keeps all
 * @param language search only provisions in this language (and analyse the query with its chain only);
 *                 empty searches every language, the query analysed with each language's chain
 * @param act      keep only provisions of this act id; empty keeps all
 * @param minScore keep provisions whose risk score is at least this (0 keeps all, also those without findings)
 * @param limit    the most hits returned (facet counts always count every match)
 * @param ranking  order of the hits
 * @param exact    search the exact (lower-cased, unstemmed) field instead of the language-analysed one
 * @param confirmed keep only provisions with a factor the expert's review confirmed or added (with
 *                 {@code factors}: one of those factors); acts indexed without a review have none
 */
public record SearchOptions(Set<String> factors, Optional<Language> language, Optional<String> act,
                            double minScore, int limit, Ranking ranking, boolean exact, boolean confirmed) {

    /** The order of the hits. */
    public enum Ranking {
        /** Lucene relevance (BM25), best first. */
        RELEVANCE,
        /** Risk score of the provision, highest first; relevance breaks ties. */
        SCORE
    }

    /** Copies the factors; requires a limit of at least 1 and a minimum score in [0, 1]. */
    public SearchOptions {
        factors = Set.copyOf(factors);
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(act, "act");
        Objects.requireNonNull(ranking, "ranking");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        if (!(minScore >= 0.0 && minScore <= 1.0)) {
            throw new IllegalArgumentException("minimum score must be in [0, 1]: " + minScore);
        }
    }

    /** No filters, every language, 10 hits by relevance, on the language-analysed text. */
    public static SearchOptions defaults() {
        return new SearchOptions(Set.of(), Optional.empty(), Optional.empty(), 0.0, 10, Ranking.RELEVANCE, false, false);
    }

    /** These options keeping only provisions with one of {@code codes}. */
    public SearchOptions withFactors(Set<String> codes) {
        return new SearchOptions(codes, language, act, minScore, limit, ranking, exact, confirmed);
    }

    /** These options in one language. */
    public SearchOptions withLanguage(Language lang) {
        return new SearchOptions(factors, Optional.of(lang), act, minScore, limit, ranking, exact, confirmed);
    }

    /** These options within one act. */
    public SearchOptions withAct(String actId) {
        return new SearchOptions(factors, language, Optional.of(actId), minScore, limit, ranking, exact, confirmed);
    }

    /** These options keeping provisions scored at least {@code min}. */
    public SearchOptions withMinScore(double min) {
        return new SearchOptions(factors, language, act, min, limit, ranking, exact, confirmed);
    }

    /** These options returning at most {@code n} hits. */
    public SearchOptions withLimit(int n) {
        return new SearchOptions(factors, language, act, minScore, n, ranking, exact, confirmed);
    }

    /** These options ranked by {@code order}. */
    public SearchOptions withRanking(Ranking order) {
        return new SearchOptions(factors, language, act, minScore, limit, order, exact, confirmed);
    }

    /** These options on the exact field ({@code true}) or the language-analysed one. */
    public SearchOptions withExact(boolean onExactField) {
        return new SearchOptions(factors, language, act, minScore, limit, ranking, onExactField, confirmed);
    }

    /** These options keeping only provisions with a factor the expert confirmed or added ({@code true}), or all of them. */
    public SearchOptions withConfirmed(boolean onlyConfirmed) {
        return new SearchOptions(factors, language, act, minScore, limit, ranking, exact, onlyConfirmed);
    }
}
