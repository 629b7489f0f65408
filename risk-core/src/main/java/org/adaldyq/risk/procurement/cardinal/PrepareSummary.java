package org.adaldyq.risk.procurement.cardinal;

/**
 * What a {@link Prepare#run} did. Every non-blank input line is either written or skipped:
 * {@code releases + skipped} is the number of non-blank lines.
 *
 * @param releases corrected releases written, one per line
 * @param skipped  lines skipped with a warning (not UTF-8, not JSON, not an object)
 * @param problems problems reported
 */
public record PrepareSummary(long releases, long skipped, long problems) {
}
