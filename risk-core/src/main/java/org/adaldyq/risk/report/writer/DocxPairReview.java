package org.adaldyq.risk.report.writer;

import org.adaldyq.risk.structure.CitationText;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.finding.ProvisionLocation;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.regulation.FactorCatalogue;
import org.adaldyq.risk.report.PairReport;
import org.adaldyq.risk.report.PairReport.PairedFinding;
import org.adaldyq.risk.report.ScanReport;
import org.adaldyq.risk.report.ScannedDocument;
import org.adaldyq.risk.structure.Provision;

/**
 * One official version of an act back with Word comments ({@link DocxReview}) that also tell what the other
 * official version has: each of its findings titled with whether both versions carry it ({@code kk+ru}) or
 * this one only, and a comment on this version's provision for each finding only the other version has
 * (its quote, and the factor's why and how to fix in this version's language). A reviewer working in one
 * language's Word file sees where the two versions disagree.
 */
public final class DocxPairReview {

    private DocxPairReview() {
    }

    /**
     * Writes {@code version} (one of the two documents {@code pair} was made from: {@code first} says which)
     * with its comments.
     *
     * @param pair      the two versions scanned together ({@link PairReport#align})
     * @param version   this version, as read and scanned
     * @param first     whether {@code version} is the pair's first version
     * @param catalogue the factor catalogue (titles and texts in this version's language)
     * @param original  the bytes of this version's file (opened only for a DOCX)
     * @param out       where to write the reviewed document
     * @return what was written
     * @throws IOException when the original cannot be read as DOCX or the output cannot be written
     */
    public static DocxReview.Outcome review(PairReport pair, ScannedDocument version, boolean first, FactorCatalogue catalogue,
                                            DocxReview.Original original, OutputStream out) throws IOException {
        ScanReport own = first ? pair.first() : pair.second(); // the findings the pair kept (a minimum confidence)
        Language lang = own.language();
        Language other = (first ? pair.second() : pair.first()).language();
        Map<String, PairedFinding> byProvisionAndCode = new HashMap<>();
        pair.findings().forEach(f -> byProvisionAndCode.put(f.provision() + "\n" + f.code(), f));
        List<Finding> findings = new ArrayList<>();
        for (Finding f : own.findings()) {
            PairedFinding paired = byProvisionAndCode.get(((ProvisionLocation) f.location()).provision() + "\n" + f.code());
            boolean both = paired != null && paired.inBoth();
            String status = HtmlPairReport.status(pair, both ? null : lang, lang);
            String explanation = both ? f.explanation()
                    : f.explanation() + " " + HtmlReport.label("pairOwnOnly", lang).replace("{other}", other.code());
            if (both && f.confidence() != null && f.confidence() < pair.minConfidence()) {
                // kept below the minimum asked for: the other version's finding of the factor reached it
                explanation += " " + HtmlReport.label("pairKeptByOther", lang).replace("{other}", other.code())
                        .replace("{min}", String.format(java.util.Locale.ROOT, "%.2f", pair.minConfidence()));
            }
            findings.add(new Finding(f.code(), f.ruleId(), f.severity(), f.score(), f.title() + " — " + status, f.location(),
                    f.triggers(), f.evidence(), explanation, f.recommendation(), f.confidence()));
        }
        Map<String, Provision> provisions = new HashMap<>();
        version.document().provisions().forEach(p -> provisions.putIfAbsent(p.citation(), p));
        for (PairedFinding f : pair.findings()) {
            Finding theirs = first ? f.second() : f.first();
            Finding mine = first ? f.first() : f.second();
            if (mine == null && theirs != null) {
                findings.add(otherVersionOnly(pair, theirs, f, provisions, version, catalogue, lang, other));
            }
        }
        findings.sort(Comparator.comparingInt(f -> ((ProvisionLocation) f.location()).start()));
        ScanReport report = new ScanReport(own.source(), lang, own.mediaType(), own.score(), own.provisionCount(), own.provisions(),
                findings, own.metadata());
        return DocxReview.review(new ScannedDocument(version.document(), report, version.words()), original, out);
    }

    /**
     * A finding only the other version has, as a comment on this version's provision of the same number (its
     * first line), or on the first provision when this version has none by that number.
     */
    private static Finding otherVersionOnly(PairReport pair, Finding theirs, PairedFinding f, Map<String, Provision> provisions,
                                            ScannedDocument version, FactorCatalogue catalogue, Language lang, Language other) {
        String text = version.document().text();
        Provision at = provisions.get(f.provision());
        String where = "";
        if (at == null) {
            at = version.document().provisions().isEmpty() ? null : version.document().provisions().get(0);
            where = " (" + CitationText.of(f.provision(), lang) + ")";
        }
        int start = at == null ? 0 : at.start();
        int end = at == null ? Math.min(text.length(), 1) : at.end();
        int lineEnd = text.indexOf('\n', start);
        end = Math.max(start, Math.min(end, lineEnd < 0 ? end : lineEnd));
        String quote = text.substring(start, end);
        ProvisionLocation location = new ProvisionLocation(at == null ? f.provision() : at.citation(), at == null ? 0 : at.start(),
                at == null ? end : at.end(), quote, start, end);
        var factor = catalogue.get(theirs.code());
        String title = factor.map(x -> x.title(lang)).orElse(theirs.title());
        String explanation = HtmlReport.label("pairOtherOnly", lang).replace("{other}", other.code())
                .replace("{quote}", ((ProvisionLocation) theirs.location()).quote()) + where;
        String recommendation = factor.map(x -> x.recommendation(lang)).orElse(theirs.recommendation());
        return new Finding(theirs.code(), theirs.ruleId(), theirs.severity(), theirs.score(),
                title + " — " + HtmlPairReport.status(pair, other, lang), location, theirs.triggers(),
                List.of(), explanation, recommendation, null);
    }
}
