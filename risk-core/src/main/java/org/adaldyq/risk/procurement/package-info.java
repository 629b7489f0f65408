/**
 * Red flags for public procurement in the Open Contracting Data Standard (OCDS).
 *
 * <p>The API: {@link org.adaldyq.risk.procurement.ProcurementEngine} (builder, runs, rule reloads) and its
 * results, {@link org.adaldyq.risk.procurement.Assessment} of {@link org.adaldyq.risk.procurement.ProcessResult}s
 * with their {@link org.adaldyq.risk.procurement.ProcessFlag}s and the
 * {@link org.adaldyq.risk.procurement.OrganisationSummary}s, Cardinal's
 * {@link org.adaldyq.risk.procurement.IndicatorResults}, the {@link org.adaldyq.risk.procurement.RunCounts}
 * and the {@link org.adaldyq.risk.procurement.ProcessListener} that receives processes and input problems.
 *
 * <p>Inside, one run ({@code ProcurementRun}) reads and compiles the input ({@code OcdsIntake}: {@code .ocds}
 * reading, {@code .model} compiling), derives the facts the rules match ({@code .fact}), fires the
 * per-process Drools rules ({@code .rules}), feeds the dataset statistics ({@code .stats}: one statistic per
 * dataset flag, type-8 quartiles, Tukey fences) and then fires the dataset rules. The flags themselves are
 * data ({@code .catalogue}: {@code indicators.json}); {@code .settings} reads Cardinal's INI file;
 * {@code .score} computes the CRI and weighted scores; {@code .report} writes the {@code tenders} report and
 * {@code .cardinal} Cardinal's {@code indicators} JSON, {@code coverage} and {@code prepare}.
 */
package org.adaldyq.risk.procurement;
