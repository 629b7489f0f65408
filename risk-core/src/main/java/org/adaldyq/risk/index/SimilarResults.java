package org.adaldyq.risk.index;

import java.util.List;
import java.util.Optional;

/**
 * What {@link ProvisionIndex#similar} found.
 *
 * @param source   the provision asked about (empty when asked with a text)
 * @param twinAct  the other official language version of the source's act, when it is indexed
 * @param formulas for each finding of the source provision, how many other acts use its words
 * @param hits     the twin provision first (when there is one), then the provisions most alike, best first
 */
public record SimilarResults(Optional<SearchHit> source, Optional<String> twinAct, List<FormulaUse> formulas, List<SimilarHit> hits) {

    /** Copies the lists. */
    public SimilarResults {
        formulas = List.copyOf(formulas);
        hits = List.copyOf(hits);
    }
}
