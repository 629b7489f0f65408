package org.adaldyq.risk.procurement.model;

import java.time.Instant;
import java.util.List;

/**
 * An entry of {@code bids.details[]}.
 *
 * @param index        position in {@code bids.details}
 * @param status       {@code status} when it is a string, else null
 * @param date         {@code date} parsed as RFC 3339, null when absent or unparsable
 * @param value        {@code value}
 * @param tendererIds  ids of {@code tenderers[]} that have one, in order
 * @param tendererCount number of entries in {@code tenderers[]}
 *
 * @serial exclude
 */
public record Bid(int index, String status, Instant date, Money value, List<String> tendererIds, int tendererCount) implements java.io.Serializable {

    /** Submitted: a status that is present and is not {@code invited} or {@code withdrawn}. */
    public boolean submitted() {
        return status != null && !"invited".equals(status) && !"withdrawn".equals(status);
    }

    /** True when {@code status} is {@code valid}. */
    public boolean valid() {
        return "valid".equals(status);
    }

    /** True when {@code status} is {@code disqualified}. */
    public boolean disqualified() {
        return "disqualified".equals(status);
    }

    /** Valid bid with value: {@code valid}, exactly one tenderer with an id, numeric amount, string currency. */
    public boolean validWithValue() {
        return valid() && tendererCount == 1 && tendererIds.size() == 1 && value.complete();
    }

    /** The single tenderer of a bid with exactly one tenderer that has an id, else null. */
    public String soleTenderer() {
        return tendererCount == 1 && tendererIds.size() == 1 ? tendererIds.get(0) : null;
    }
}
