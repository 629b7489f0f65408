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
    public OrganisationPattern {
        ocids = List.copyOf(ocids);
    }

    public String getCode() {
        return code;
    }

    public String getBuyerId() {
        return buyerId;
    }

    public String getSupplierId() {
        return supplierId;
    }

    /** The year (R040) or classification prefix (R011) the pattern is about. */
    public String getKey() {
        return key;
    }

    public double getMeasure() {
        return measure;
    }

    public long getCount() {
        return count;
    }

    public double getLimit() {
        return limit;
    }

    public List<String> getOcids() {
        return ocids;
    }
}
