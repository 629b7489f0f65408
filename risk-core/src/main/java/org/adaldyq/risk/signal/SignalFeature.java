package org.adaldyq.risk.signal;

/**
 * One binary feature of a provision and where its first occurrence stands (offsets in the document
 * text), or {@code -1, -1} for a feature of the provision as a whole (its length, its article).
 */
public record SignalFeature(String name, int start, int end) {

    /** True when the feature stands at a place in the text, false for one of the provision as a whole. */
    public boolean located() {
        return start >= 0;
    }
}
