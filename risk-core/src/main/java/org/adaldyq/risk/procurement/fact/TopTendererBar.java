package org.adaldyq.risk.procurement.fact;

/** R025: the {@code percentile} of tenderers' valid-bid counts; a tenderer at or above it is a top tenderer. */
public final class TopTendererBar {
    private final double minimumProcesses;

    public TopTendererBar(double minimumProcesses) {
        this.minimumProcesses = minimumProcesses;
    }

    public double getMinimumProcesses() {
        return minimumProcesses;
    }
}
