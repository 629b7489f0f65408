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

    public OutlierFence(String code, Group group, double value, boolean fixed) {
        this.code = code;
        this.group = group;
        this.value = value;
        this.fixed = fixed;
    }

    public String getCode() {
        return code;
    }

    public Group getGroup() {
        return group;
    }

    public double getValue() {
        return value;
    }

    /** True when the value is the {@code threshold} setting rather than a computed fence. */
    public boolean isFixed() {
        return fixed;
    }
}
