/**
 * One contracting process as plain immutable values, compiled from an OCDS release: tender, bids, awards,
 * contracts, parties. {@link org.adaldyq.risk.procurement.model.ReleaseCompiler} tolerates wrong types
 * (a string where a number is expected becomes "absent") and keeps raw values for evidence.
 */
package org.adaldyq.risk.procurement.model;
