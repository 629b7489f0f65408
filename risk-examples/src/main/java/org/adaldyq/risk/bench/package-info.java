/**
 * Procurement benchmark: a deterministic generator of realistic synthetic OCDS
 * ({@link org.adaldyq.risk.bench.SyntheticOcds}) and a one-run benchmark
 * ({@link org.adaldyq.risk.bench.ProcurementBenchmark}) that measures raw Jackson parsing, {@code indicators}
 * and {@code tenders} throughput, peak heap, and the speed-up from one to two threads on the same file.
 */
package org.adaldyq.risk.bench;
