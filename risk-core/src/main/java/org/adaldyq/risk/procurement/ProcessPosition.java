package org.adaldyq.risk.procurement;

import java.io.Serializable;
import java.util.Comparator;

/**
 * Where a process stands in a single run's input order, so a distributed run can put its results back in
 * that order. A single run reviews the processes of compiled releases and records as their lines come
 * ({@code phase} 0), then the processes it compiled from releases, in order of each one's first release
 * ({@code phase} 1).
 *
 * @param phase 0 for a process read whole, 1 for one compiled from releases
 * @param file  the input's index in the run's sorted list of inputs
 * @param line  the 1-based line in that input
 * @param index the release's or process's index within the line (a package holds many)
 *
 * @serial exclude
 */
public record ProcessPosition(int phase, int file, long line, int index) implements Serializable, Comparable<ProcessPosition> {
    private static final Comparator<ProcessPosition> ORDER = Comparator.comparingInt(ProcessPosition::phase)
            .thenComparingInt(ProcessPosition::file).thenComparingLong(ProcessPosition::line)
            .thenComparingInt(ProcessPosition::index);

    @Override
    public int compareTo(ProcessPosition o) {
        return ORDER.compare(this, o);
    }
}
