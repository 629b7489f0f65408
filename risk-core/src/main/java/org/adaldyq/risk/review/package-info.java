/**
 * The expert's review of scanned texts: findings confirmed or struck out, factors added, notes, kept as JSON
 * lines in the format of labelled provisions and applied to the reports ({@link org.adaldyq.risk.review.Review}),
 * carried to a draft's next version ({@link org.adaldyq.risk.review.Review#carried},
 * {@link org.adaldyq.risk.review.Review#revision}); two experts' reviews compared, and the review a third finishes
 * ({@link org.adaldyq.risk.review.Agreement}); a panel's compared, and the majority for its chair
 * ({@link org.adaldyq.risk.review.PanelAgreement}). A review made in Word is read by
 * {@code org.adaldyq.risk.report.writer.DocxReviewReader}.
 */
package org.adaldyq.risk.review;
