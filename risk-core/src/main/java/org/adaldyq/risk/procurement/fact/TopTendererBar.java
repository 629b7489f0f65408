package org.adaldyq.risk.procurement.fact;

/** R025: the {@code percentile} of tenderers' valid-bid counts; a tenderer at or above it is a top tenderer. */
public final class TopTendererBar {
    private final double minimumProcesses;

    /** The bar, a count of processes. */
    public TopTendererBar(double minimumProcesses) {
        this.minimumProcesses = minimumProcesses;
    }

    /** The percentile of tenderers' valid-bid process counts; tenderers at or above it are top tenderers. */
    public double getMinimumProcesses() {
        return minimumProcesses;
    }
}
