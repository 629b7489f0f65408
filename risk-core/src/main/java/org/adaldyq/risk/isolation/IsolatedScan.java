package org.adaldyq.risk.isolation;

import org.adaldyq.risk.report.ScanReport;

/**
 * One input scanned by an {@link IsolatedEngine}: its report, or the reason and message of the error record
 * that stands for it.
 *
 * @param source  the input's name (its path)
 * @param report  the report, or {@code null} when the scan failed
 * @param json    the report or the error record as one line of JSON, as {@code scan --format jsonl} writes it
 * @param reason  the error's reason ({@code RULE_LIMIT}, {@code TOO_LARGE}, {@code SANDBOX}, {@code CORRUPT}…),
 *                or {@code null} for a report
 * @param message the error's message, or {@code null} for a report
 */
public record IsolatedScan(String source, ScanReport report, String json, String reason, String message) {

    /** Whether the input failed (no report). */
    public boolean failed() {
        return report == null;
    }
}
