/**
 * The expert's review of scanned texts: findings confirmed or struck out, factors added, notes, kept as JSON
 * lines in the format of labelled provisions and applied to the reports ({@link org.adaldyq.risk.review.Review}).
 */
package org.adaldyq.risk.review;
