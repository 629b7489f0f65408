package org.adaldyq.risk.report;

import java.util.List;
import java.util.Map;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.lang.Language;

/**
 * The result of scanning one legal text: its language, document score, the provisions with findings
 * (highest score first) and the findings in text order.
 *
 * @param source         what was scanned (a path, or the name given by the caller)
 * @param provisionCount number of provisions the text was split into
 */
public record ScanReport(
        String source,
        Language language,
        String mediaType,
        double score,
        int provisionCount,
        List<ProvisionScore> provisions,
        List<Finding> findings,
        Map<String, String> metadata) {

    public ScanReport {
        provisions = List.copyOf(provisions);
        findings = List.copyOf(findings);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
