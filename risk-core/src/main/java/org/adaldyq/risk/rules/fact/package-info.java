/**
 * Facts every rule pack shares: {@link org.adaldyq.risk.rules.fact.Threshold}, the tunable numbers of
 * {@code thresholds.csv}. Author DRL may import this package.
 */
package org.adaldyq.risk.rules.fact;
