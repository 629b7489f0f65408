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

    /**
     * This report with only the findings {@code keep} accepts, its provision and document scores worked out
     * again from them as the scanner works them out; this report itself when it keeps them all.
     */
    public ScanReport keeping(java.util.function.Predicate<Finding> keep) {
        if (findings.stream().allMatch(keep)) {
            return this;
        }
        List<Finding> kept = findings.stream().filter(keep).toList();
        Map<String, Finding> byProvisionAndCode = new java.util.HashMap<>();
        for (Finding f : kept) {
            byProvisionAndCode.put(citation(f) + "\n" + f.code(), f);
        }
        List<ProvisionScore> scored = new java.util.ArrayList<>();
        List<Double> provisionScores = new java.util.ArrayList<>();
        // in text order, as the scanner adds them up
        for (ProvisionScore p : provisions.stream().sorted(java.util.Comparator.comparingInt(ProvisionScore::start)).toList()) {
            List<String> codes = new java.util.ArrayList<>();
            List<Double> scores = new java.util.ArrayList<>();
            for (String code : p.factors()) {
                Finding f = byProvisionAndCode.get(p.provision() + "\n" + code);
                if (f != null) {
                    codes.add(code);
                    scores.add(f.score());
                }
            }
            if (!codes.isEmpty()) {
                double score = org.adaldyq.risk.scoring.RiskScores.anyOf(scores);
                provisionScores.add(score);
                scored.add(new ProvisionScore(p.provision(), p.start(), p.end(), score, codes));
            }
        }
        scored.sort(java.util.Comparator.comparingDouble(ProvisionScore::score).reversed().thenComparingInt(ProvisionScore::start));
        return new ScanReport(source, language, mediaType, org.adaldyq.risk.scoring.RiskScores.document(provisionScores),
                provisionCount, scored, kept, metadata);
    }

    private static String citation(Finding f) {
        return f.location() instanceof org.adaldyq.risk.finding.ProvisionLocation p ? p.provision() : "";
    }
}
