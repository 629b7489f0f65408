package org.adaldyq.risk.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.adaldyq.risk.finding.Evidence;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.finding.ProvisionLocation;
import org.adaldyq.risk.structure.Provision;

/**
 * Two official versions of one act (Kazakh and Russian) scanned together: provisions aligned by their
 * number (citation), the union of the findings, and for each whether both versions have it or only one.
 * A finding found in one version only is what a reviewer checks first: either the versions differ, or
 * one of them was read wrongly.
 *
 * @param first              the report of the first version
 * @param second             the report of the second version
 * @param firstProvisions    number of provisions of the first version
 * @param secondProvisions   number of provisions of the second version
 * @param aligned            provisions whose citation both versions have
 * @param findings           one per (citation, factor), in the first version's order, then provisions only the
 *                           second has
 * @param minConfidence      the minimum confidence the findings were kept at ({@link #keeping}); 0: all
 */
public record PairReport(ScanReport first, ScanReport second, int firstProvisions, int secondProvisions, int aligned,
                         List<PairedFinding> findings, double minConfidence) {

    /** Copies the findings; requires a minimum confidence from 0 to 1. */
    public PairReport {
        findings = List.copyOf(findings);
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("the minimum confidence must be a number from 0 to 1: " + minConfidence);
        }
    }

    /** A pair with all its findings (no minimum confidence). */
    public PairReport(ScanReport first, ScanReport second, int firstProvisions, int secondProvisions, int aligned,
                      List<PairedFinding> findings) {
        this(first, second, firstProvisions, secondProvisions, aligned, findings, 0);
    }

    /** A factor in one provision, with the finding of each version that has it (null where it does not). */
    public record PairedFinding(String code, String provision, Finding first, Finding second) {

        /** True when both versions have the finding. */
        public boolean inBoth() {
            return first != null && second != null;
        }

        /**
         * How sure the pair's finding is: the higher of its versions' confidences (after {@link #confirmedByBoth},
         * both carry the measured confidence of a finding both versions have); null when neither has one.
         */
        public Double confidence() {
            Double a = first == null ? null : first.confidence();
            Double b = second == null ? null : second.confidence();
            return a == null ? b : b == null ? a : Double.valueOf(Math.max(a, b));
        }

        /** The language of the only version that has it, or null when both do. */
        public String onlyIn(PairReport pair) {
            return inBoth() ? null : first != null ? pair.first().language().code() : pair.second().language().code();
        }
    }

    /** Number of findings both versions have. */
    public long inBoth() {
        return findings.stream().filter(PairedFinding::inBoth).count();
    }

    /** Number of findings only the first version has. */
    public long firstOnly() {
        return findings.stream().filter(f -> f.second() == null).count();
    }

    /** Number of findings only the second version has. */
    public long secondOnly() {
        return findings.stream().filter(f -> f.first() == null).count();
    }

    /** Aligns two versions as read and scanned ({@code RiskEngine.scanDocument}). */
    public static PairReport of(ScannedDocument first, ScannedDocument second) {
        return align(first.report(), first.document().provisions(), second.report(), second.document().provisions());
    }

    /** Aligns two scanned versions; {@code firstCitations} and {@code secondCitations} list every provision of each. */
    public static PairReport align(ScanReport first, List<Provision> firstCitations, ScanReport second,
                                   List<Provision> secondCitations) {
        Set<String> inFirst = new java.util.HashSet<>();
        firstCitations.forEach(p -> inFirst.add(p.citation()));
        int aligned = (int) secondCitations.stream().map(Provision::citation).distinct().filter(inFirst::contains).count();
        Map<String, Map<String, Finding[]>> byCitation = new LinkedHashMap<>();
        for (Finding f : first.findings()) {
            slot(byCitation, f)[0] = f;
        }
        for (Finding f : second.findings()) {
            Finding[] s = slot(byCitation, f);
            if (s[1] == null) {
                s[1] = f;
            }
        }
        List<PairedFinding> out = new ArrayList<>();
        byCitation.forEach((citation, byCode) -> byCode.forEach((code, pair) ->
                out.add(new PairedFinding(code, citation, pair[0], pair[1]))));
        return new PairReport(first, second, firstCitations.size(), secondCitations.size(), aligned, out);
    }

    /**
     * The pair with the findings both versions carry given the confidence measured for exactly that case
     * ({@code confidence.csv}'s pair row: how often a finding both official versions have was right), in place
     * of each version's per-factor one; the confidence line of their evidence says so, in each version's
     * language ({@code basis}). Findings of one version only keep their own.
     *
     * @param confidence the pair row's confidence, from 0 to 1
     * @param basis      the pair row in words, per language
     */
    public PairReport confirmedByBoth(double confidence, java.util.function.Function<org.adaldyq.risk.lang.Language, String> basis) {
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be a number from 0 to 1: " + confidence);
        }
        Map<Finding, Finding> replaced = new java.util.IdentityHashMap<>();
        List<PairedFinding> out = new ArrayList<>();
        for (PairedFinding f : findings) {
            if (!f.inBoth()) {
                out.add(f);
                continue;
            }
            Finding a = confirmed(f.first(), confidence, basis.apply(first.language()));
            Finding b = confirmed(f.second(), confidence, basis.apply(second.language()));
            replaced.put(f.first(), a);
            replaced.put(f.second(), b);
            out.add(new PairedFinding(f.code(), f.provision(), a, b));
        }
        return new PairReport(first.mapping(f -> replaced.getOrDefault(f, f)), second.mapping(f -> replaced.getOrDefault(f, f)),
                firstProvisions, secondProvisions, aligned, out, minConfidence);
    }

    /** The finding with this confidence, its confidence evidence (if any) replaced by {@code words}. */
    private static Finding confirmed(Finding f, double confidence, String words) {
        Evidence said = Evidence.of(Evidence.CONFIDENCE, words);
        List<Evidence> evidence = new ArrayList<>();
        for (Evidence e : f.evidence()) {
            evidence.add(Evidence.CONFIDENCE.equals(e.path()) ? said : e);
        }
        if (!evidence.contains(said)) {
            evidence.add(said);
        }
        return new Finding(f.code(), f.ruleId(), f.severity(), f.score(), f.title(), f.location(), f.triggers(), evidence,
                f.explanation(), f.recommendation(), confidence);
    }

    /**
     * The pair with the findings a reader asked for, at least {@code min} confident, decided per pair: a
     * factor both versions found is kept, in both, when either version's finding reaches {@code min} (findings
     * both versions carry are right more often than any one version's factor is: docs/regulation.md); a finding
     * of one version only when its own confidence does. A finding without a confidence is kept. Each version's
     * report keeps the same findings, its scores worked out again ({@link ScanReport#keeping}).
     *
     * @param min the minimum confidence, from 0 (all) to 1
     */
    public PairReport keeping(double min) {
        if (min <= 0 || min == minConfidence) {
            return this;
        }
        java.util.Set<Finding> paired = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.Set<Finding> kept = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        List<PairedFinding> out = new ArrayList<>();
        for (PairedFinding f : findings) {
            boolean keep = reaches(f.first(), min) || reaches(f.second(), min);
            if (keep) {
                out.add(f);
            }
            for (Finding one : java.util.Arrays.asList(f.first(), f.second())) {
                if (one != null) {
                    paired.add(one);
                    if (keep) {
                        kept.add(one);
                    }
                }
            }
        }
        // a finding the alignment left out (two provisions of one version with the same number) goes by its own
        java.util.function.Predicate<Finding> keep = f -> paired.contains(f) ? kept.contains(f) : reaches(f, min);
        return new PairReport(first.keeping(keep), second.keeping(keep), firstProvisions, secondProvisions, aligned, out, min);
    }

    private static boolean reaches(Finding f, double min) {
        return f != null && (f.confidence() == null || f.confidence() >= min);
    }

    private static Finding[] slot(Map<String, Map<String, Finding[]>> byCitation, Finding f) {
        String citation = f.location() instanceof ProvisionLocation p ? p.provision() : "";
        return byCitation.computeIfAbsent(citation, k -> new TreeMap<>()).computeIfAbsent(f.code(), k -> new Finding[2]);
    }
}
