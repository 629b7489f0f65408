/**
 * Risk scores of a contracting process from its flags: the Corruption Risk Index style (Fazekas, Tóth
 * and King 2016: mean of the available 0–1 components, components that are not computable excluded) and a
 * weighted score for prioritisation (each flag's weight, normalised to [0, 1], optionally × the process
 * value). See {@code docs/procurement.md}.
 */
package org.adaldyq.risk.procurement.score;
