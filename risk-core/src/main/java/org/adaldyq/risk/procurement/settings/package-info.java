/**
 * Run settings of the procurement engine: Cardinal's INI format ({@link org.adaldyq.risk.procurement.settings.Settings})
 * with the beyond-Cardinal sections and {@code [weights]}. Read by the engine, the statistics, the scores and
 * {@code prepare}; depends on nothing else of the procurement half, so every package may use it.
 */
package org.adaldyq.risk.procurement.settings;
