package org.adaldyq.risk.report;

import java.util.Objects;
import org.adaldyq.risk.structure.ParsedDocument;

/**
 * A scanned document with the text it was read into: the findings' offsets index
 * {@code document.text()}. Reports that show or point into the text (HTML, DOCX comments, SARIF) take this.
 *
 * @param document the document as read and segmented
 * @param report   the findings and scores of the scan
 */
public record ScannedDocument(ParsedDocument document, ScanReport report) {

    /** Requires both. */
    public ScannedDocument {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(report, "report");
    }
}
