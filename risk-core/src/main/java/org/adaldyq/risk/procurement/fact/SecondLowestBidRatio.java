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

    public SecondLowestBidRatio(String ocid, String winnerId, String secondId, double winnerAmount,
                                double secondAmount, double ratio) {
        this.ocid = ocid;
        this.winnerId = winnerId;
        this.secondId = secondId;
        this.winnerAmount = winnerAmount;
        this.secondAmount = secondAmount;
        this.ratio = ratio;
    }

    public String getOcid() {
        return ocid;
    }

    public String getWinnerId() {
        return winnerId;
    }

    public String getSecondId() {
        return secondId;
    }

    public double getWinnerAmount() {
        return winnerAmount;
    }

    public double getSecondAmount() {
        return secondAmount;
    }

    public double getRatio() {
        return ratio;
    }
}
