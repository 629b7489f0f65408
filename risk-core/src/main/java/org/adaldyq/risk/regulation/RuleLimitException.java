package org.adaldyq.risk.regulation;

/** A scan stopped because its rules fired more often than the configured limit allows. */
public final class RuleLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RuleLimitException(String message) {
        super(message);
    }
}
