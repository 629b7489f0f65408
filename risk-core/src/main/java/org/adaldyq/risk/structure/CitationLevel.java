package org.adaldyq.risk.structure;

/** Placeholder until the segmenter lands. */
public record CitationLevel(String kind, String number) {
}
