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
 * @param language       the language the text was read in
 * @param mediaType      the media type detected ({@code text/plain}, {@code application/pdf}, …)
 * @param score          the document score, in [0, 1]
 * @param provisionCount number of provisions the text was split into
 * @param provisions     the provisions with findings, highest score first
 * @param findings       the findings, in text order
 * @param metadata       the document's metadata (title, author, …), first value per name, sorted by name
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

    /**
     * Copies the lists and the metadata; null metadata becomes empty. The metadata is sorted by name: the
     * report is byte-stable between runs ({@code Map.copyOf} iterates in an order that changes per JVM).
     */
    public ScanReport {
        provisions = List.copyOf(provisions);
        findings = List.copyOf(findings);
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(metadata));
    }
}
