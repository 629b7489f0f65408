package org.adaldyq.risk.structure;

import java.util.List;

/** Placeholder until the segmenter lands; same shape as the final record. */
public record Provision(int index, String citation, List<CitationLevel> path, int start, int end,
        int leadInStart, int leadInEnd, String articleCitation) {
    public boolean hasLeadIn() {
        return leadInStart >= 0 && leadInEnd > leadInStart;
    }
}
