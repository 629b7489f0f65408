/** Reports of scans and their JSON form (schema in {@code docs/scan-report.schema.json}). */
package org.adaldyq.risk.report;
