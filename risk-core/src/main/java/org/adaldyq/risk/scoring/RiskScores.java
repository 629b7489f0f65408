package org.adaldyq.risk.scoring;

import java.util.Collection;

/**
 * How findings become scores. All scores lie in [0, 1], and adding a finding never lowers one.
 *
 * <ul>
 *   <li><b>finding</b>: the severity weight of its rule (low 0.35, medium 0.6, high 0.85);</li>
 *   <li><b>provision</b>: the probabilistic OR of its findings, {@code 1 − Π(1 − s_i)}: two medium
 *       findings (0.84) outrank one high (0.85) only barely, three low ones (0.73) do not;</li>
 *   <li><b>document</b>: {@code 1 − exp(−Σ p_j / K)} over provision scores {@code p_j}, with
 *       {@code K = }{@value #DOCUMENT_SCALE}: a document with one high-risk provision scores 0.25, with
 *       three 0.57, with ten 0.94. It grows with the amount of risk, not with the length of the text.</li>
 * </ul>
 * See {@code docs/scoring.md}.
 */
public final class RiskScores {

    /** Sum of provision scores at which a document reaches 1 − 1/e ≈ 0.63. */
    public static final double DOCUMENT_SCALE = 3.0;

    private RiskScores() {
    }

    /** Probabilistic OR: {@code 1 − Π(1 − s)}. Monotone, bounded by 1, 0 for no scores. */
    public static double anyOf(Collection<Double> scores) {
        double none = 1.0;
        for (double s : scores) {
            none *= 1.0 - clamp(s);
        }
        return round(1.0 - none);
    }

    /** Document score from the scores of its provisions. */
    public static double document(Collection<Double> provisionScores) {
        double sum = 0;
        for (double s : provisionScores) {
            sum += clamp(s);
        }
        return round(1.0 - Math.exp(-sum / DOCUMENT_SCALE));
    }

    static double clamp(double s) {
        return Math.max(0.0, Math.min(1.0, s));
    }

    /** Four decimals: scores are for ranking, and stable output diffs well. */
    static double round(double s) {
        return Math.round(s * 10_000.0) / 10_000.0;
    }
}
