package org.adaldyq.risk.index;

import java.util.List;
import java.util.Map;

/**
 * What a search found: the total number of matching provisions, the best hits, and facet counts over every
 * match (not only the hits returned).
 *
 * @param total  how many provisions match
 * @param hits   the hits, in the requested order, at most the limit
 * @param facets counts per dimension ({@code factor}, {@code act}, {@code language}), each value to its
 *               count of matching provisions, highest count first
 */
public record SearchResults(long total, List<SearchHit> hits, Map<String, Map<String, Long>> facets) {

    /** Copies the hits and facets (keeping the facets' order). */
    public SearchResults {
        hits = List.copyOf(hits);
        facets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facets));
    }

    /** The counts of one dimension, empty when nothing matched. */
    public Map<String, Long> facet(String dimension) {
        return facets.getOrDefault(dimension, Map.of());
    }
}
