package org.adaldyq.risk.rules;

/**
 * A run stopped because its rules fired more often, or for longer, than the configured limits allow
 * (see {@link RuleLimits}). It names the rule that fired most, the likely culprit of a loop.
 */
public final class RuleLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Which limit was reached. */
    public enum Limit {
        /** Too many firings for the unit of input ({@link RuleLimits#maxFiringsPerUnit()}). */
        FIRINGS,
        /** The run took longer than {@link RuleLimits#maxTime()}. */
        TIME
    }

    /** Which limit was reached. */
    private final Limit limit;
    /** The rule that fired most often before the stop. */
    private final String ruleId;
    /** Firings of all rules before the stop. */
    private final long firings;

    /** A stop at {@code limit}; {@code message} says what happened, for people. */
    public RuleLimitException(Limit limit, String ruleId, long firings, String message) {
        super(message);
        this.limit = limit;
        this.ruleId = ruleId;
        this.firings = firings;
    }

    /** Which limit was reached. */
    public Limit limit() {
        return limit;
    }

    /** The id (DRL rule name) of the rule that fired most often before the stop. */
    public String ruleId() {
        return ruleId;
    }

    /** Firings of all rules before the stop. */
    public long firings() {
        return firings;
    }
}
