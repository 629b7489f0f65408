/**
 * The native per-process report ({@code tenders}): one record per contracting process with its flags as
 * {@link org.adaldyq.risk.finding.Finding}s (evidence: OCDS paths, values, thresholds), what was not
 * computable, and its scores; then buyer and supplier summaries. JSON Lines or CSV.
 */
package org.adaldyq.risk.procurement.report;
