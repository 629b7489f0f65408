package org.adaldyq.risk.index;

/**
 * How widely a finding's formula is used across the index: the exact words of its quote (lower-cased,
 * unstemmed) in other acts.
 *
 * @param code       the factor code of the finding
 * @param quote      the quote, as found
 * @param otherActs  number of other indexed acts with a provision holding these words in this order
 * @param provisions number of such provisions in those acts
 */
public record FormulaUse(String code, String quote, long otherActs, long provisions) {
}
