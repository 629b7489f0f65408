package org.adaldyq.risk.procurement.cardinal;

/**
 * Why one input line of {@code coverage} or {@code prepare} was skipped or left partly uncorrected: the
 * 1-based line number and the reason (the parser's message for a line that is not JSON). The library
 * hands these to its caller; the CLI prints them on standard error.
 */
public record LineWarning(long line, String reason) {

    /** {@code line N: reason}. */
    @Override
    public String toString() {
        return "line " + line + ": " + reason;
    }
}
