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

    public static final RuleLimits DEFAULT = new RuleLimits(10_000, Duration.ofSeconds(30));

    public RuleLimits {
        Objects.requireNonNull(maxTime);
        if (maxFiringsPerUnit < 1) {
            throw new IllegalArgumentException("max firings must be positive");
        }
        if (maxTime.isNegative() || maxTime.isZero()) {
            throw new IllegalArgumentException("max rule time must be positive");
        }
    }

    public RuleLimits withMaxFiringsPerUnit(long max) {
        return new RuleLimits(max, maxTime);
    }

    public RuleLimits withMaxTime(Duration time) {
        return new RuleLimits(maxFiringsPerUnit, time);
    }
}
