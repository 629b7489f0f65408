/**
 * Document in, text out: {@link org.adaldyq.risk.extract.TextExtractor} reads DOCX, PDF, ODT, RTF, HTML,
 * XML, plain text and Markdown into one-paragraph-per-line text with its media type and metadata; reviewers'
 * comments in a document (Word comments, ODF annotations, PDF notes) are not its text.
 * Failures are values at the boundary: {@link org.adaldyq.risk.extract.DocumentReadException} with a
 * {@link org.adaldyq.risk.extract.DocumentReadException.Reason}.
 */
package org.adaldyq.risk.extract;
