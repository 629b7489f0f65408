package org.adaldyq.risk.procurement.ocds;

/**
 * Something in the input that could not be used as is, with where it is: the source, the 1-based line
 * (or, in a pretty-printed document, the line where the element starts), the ocid when known.
 */
public record InputProblem(String source, long line, String ocid, Kind kind, String reason) {

    public enum Kind { INVALID_JSON, NOT_AN_OBJECT, LINE_TOO_LONG, DUPLICATE_OCID, NO_OCID, OTHER_CURRENCY, UNREADABLE }

    @Override
    public String toString() {
        return source + ":" + line + (ocid == null ? "" : " (" + ocid + ")") + ": " + kind + ": " + reason;
    }
}
