package org.adaldyq.risk.procurement.fact;

/**
 * R025's statistic for one tenderer: processes (final awards, one award, one supplier) in which it made a
 * valid bid, how many of them it won, and the ratio wins ÷ processes.
 */
public final class TendererWinRatio {
    private final String tendererId;
    private final long processes;
    private final long wins;
    private final double ratio;

    /** The statistic of one tenderer; computes the ratio {@code wins ÷ processes}. */
    public TendererWinRatio(String tendererId, long processes, long wins) {
        this.tendererId = tendererId;
        this.processes = processes;
        this.wins = wins;
        this.ratio = (double) wins / processes;
    }

    /** The tenderer's {@code bids.details[].tenderers[].id}. */
    public String getTendererId() {
        return tendererId;
    }

    /** Processes (final awards, one award, one supplier) in which it made a valid bid. */
    public long getProcesses() {
        return processes;
    }

    /** Of those, the processes it won: it is the supplier of the award. */
    public long getWins() {
        return wins;
    }

    /** Wins ÷ processes, between 0 and 1. */
    public double getRatio() {
        return ratio;
    }
}
