package org.adaldyq.risk.procurement.fact;

/**
 * A ratio per organisation summed over its processes, e.g. R038's disqualified ÷ submitted bids per buyer,
 * procuring entity or tenderer. Only organisations that meet the indicator's minimum are inserted.
 */
public final class GroupRatio {
    private final String code;
    private final Group group;
    private final String id;
    private final long numerator;
    private final long denominator;
    private final double ratio;

    public GroupRatio(String code, Group group, String id, long numerator, long denominator) {
        this.code = code;
        this.group = group;
        this.id = id;
        this.numerator = numerator;
        this.denominator = denominator;
        this.ratio = (double) numerator / denominator;
    }

    public String getCode() {
        return code;
    }

    public Group getGroup() {
        return group;
    }

    public String getId() {
        return id;
    }

    public long getNumerator() {
        return numerator;
    }

    public long getDenominator() {
        return denominator;
    }

    public double getRatio() {
        return ratio;
    }
}
