/**
 * Red flags for public procurement in the Open Contracting Data Standard (OCDS).
 *
 * <p>{@link org.adaldyq.risk.procurement.ProcurementEngine} reads OCDS ({@code .ocds}), compiles each
 * contracting process into plain values ({@code .model}), derives the facts the rules match
 * ({@code .fact}), runs the per-process Drools rules, accumulates dataset statistics in one pass
 * ({@code .stats}: type-8 quartiles, Tukey fences, per-tenderer and per-buyer ratios), then runs the
 * dataset rules over those statistics. {@code .cardinal} reads Cardinal's INI settings and writes its JSON;
 * {@code .score} and {@code .report} build the native per-process report.
 */
package org.adaldyq.risk.procurement;
