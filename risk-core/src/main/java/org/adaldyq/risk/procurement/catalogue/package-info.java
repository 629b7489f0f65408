/**
 * The red flags as data: {@code indicators.json} of the procurement rule pack (the twin of the regulation
 * pack's {@code factors.json}) names each flag's code, whether Cardinal computes it, its level (a process's
 * CRI component, or an organisation's flag), whether it is relative to the data set, the groups it flags,
 * the data it needs, its default settings and its texts in English, Russian and Kazakh. Java code reads
 * flags through {@link org.adaldyq.risk.procurement.catalogue.IndicatorCatalogue}, never by literal code.
 */
package org.adaldyq.risk.procurement.catalogue;
