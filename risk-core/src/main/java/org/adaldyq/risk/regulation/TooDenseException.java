package org.adaldyq.risk.regulation;

/**
 * A document that would cost the rules more than a legal text can need: more provisions than
 * {@link RegulationScanner#MAX_PROVISIONS}, or a provision with more trigger words than
 * {@link RegulationScanner#MAX_TRIGGERS_PER_PROVISION} (a line of 0.5 MB of trigger words would make the
 * rules' joins exhaust the memory). Checked before the rules run; the scan of that document stops, nothing
 * else is affected. Scans of files report it as a {@code TOO_DENSE} read problem.
 */
public final class TooDenseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what was too many, where, and the limit */
    public TooDenseException(String message) {
        super(message);
    }
}
