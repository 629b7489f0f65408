/**
 * The Apache Spark jobs (built with {@code mvn -Pspark package}; see {@code docs/spark.md}): procurement red
 * flags over OCDS JSON lines ({@link org.adaldyq.risk.spark.ProcurementJob}) and draft-law scans over a
 * folder of documents ({@link org.adaldyq.risk.spark.RegulationJob}). Each is a thin adapter over the
 * library's partition-level core, so a cluster computes what the CLI computes.
 */
package org.adaldyq.risk.spark;
