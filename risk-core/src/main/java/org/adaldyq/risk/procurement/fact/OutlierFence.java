package org.adaldyq.risk.procurement.fact;

/**
 * A fence a rule compares dataset values with: the Tukey fence of the group's values (Q1 − 1.5·IQR or
 * Q3 + 1.5·IQR, type-8 quartiles) or the fixed {@code threshold} setting that replaces it. Only inserted
 * when usable (positive; for a computed low fence, also Q1 positive), so "no fence" means "no flag".
 */
public final class OutlierFence {
    private final String code;
    private final Group group;
    private final double value;
    private final boolean fixed;

    /** A fence of {@code group}'s values for indicator {@code code}; {@code fixed} when it is the setting. */
    public OutlierFence(String code, Group group, double value, boolean fixed) {
        this.code = code;
        this.group = group;
        this.value = value;
        this.fixed = fixed;
    }

    /** The indicator's code. */
    public String getCode() {
        return code;
    }

    /** The group whose values the fence bounds. */
    public Group getGroup() {
        return group;
    }

    /** The fence, in the unit of the values it bounds (e.g. a ratio, a count of days). */
    public double getValue() {
        return value;
    }

    /** True when the value is the {@code threshold} setting rather than a computed fence. */
    public boolean isFixed() {
        return fixed;
    }
}
