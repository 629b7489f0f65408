package org.adaldyq.risk.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.finding.ProvisionLocation;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.scoring.RiskScores;

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
     * A report of {@code findings} (one per provision and factor, each at a {@link ProvisionLocation}): put in
     * text order (by provision, then by quote: a list item's quote may stand in its lead-in, then by code), each
     * provision scored from its findings in code order ({@link RiskScores#anyOf}), the provisions ranked
     * highest score first and the document scored from them in text order ({@link RiskScores#document}).
     */
    public static ScanReport of(String source, Language language, String mediaType, int provisionCount, List<Finding> findings,
                                Map<String, String> metadata) {
        List<Finding> inTextOrder = new ArrayList<>(findings);
        inTextOrder.sort(Comparator.comparingInt((Finding f) -> location(f).provisionStart())
                .thenComparingInt(f -> location(f).start())
                .thenComparing(Finding::code));
        Map<Integer, TreeMap<String, Finding>> byProvision = new TreeMap<>();
        for (Finding f : inTextOrder) {
            byProvision.computeIfAbsent(location(f).provisionStart(), k -> new TreeMap<>()).put(f.code(), f);
        }
        List<ProvisionScore> scored = new ArrayList<>();
        List<Double> provisionScores = new ArrayList<>();
        for (TreeMap<String, Finding> byCode : byProvision.values()) {
            ProvisionLocation at = location(byCode.firstEntry().getValue());
            double score = RiskScores.anyOf(byCode.values().stream().map(Finding::score).toList());
            provisionScores.add(score);
            scored.add(new ProvisionScore(at.provision(), at.provisionStart(), at.provisionEnd(), score, List.copyOf(byCode.keySet())));
        }
        scored.sort(Comparator.comparingDouble(ProvisionScore::score).reversed().thenComparingInt(ProvisionScore::start));
        return new ScanReport(source, language, mediaType, RiskScores.document(provisionScores), provisionCount, scored,
                inTextOrder, metadata);
    }

    /**
     * This report with only the findings {@code keep} accepts, its provision and document scores worked out
     * again from them ({@link #of}); this report itself when it keeps them all.
     */
    public ScanReport keeping(java.util.function.Predicate<Finding> keep) {
        if (findings.stream().allMatch(keep)) {
            return this;
        }
        return of(source, language, mediaType, provisionCount, findings.stream().filter(keep).toList(), metadata);
    }

    /**
     * This report with each finding replaced by what {@code replace} makes of it (same place and score: the
     * provision and document scores stay as they are).
     */
    public ScanReport mapping(java.util.function.UnaryOperator<Finding> replace) {
        return of(source, language, mediaType, provisionCount, findings.stream().map(replace).toList(), metadata);
    }

    private static ProvisionLocation location(Finding f) {
        return (ProvisionLocation) f.location();
    }
}
