package org.adaldyq.risk.procurement.score;

/**
 * A process's scores.
 *
 * @param cri        flagged ÷ computable components, in [0, 1]; null when no component was computable
 * @param weighted   Σ weight of flagged components ÷ Σ weight of computable components, in [0, 1]; null likewise
 * @param priority   {@code weighted} × the process value, null when either is unknown
 * @param components computable components
 * @param flagged    flagged components
 */
public record ProcessScore(Double cri, Double weighted, Double priority, int components, int flagged) {
}
