package org.adaldyq.risk.report;

import java.util.List;

/**
 * A provision that carries findings: its citation, offsets, combined score and factor codes.
 *
 * @param provision the provision's citation
 * @param start     offset of the provision's text in the document text
 * @param end       end of the provision's text (exclusive)
 * @param score     the combined score of its findings, in [0, 1]
 * @param factors   the codes of the factors found in it
 */
public record ProvisionScore(String provision, int start, int end, double score, List<String> factors) {
    /** Copies the factor codes. */
    public ProvisionScore {
        factors = List.copyOf(factors);
    }
}
