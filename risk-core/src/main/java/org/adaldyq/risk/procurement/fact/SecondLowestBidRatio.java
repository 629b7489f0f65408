package org.adaldyq.risk.procurement.fact;

/**
 * The second-lowest-bid ratio of a process: (lowest non-winning valid bid − winning bid) ÷ winning bid,
 * where the winning bid is the lowest valid bid of the single supplier of the single complete award.
 */
public final class SecondLowestBidRatio {
    private final String ocid;
    private final String winnerId;
    private final String secondId;
    private final double winnerAmount;
    private final double secondAmount;
    private final double ratio;

    /** The ratio of one process; {@code ratio} is {@code (secondAmount − winnerAmount) ÷ winnerAmount}. */
    public SecondLowestBidRatio(String ocid, String winnerId, String secondId, double winnerAmount,
                                double secondAmount, double ratio) {
        this.ocid = ocid;
        this.winnerId = winnerId;
        this.secondId = secondId;
        this.winnerAmount = winnerAmount;
        this.secondAmount = secondAmount;
        this.ratio = ratio;
    }

    /** The process's {@code ocid}. */
    public String getOcid() {
        return ocid;
    }

    /** The sole supplier of the single {@code active} award; also the sole tenderer of the winning bid. */
    public String getWinnerId() {
        return winnerId;
    }

    /** The sole tenderer of the lowest valid bid by anyone but the winner. */
    public String getSecondId() {
        return secondId;
    }

    /** The winner's lowest valid bid {@code value.amount}, in the main currency; never 0. */
    public double getWinnerAmount() {
        return winnerAmount;
    }

    /** The lowest other valid bid {@code value.amount}, in the main currency; at least the winner's. */
    public double getSecondAmount() {
        return secondAmount;
    }

    /** (second − winner) ÷ winner, 0 when equal: small for R024 (price close to winning bid), large for R058. */
    public double getRatio() {
        return ratio;
    }
}
