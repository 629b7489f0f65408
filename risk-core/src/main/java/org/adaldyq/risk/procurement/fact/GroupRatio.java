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

    /** Computes the ratio {@code numerator ÷ denominator}. */
    public GroupRatio(String code, Group group, String id, long numerator, long denominator) {
        this.code = code;
        this.group = group;
        this.id = id;
        this.numerator = numerator;
        this.denominator = denominator;
        this.ratio = (double) numerator / denominator;
    }

    /** The indicator's code, e.g. {@code R038}. */
    public String getCode() {
        return code;
    }

    /** The group the organisation is counted in: buyer, procuring entity or tenderer. */
    public Group getGroup() {
        return group;
    }

    /** The organisation's id: {@code buyer.id}, {@code tender.procuringEntity.id} or a tenderer's {@code id}. */
    public String getId() {
        return id;
    }

    /** The summed count the ratio is of, e.g. disqualified bids. */
    public long getNumerator() {
        return numerator;
    }

    /** The summed count the ratio is over, e.g. submitted bids; at least the indicator's minimum. */
    public long getDenominator() {
        return denominator;
    }

    /** {@link #getNumerator()} ÷ {@link #getDenominator()}, between 0 and 1 for counts of a subset. */
    public double getRatio() {
        return ratio;
    }
}
