/** Scores of findings, provisions and documents: documented, monotone, bounded formulas. */
package org.adaldyq.risk.scoring;
