package org.adaldyq.risk.structure;

import java.util.List;
import java.util.Objects;

/**
 * A provision: the smallest numbered unit of a legal text (sub-point, point, part, article; a section
 * level of a US act), the unit findings are reported on.
 *
 * @param index           0-based position in document order
 * @param citation        English citation, {@link CitationLevel#format(List)} of {@code path}
 * @param path            the citation as levels
 * @param start           offset of the provision's own text in the document text
 * @param end             end of the provision's own text (exclusive)
 * @param leadInStart     offset of the lead-in words of a list item (the parent's text ending with ":"
 *                        or "—" before the list), or -1
 * @param leadInEnd       end of the lead-in (exclusive), or -1
 * @param articleCitation the enclosing article or section ("Article 12", "Section 3"): the scope rules
 *                        look in for a missing element (a deadline, an appeal)
 */
public record Provision(int index, String citation, List<CitationLevel> path, int start, int end,
                        int leadInStart, int leadInEnd, String articleCitation) {

    /** Requires a citation and an article citation, and offsets in order; a lead-in has both ends or neither. */
    public Provision {
        Objects.requireNonNull(citation, "citation");
        path = List.copyOf(path);
        Objects.requireNonNull(articleCitation, "articleCitation");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad offsets [" + start + ", " + end + ") for " + citation);
        }
        if ((leadInStart < 0) != (leadInEnd < 0) || (leadInStart >= 0 && leadInEnd < leadInStart)) {
            throw new IllegalArgumentException("bad lead-in [" + leadInStart + ", " + leadInEnd + ") for " + citation);
        }
    }

    /** True for a list item with lead-in words (its parent's text ending with ":" or "—"). */
    public boolean hasLeadIn() {
        return leadInStart >= 0;
    }

    /** The provision's own text, cut from the document text it was segmented from. */
    public String text(String documentText) {
        return documentText.substring(start, end);
    }

    /** The lead-in words, or the empty string. */
    public String leadIn(String documentText) {
        return hasLeadIn() ? documentText.substring(leadInStart, leadInEnd) : "";
    }

    /** Lead-in and own text joined by a newline, as the annotated data shows list items. */
    public String textWithLeadIn(String documentText) {
        return hasLeadIn() ? leadIn(documentText) + "\n" + text(documentText) : text(documentText);
    }

    Provision withIndex(int newIndex) {
        return new Provision(newIndex, citation, path, start, end, leadInStart, leadInEnd, articleCitation);
    }
}
