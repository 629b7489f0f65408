package org.adaldyq.risk.procurement.cardinal;

import java.util.List;

/**
 * A quality problem that {@code prepare} found and could not correct with the settings it was given: one
 * row of its errors file. Cardinal's workflow is to edit the settings until there are none.
 *
 * @param line           the 1-based input line of the release
 * @param ocid           the release's {@code ocid}, null when it has none
 * @param path           where, in the spec's notation ({@code /bids/details[]/status})
 * @param arrayIndexes   the index of each {@code []} of the path, in order
 * @param incorrectValue the offending value (the code, or the number's JSON text), null for {@link Kind#NOT_SET}
 * @param kind           what is wrong
 */
public record PrepareProblem(long line, String ocid, String path, List<Integer> arrayIndexes, String incorrectValue, Kind kind) {

    /** What is wrong with the value at the path. */
    public enum Kind {
        /** Missing, {@code null} or {@code ""}. */
        NOT_SET("not set"),
        /** Not a code of the OCDS codelist. */
        INVALID("invalid"),
        /** A bid amount of zero. */
        IS_ZERO("is zero");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        /** Cardinal's error description: {@code not set}, {@code invalid} or {@code is zero}. */
        public String description() {
            return description;
        }
    }

    /** Copies the array indexes. */
    public PrepareProblem {
        arrayIndexes = List.copyOf(arrayIndexes);
    }
}
