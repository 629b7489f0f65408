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

    public TendererWinRatio(String tendererId, long processes, long wins) {
        this.tendererId = tendererId;
        this.processes = processes;
        this.wins = wins;
        this.ratio = (double) wins / processes;
    }

    public String getTendererId() {
        return tendererId;
    }

    public long getProcesses() {
        return processes;
    }

    public long getWins() {
        return wins;
    }

    public double getRatio() {
        return ratio;
    }
}
