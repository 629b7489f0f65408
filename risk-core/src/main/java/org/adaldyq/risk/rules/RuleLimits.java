package org.adaldyq.risk.rules;

import java.time.Duration;
import java.util.Objects;

/**
 * Guard rails for one run of the rules over one unit of input (a document, a contracting process):
 * firings allowed per fact group (a provision) and wall-clock time for the whole run. A rule that loops
 * stops the run with a {@link RuleLimitException} naming it, instead of hanging the host.
 *
 * @param maxFiringsPerUnit firings allowed per unit (per provision for regulation)
 * @param maxTime           time allowed for one run of {@code fireAllRules}
 */
public record RuleLimits(long maxFiringsPerUnit, Duration maxTime) {

    /** The limits used unless set: 10,000 firings per unit, 30 seconds per run. */
    public static final RuleLimits DEFAULT = new RuleLimits(10_000, Duration.ofSeconds(30));

    /** Requires a positive firing count and a positive time. */
    public RuleLimits {
        Objects.requireNonNull(maxTime);
        if (maxFiringsPerUnit < 1) {
            throw new IllegalArgumentException("max firings must be positive");
        }
        if (maxTime.isNegative() || maxTime.isZero()) {
            throw new IllegalArgumentException("max rule time must be positive");
        }
    }

    /** These limits with {@code max} firings per unit. */
    public RuleLimits withMaxFiringsPerUnit(long max) {
        return new RuleLimits(max, maxTime);
    }

    /** These limits with {@code time} per run. */
    public RuleLimits withMaxTime(Duration time) {
        return new RuleLimits(maxFiringsPerUnit, time);
    }
}
