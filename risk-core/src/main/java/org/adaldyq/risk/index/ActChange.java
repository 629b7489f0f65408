package org.adaldyq.risk.index;

import java.util.List;

/**
 * How an act's findings changed when it was indexed again (its file, or the expert's review of it, changed): version
 * against version across the body of law. Provisions are matched by citation; a factor of a provision no longer there
 * is gone, one of a provision new to the act is new.
 *
 * @param act            the act id
 * @param findingsBefore how many findings the act had as indexed before
 * @param findingsAfter  how many it has now
 * @param gone           the factors its provisions no longer carry, in text order of the earlier version
 * @param added          the factors its provisions carry now and did not before, in text order
 */
public record ActChange(String act, int findingsBefore, int findingsAfter, List<FactorAt> gone, List<FactorAt> added) {

    /** Copies the lists. */
    public ActChange {
        gone = List.copyOf(gone);
        added = List.copyOf(added);
    }

    /** Whether any factor came or went (the counts alone may move with a finding's quote or a second finding of a factor). */
    public boolean changed() {
        return !gone.isEmpty() || !added.isEmpty();
    }

    /**
     * A factor of a provision.
     *
     * @param citation the provision's citation ({@code Article 5, point 2})
     * @param factor   the factor code
     */
    public record FactorAt(String citation, String factor) {
    }
}
