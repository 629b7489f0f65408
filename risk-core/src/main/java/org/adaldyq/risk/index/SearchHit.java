package org.adaldyq.risk.index;

import java.util.List;
import java.util.Optional;
import org.adaldyq.risk.finding.Severity;
import org.adaldyq.risk.lang.Language;

/**
 * One provision found.
 *
 * @param act         the act id
 * @param title       the act's title
 * @param path        the file the act was read from
 * @param citation    the provision's citation ({@code Article 5, point 1})
 * @param start       offset of the provision's text in the act's extracted text
 * @param language    the act's language
 * @param leadIn      whether this is the lead-in of a list (the words before its items, cited as the list's
 *                    parent) rather than a provision
 * @param relevance   Lucene's relevance score for the query
 * @param score       the provision's risk score in [0, 1] (0 without findings)
 * @param maxSeverity the highest severity of its findings, empty without findings
 * @param factors     the factor codes of its findings, sorted
 * @param expert      the expert's decision on each factor the review of the act confirmed ({@code confirmed}) or
 *                    added ({@code added}), by code; empty when the act was indexed without a review or the expert
 *                    left its findings as found (a factor struck out is not among {@code factors})
 * @param snippet     the best passage with the matched words; offsets are exact in the provision's text
 *                    ({@code start + snippet offset} in the act's text)
 * @param references  the other acts it names by title, each resolved to the indexed act with that title or
 *                    left unresolved
 */
public record SearchHit(String act, String title, String path, String citation, int start, Language language, boolean leadIn,
                        double relevance, double score, Optional<Severity> maxSeverity, List<String> factors,
                        java.util.Map<String, String> expert, Snippet snippet, List<ActReference> references) {

    /** Copies the factors, decisions and references. */
    public SearchHit {
        factors = List.copyOf(factors);
        expert = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(expert));
        references = List.copyOf(references);
    }
}
