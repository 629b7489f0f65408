package org.adaldyq.risk.rules.fact;

import java.util.Objects;

/**
 * A number a rule author tunes without touching the rule: a proximity window, a day count, a ratio.
 * Read from {@code thresholds.csv} of the rule pack and of author folders (later folders win) and
 * inserted into every rule session, so a rule reads it as a fact:
 *
 * <pre>
 * Threshold(key == "OPTIONAL_POWER.action-after", $after : value)
 * </pre>
 */
public final class Threshold {
    private final String key;
    private final double value;
    private final String origin;

    /** A threshold read from {@code origin}; {@code key} must not be null. */
    public Threshold(String key, double value, String origin) {
        this.key = Objects.requireNonNull(key);
        this.value = value;
        this.origin = origin;
    }

    /** The name rules look it up by, {@code <RULE OR CODE>.<parameter>} by convention. */
    public String getKey() {
        return key;
    }

    /** The value; whole numbers compare with token counts and days as they are. */
    public double getValue() {
        return value;
    }

    /** {@code file:line} it was read from. */
    public String getOrigin() {
        return origin;
    }

    @Override
    public String toString() {
        return "Threshold[" + key + "=" + value + " from " + origin + "]";
    }
}
