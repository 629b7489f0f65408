package org.adaldyq.risk.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * Writers of reports in their JSON form ({@code docs/scan-report.schema.json}): a mapper with nothing but
 * {@link RiskJacksonModule} registered. Writers are immutable and thread-safe, so no caller can change how
 * another's reports are written; share them. A host that has its own mapper registers
 * {@link RiskJacksonModule} on it instead.
 */
public final class ReportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new RiskJacksonModule());
    private static final ObjectWriter COMPACT = MAPPER.writer();
    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private ReportJson() {
    }

    /** One-line JSON (for JSON Lines output). */
    public static ObjectWriter compact() {
        return COMPACT;
    }

    /** Indented JSON. */
    public static ObjectWriter pretty() {
        return PRETTY;
    }
}
