package org.adaldyq.risk.report;

import java.util.Objects;
import org.adaldyq.risk.lexicon.DocumentWords;
import org.adaldyq.risk.structure.ParsedDocument;

/**
 * A scanned document with the text it was read into: the findings' offsets index
 * {@code document.text()}. Reports that show or point into the text (HTML, DOCX comments, SARIF) take this.
 *
 * @param document the document as read and segmented
 * @param report   the findings and scores of the scan
 * @param words    the words the scan's analysis read from each provision and lead-in, when asked for
 *                 ({@link DocumentWords#NONE} otherwise)
 */
public record ScannedDocument(ParsedDocument document, ScanReport report, DocumentWords words) {

    /** Requires all three. */
    public ScannedDocument {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(words, "words");
    }

    /** A scanned document without its analysed words. */
    public ScannedDocument(ParsedDocument document, ScanReport report) {
        this(document, report, DocumentWords.NONE);
    }
}
