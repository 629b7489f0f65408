package org.adaldyq.risk.report.writer;

import org.adaldyq.risk.structure.CitationText;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.adaldyq.risk.compare.DraftDiff;
import org.adaldyq.risk.compare.FindingChange;
import org.adaldyq.risk.review.Review;
import org.adaldyq.risk.compare.ProvisionChange;
import org.adaldyq.risk.compare.ProvisionText;
import org.adaldyq.risk.compare.WordDiff;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.regulation.FactorCatalogue;

/**
 * The comparison of two versions of a draft as one self-contained HTML page, in the look of
 * {@link HtmlReport}: the scores before and after, then each provision added, removed or changed with its
 * words struck out and inserted and its findings marked new, gone or kept, then the unchanged provisions
 * folded. Labels are in the new version's language. Every text from a document is escaped and the page has
 * no script (its Content-Security-Policy allows none).
 */
public final class HtmlDiffReport {

    private static final String STYLE = """
            .change { border-top: 1px solid var(--line); padding: 10px 0 4px; }
            .change h3 { margin: 0 0 6px; font-size: 15px; }
            .change h3 .how { color: var(--muted); font-weight: normal; }
            .kind { font-size: 11px; padding: 1px 6px; border-radius: 8px; color: #fff; text-transform: uppercase; letter-spacing: .03em; }
            .kind-ADDED { background: #1a9e9e; } .kind-REMOVED { background: #9a6324; } .kind-CHANGED { background: #4363d8; }
            .kind-UNCHANGED, .st-KEPT { background: #5f6368; } .st-ADDED { background: #b3261e; } .st-REMOVED { background: #1e7b34; }
            .st { font-size: 11px; padding: 0 5px; border-radius: 8px; color: #fff; margin-right: 4px; }
            del { background: #fde2e1; color: #8c1d18; }
            ins { background: #dcf5e3; color: #14532d; text-decoration: none; border-bottom: 1px solid #1e7b34; }
            details summary { cursor: pointer; font-weight: 600; }
            details ul { font-size: 13px; }
            """;

    private HtmlDiffReport() {
    }

    /**
     * Writes the page. The writer is flushed, not closed.
     *
     * @param diff      the comparison
     * @param catalogue the factor catalogue (factor titles and colours)
     * @param out       where to write
     * @throws IOException when the writer fails
     */
    public static void write(DraftDiff diff, FactorCatalogue catalogue, Writer out) throws IOException {
        write(diff, null, catalogue, out);
    }

    /**
     * As above, for versions compared with the expert's review of the earlier one ({@link Review#revision}): the
     * page also says how many decisions were applied and carried, and names the provisions whose decisions were not
     * carried because they changed.
     *
     * @param review the review on the two versions, or null
     */
    public static void write(DraftDiff diff, Review.Revision review, FactorCatalogue catalogue, Writer out) throws IOException {
        Language lang = diff.language();
        Map<String, String> colours = HtmlReport.colours(catalogue);
        HtmlReport.head(out, lang, label("diffTitle", lang), STYLE, "");
        StringBuilder h = new StringBuilder(8192);
        h.append("<section class=\"doc\" lang=\"").append(lang.code()).append("\">\n<h2>").append(escape(diff.before()))
                .append(" → ").append(escape(diff.after())).append("</h2>\n<p class=\"facts\">");
        h.append(escape(label("score", lang))).append(" <b>").append(fmt(diff.scoreBefore())).append("</b> → <b>")
                .append(fmt(diff.scoreAfter())).append("</b> · ").append(escape(label("provisions", lang))).append(" <b>")
                .append(diff.provisionsBefore()).append("</b> → <b>").append(diff.provisionsAfter()).append("</b> · ")
                .append(escape(label("findings", lang))).append(": ");
        Map<FindingChange.Status, Integer> findings = diff.findingCounts();
        h.append(findings.entrySet().stream().map(e -> "<span class=\"st st-" + e.getKey() + "\">"
                + escape(label("finding" + e.getKey(), lang)) + "</span><b>" + e.getValue() + "</b>").collect(Collectors.joining(" ")));
        h.append("</p>\n<p class=\"facts\">").append(escape(label("changes", lang))).append(": ");
        h.append(diff.counts().entrySet().stream().map(e -> escape(label(e.getKey().toString(), lang)) + " <b>" + e.getValue() + "</b>")
                .collect(Collectors.joining(" · ")));
        h.append("</p>\n");
        if (review != null) {
            h.append("<p class=\"facts review\">").append(escape(label("reviewCarried", lang)
                    .replace("{applied}", String.valueOf(review.before().applied()))
                    .replace("{carried}", String.valueOf(review.after().applied()))));
            if (!review.after().stale().isEmpty()) {
                h.append("; ").append(escape(label("reviewReadAgain", lang))).append(": <b>")
                        .append(escape(review.after().stale().stream().map(d -> CitationText.of(d.provision(), lang))
                                .collect(Collectors.joining("; ")))).append("</b>");
            }
            h.append("</p>\n");
        }
        int n = 0;
        List<ProvisionChange> unchanged = diff.changes(ProvisionChange.Kind.UNCHANGED);
        if (unchanged.size() == diff.changes().size()) {
            h.append("<p class=\"none\">").append(escape(label("noChanges", lang))).append("</p>\n");
        }
        for (ProvisionChange c : diff.changes()) {
            if (c.kind() != ProvisionChange.Kind.UNCHANGED) {
                change(h, c, "c" + n++, colours, lang);
            }
        }
        if (!unchanged.isEmpty()) {
            h.append("<details><summary>").append(escape(label("unchangedList", lang))).append(" (").append(unchanged.size())
                    .append(")</summary>\n<ul>\n");
            for (ProvisionChange c : unchanged) {
                h.append("<li>").append(escape(citations(c.after(), lang)));
                if (c.renumbered()) {
                    h.append(" <span class=\"none\">(").append(escape(label("renumbered", lang))).append(": ")
                            .append(escape(citations(c.before(), lang))).append(")</span>");
                }
                if (!c.findings().isEmpty()) {
                    h.append(" · ").append(escape(c.findings().stream().map(FindingChange::code).collect(Collectors.joining(", "))));
                }
                h.append("</li>\n");
            }
            h.append("</ul></details>\n");
        }
        h.append("</section>\n</main>\n<footer>").append(escape(label("generated", lang))).append("</footer>\n</body>\n</html>\n");
        out.write(h.toString());
        out.flush();
    }

    private static void change(StringBuilder h, ProvisionChange c, String id, Map<String, String> colours, Language lang) {
        h.append("<div class=\"change\" id=\"").append(id).append("\">\n<h3><span class=\"kind kind-").append(c.kind()).append("\">")
                .append(escape(label(c.kind().toString(), lang))).append("</span> ");
        String was = citations(c.before(), lang);
        String is = citations(c.after(), lang);
        h.append(escape(c.after().isEmpty() ? was : c.before().isEmpty() || was.equals(is) ? is : was + " → " + is));
        h.append(" <span class=\"how\">");
        if (c.alignment() == ProvisionChange.Alignment.SPLIT || c.alignment() == ProvisionChange.Alignment.MERGED) {
            h.append("· ").append(escape(label(c.alignment().toString(), lang))).append(' ');
        }
        if (c.kind() == ProvisionChange.Kind.CHANGED) {
            h.append("· ").append(escape(label("similarity", lang))).append(' ').append(fmt(c.similarity()));
        }
        h.append("</span></h3>\n<div class=\"body\">\n<p class=\"line\">");
        String before = joined(c.before());
        String after = joined(c.after());
        for (WordDiff.Piece p : WordDiff.of(before, after)) {
            switch (p.op()) {
                case SAME -> h.append(escape(p.text()));
                case DELETED -> h.append("<del>").append(escape(p.text())).append("</del>");
                case INSERTED -> h.append("<ins>").append(escape(p.text())).append("</ins>");
            }
        }
        h.append("</p>\n<div class=\"notes\">\n");
        int i = 0;
        for (FindingChange f : c.findings()) {
            String badge = "<span class=\"st st-" + f.status() + "\">" + escape(label("finding" + f.status(), lang)) + "</span>";
            var finding = f.after() != null ? f.after() : f.before();
            HtmlReport.note(h, finding, id + "-f" + i++, colours.getOrDefault(f.code(), "#777777"), lang, badge, true);
        }
        h.append("</div>\n</div>\n</div>\n");
    }

    private static String joined(List<ProvisionText> side) {
        return side.stream().map(ProvisionText::text).collect(Collectors.joining("\n"));
    }

    private static String citations(List<ProvisionText> side, Language lang) {
        return side.stream().map(t -> CitationText.of(t.citation(), lang)).collect(Collectors.joining(" + "));
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }

    private static String escape(String s) {
        return HtmlReport.escape(s);
    }

    private static String label(String key, Language lang) {
        return HtmlReport.label(key, lang);
    }
}
