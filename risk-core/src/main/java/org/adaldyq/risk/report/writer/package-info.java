/**
 * Reports for people and their tools, written from scanned documents: the annotated HTML page
 * ({@link org.adaldyq.risk.report.writer.HtmlReport}), the draft with Word review comments
 * ({@link org.adaldyq.risk.report.writer.DocxReview}, and the review an expert made on it in Word read back:
 * {@link org.adaldyq.risk.report.writer.DocxReviewReader}) and SARIF 2.1.0 ({@link org.adaldyq.risk.report.writer.SarifWriter}).
 */
package org.adaldyq.risk.report.writer;
