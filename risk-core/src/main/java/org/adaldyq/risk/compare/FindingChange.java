package org.adaldyq.risk.compare;

import java.util.Objects;
import org.adaldyq.risk.finding.Finding;

/**
 * One finding of an aligned group of provisions, in the old version, the new one or both.
 *
 * @param status whether the revision added, removed or kept it
 * @param code   the factor code
 * @param before the finding in the old version, null when {@link Status#ADDED}
 * @param after  the finding in the new version, null when {@link Status#REMOVED}
 */
public record FindingChange(Status status, String code, Finding before, Finding after) {

    /** What the revision did to a finding. */
    public enum Status {
        /** Only the new version has it. */
        ADDED,
        /** Only the old version has it. */
        REMOVED,
        /** Both versions have it. */
        KEPT
    }

    /** Requires the findings the status names. */
    public FindingChange {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(code, "code");
        if ((status != Status.ADDED) != (before != null) || (status != Status.REMOVED) != (after != null)) {
            throw new IllegalArgumentException(status + " needs " + (status == Status.KEPT ? "both findings" : "one finding"));
        }
    }
}
