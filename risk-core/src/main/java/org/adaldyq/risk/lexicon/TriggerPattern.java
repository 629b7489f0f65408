package org.adaldyq.risk.lexicon;

import java.util.List;

/**
 * A compiled lexicon entry: the concept it belongs to, its elements in order, and how many extra
 * words may be interleaved ({@code ~N}).
 *
 * @param origin {@code file:line} of the entry, for rule authors
 */
record TriggerPattern(String concept, List<PatternElement> elements, int slop, String source, String origin) {
}
