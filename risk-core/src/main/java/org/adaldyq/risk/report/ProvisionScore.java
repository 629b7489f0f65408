package org.adaldyq.risk.report;

import java.util.List;

/** A provision that carries findings: its citation, offsets, combined score and factor codes. */
public record ProvisionScore(String provision, int start, int end, double score, List<String> factors) {
    public ProvisionScore {
        factors = List.copyOf(factors);
    }
}
