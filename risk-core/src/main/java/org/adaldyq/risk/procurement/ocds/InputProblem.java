package org.adaldyq.risk.procurement.ocds;

/**
 * Something in the input that could not be used as is, with where it is: the source, the 1-based line
 * (or, in a pretty-printed document, the line where the element starts), the ocid when known.
 *
 * @param source the input it is in: a file name or the name the caller gave a stream
 * @param line   the 1-based line (or the line where the element starts), 0 for an input that could not be read
 * @param ocid   the process's {@code ocid}, null when unknown or absent
 * @param kind   what is wrong
 * @param reason what is wrong, in words, for the log and reports
 *
 * @serial exclude
 */
public record InputProblem(String source, long line, String ocid, Kind kind, String reason) implements java.io.Serializable {

    /** What is wrong with the input. */
    public enum Kind {
        /** A line (or document) that is not valid JSON; it is skipped. */
        INVALID_JSON,
        /** JSON that is not an object (a release, record or package); it is skipped. */
        NOT_AN_OBJECT,
        /** A line longer than the reader's limit; it is skipped unread. */
        LINE_TOO_LONG,
        /** An {@code ocid} seen before in the run; both processes are processed, as Cardinal does. */
        DUPLICATE_OCID,
        /** A process whose {@code ocid} is not a string; it is skipped. */
        NO_OCID,
        /** Bid amounts in a currency other than the run's main currency; price indicators skip them. */
        OTHER_CURRENCY,
        /** An input that could not be read at all (missing, no permission, I/O failure). */
        UNREADABLE,
        /**
         * A process (or, with source {@code <dataset>}, the dataset rules) on which the rules were stopped at
         * their firing or time limit, e.g. by a looping author rule; it gets no flags, the run goes on.
         */
        RULE_LIMIT,
        /**
         * A process (or, with source {@code <dataset>}, the dataset rules) on which a rule failed: its
         * consequence or a condition threw, e.g. an author rule's bug; it gets no flags, the run goes on.
         */
        RULE_ERROR
    }

    @Override
    public String toString() {
        return source + ":" + line + (ocid == null ? "" : " (" + ocid + ")") + ": " + kind + ": " + reason;
    }
}
