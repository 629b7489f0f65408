/**
 * Compatibility with OCP's Cardinal: its INI settings file ({@link org.adaldyq.risk.procurement.settings.Settings}),
 * the commented default file {@code init} writes, its {@code indicators} JSON object
 * ({@link org.adaldyq.risk.procurement.cardinal.CardinalJson}), its {@code coverage} counts
 * ({@link org.adaldyq.risk.procurement.cardinal.Coverage}) and its {@code prepare} corrections
 * ({@link org.adaldyq.risk.procurement.cardinal.Prepare}: one package-private class per correction, applied in a
 * fixed order, then {@code QualityCheck}; problems as {@link org.adaldyq.risk.procurement.cardinal.PrepareProblem}
 * rows written by {@link org.adaldyq.risk.procurement.cardinal.PrepareProblemCsv}). Both commands read JSON lines
 * as Cardinal does ({@code JsonLines}) and hand skipped lines to their caller as
 * {@link org.adaldyq.risk.procurement.cardinal.LineWarning}s: nothing here prints.
 */
package org.adaldyq.risk.procurement.cardinal;
