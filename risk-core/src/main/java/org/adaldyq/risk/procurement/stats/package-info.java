/**
 * Dataset statistics computed in Java in one pass over the data and handed to the rules as facts:
 * Hyndman–Fan type-8 quantiles ({@link org.adaldyq.risk.procurement.stats.Type8Quantile}), Tukey fences
 * ({@link org.adaldyq.risk.procurement.stats.Quartiles}), and the per-organisation counters of R025, R038
 * and R048 ({@link org.adaldyq.risk.procurement.stats.DatasetStatistics}).
 */
package org.adaldyq.risk.procurement.stats;
