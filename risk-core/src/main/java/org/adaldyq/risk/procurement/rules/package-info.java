/**
 * Runs the procurement rules (kbase {@code procurement} of the {@code risk-rules} kjar, precompiled into an
 * executable model) over batches of per-process facts and over the dataset facts, and reads each rule's
 * metadata ({@code @id @code @severity @title @source}).
 */
package org.adaldyq.risk.procurement.rules;
