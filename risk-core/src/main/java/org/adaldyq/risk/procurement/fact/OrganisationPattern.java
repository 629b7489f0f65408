package org.adaldyq.risk.procurement.fact;

import java.util.List;

/**
 * A dataset pattern of a buyer (and, for some, a supplier) found by the beyond-Cardinal statistics:
 * {@code R040} a supplier's share of a buyer's awards in a year, {@code R049} repeated non-competitive
 * awards to one supplier within a window, {@code R011} purchases of one class split below a threshold,
 * {@code R029} a buyer's deviation of first digits from Benford's law.
 *
 * @param measure the pattern's number: share, award count, summed value, or mean absolute deviation
 * @param count   how many awards/processes/amounts the pattern rests on
 * @param limit   a second number the rule needs (R011: the largest single value), else NaN
 * @param ocids   the processes involved (empty for R029 and R040)
 */
public record OrganisationPattern(String code, String buyerId, String supplierId, String key, double measure,
                                  long count, double limit, List<String> ocids) {
    /** Copies {@code ocids}. */
    public OrganisationPattern {
        ocids = List.copyOf(ocids);
    }

    /** The indicator's code: {@code R011}, {@code R029}, {@code R040} or {@code R049}. */
    public String getCode() {
        return code;
    }

    /** The buyer's {@code buyer.id}. */
    public String getBuyerId() {
        return buyerId;
    }

    /** The supplier's {@code awards[].suppliers[].id} (R040, R049), else null. */
    public String getSupplierId() {
        return supplierId;
    }

    /** The year (R040) or classification prefix (R011) the pattern is about. */
    public String getKey() {
        return key;
    }

    /** The pattern's number: share, award count, summed value, or mean absolute deviation. */
    public double getMeasure() {
        return measure;
    }

    /** How many awards, processes or amounts the pattern rests on. */
    public long getCount() {
        return count;
    }

    /** A second number the rule needs (R011: the largest single value), else NaN. */
    public double getLimit() {
        return limit;
    }

    /** The processes involved, in order; empty for R029 and R040. */
    public List<String> getOcids() {
        return ocids;
    }
}
