/**
 * Streaming OCDS input: line-delimited releases, release and record packages, JSON arrays, {@code .gz},
 * directories and standard input. Nothing is loaded whole: lines are read one at a time (with a length
 * cap), packages are streamed element by element, and only releases that need compiling (package members
 * without a compiled release) are held until the end of the input. Bad input becomes an
 * {@link org.adaldyq.risk.procurement.ocds.InputProblem}, never an exception.
 */
package org.adaldyq.risk.procurement.ocds;
