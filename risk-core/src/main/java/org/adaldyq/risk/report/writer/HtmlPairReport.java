package org.adaldyq.risk.report.writer;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.regulation.FactorCatalogue;
import org.adaldyq.risk.report.PairReport;
import org.adaldyq.risk.report.PairReport.PairedFinding;
import org.adaldyq.risk.report.ScanReport;

/**
 * The two official versions of one act (Kazakh and Russian) as one self-contained HTML page, in the look of
 * {@link HtmlReport}: first the findings both versions carry, then those of one version only, each finding
 * side by side as each version has it (its quote, why, how to fix, in that version's language), in the order
 * of the provisions. Labels are in the first version's language. Every text from a document is escaped and
 * the page has no script (its Content-Security-Policy allows none).
 */
public final class HtmlPairReport {

    private static final String STYLE = """
            .group { border-top: 1px solid var(--line); padding: 10px 0 4px; }
            .group > h3 { margin: 4px 0 8px; font-size: 16px; }
            .advice { margin: 0 0 10px; }
            .twin { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 8px 16px; margin: 0 0 6px; align-items: start; }
            .twin .side-head { font-size: 12px; color: var(--muted); word-break: break-all; }
            .missing { border: 1px dashed var(--line); border-radius: 4px; padding: 6px 10px; font-size: 13px; color: var(--muted); }
            .st { font-size: 11px; padding: 0 5px; border-radius: 8px; color: #fff; margin-right: 4px; }
            .st-both { background: #1e7b34; } .st-one { background: #c26a00; }
            @media (max-width: 800px) { .twin { grid-template-columns: 1fr; } }
            """;

    private HtmlPairReport() {
    }

    /**
     * Writes the page. The writer is flushed, not closed.
     *
     * @param pair      the two versions scanned together
     * @param catalogue the factor catalogue (colours)
     * @param out       where to write
     * @throws IOException when the writer fails
     */
    public static void write(PairReport pair, FactorCatalogue catalogue, Writer out) throws IOException {
        ScanReport first = pair.first();
        ScanReport second = pair.second();
        Language lang = first.language();
        Map<String, String> colours = HtmlReport.colours(catalogue);
        HtmlReport.head(out, lang, label("pairTitle", lang), STYLE, "");
        StringBuilder h = new StringBuilder(8192);
        h.append("<section class=\"doc\" lang=\"").append(lang.code()).append("\">\n<h2>").append(escape(first.source()))
                .append(" + ").append(escape(second.source())).append("</h2>\n<p class=\"facts\">");
        h.append(escape(label("provisions", lang))).append(": ").append(first.language().code()).append(" <b>")
                .append(pair.firstProvisions()).append("</b> · ").append(second.language().code()).append(" <b>")
                .append(pair.secondProvisions()).append("</b> · ").append(escape(label("aligned", lang))).append(" <b>")
                .append(pair.aligned()).append("</b></p>\n<p class=\"facts\">").append(escape(label("findings", lang))).append(": ")
                .append(badge(true, pair, null, lang)).append("<b>").append(pair.inBoth()).append("</b> · ")
                .append(badge(false, pair, first.language(), lang)).append("<b>").append(pair.firstOnly()).append("</b> · ")
                .append(badge(false, pair, second.language(), lang)).append("<b>").append(pair.secondOnly()).append("</b></p>\n");
        h.append("<p class=\"advice\">").append(escape(label("pairAdvice", lang))).append("</p>\n");
        if (pair.minConfidence() > 0) {
            h.append("<p class=\"advice\">").append(escape(label("pairMinimum", lang)
                    .replace("{min}", String.format(java.util.Locale.ROOT, "%.2f", pair.minConfidence())))).append("</p>\n");
        }
        if (pair.findings().isEmpty()) {
            h.append("<p class=\"none\">").append(escape(label("none", lang))).append("</p>\n");
        }
        group(h, pair, true, "bothTitle", colours, lang);
        group(h, pair, false, "oneTitle", colours, lang);
        h.append("</section>\n</main>\n<footer>").append(escape(label("generated", lang))).append("</footer>\n</body>\n</html>\n");
        out.write(h.toString());
        out.flush();
    }

    /** The findings both versions carry ({@code both}), or those of one version only, side by side. */
    private static void group(StringBuilder h, PairReport pair, boolean both, String title, Map<String, String> colours, Language lang) {
        List<PairedFinding> findings = pair.findings().stream().filter(f -> f.inBoth() == both).toList();
        if (findings.isEmpty()) {
            return;
        }
        String prefix = both ? "b" : "o";
        h.append("<div class=\"group\">\n<h3>").append(escape(label(title, lang))).append(" (").append(findings.size()).append(")</h3>\n");
        h.append("<div class=\"twin\"><div class=\"side-head\">").append(escape(pair.first().source())).append(" · ")
                .append(pair.first().language().code()).append("</div><div class=\"side-head\">").append(escape(pair.second().source()))
                .append(" · ").append(pair.second().language().code()).append("</div></div>\n");
        int i = 0;
        for (PairedFinding f : findings) {
            String id = prefix + i++;
            String badge = badge(f.inBoth(), pair, f.inBoth() ? null : f.first() != null ? pair.first().language() : pair.second().language(), lang);
            h.append("<div class=\"twin\">\n");
            side(h, f.first(), f, id + "-a", colours, pair.first().language(), badge);
            side(h, f.second(), f, id + "-b", colours, pair.second().language(), badge);
            h.append("</div>\n");
        }
        h.append("</div>\n");
    }

    private static void side(StringBuilder h, Finding finding, PairedFinding f, String id, Map<String, String> colours,
                             Language side, String badge) {
        if (finding == null) {
            h.append("<div class=\"missing\" lang=\"").append(side.code()).append("\">").append(escape(CitationText.of(f.provision(), side)))
                    .append(" · ").append(f.code()).append(": ").append(escape(label("notInVersion", side))).append("</div>\n");
        } else {
            h.append("<div lang=\"").append(side.code()).append("\">");
            HtmlReport.note(h, finding, id, colours.getOrDefault(f.code(), "#777777"), side, badge, true);
            h.append("</div>\n");
        }
    }

    /** "kk+ru" (both) or "only kk" (one version), as a coloured badge. */
    private static String badge(boolean both, PairReport pair, Language only, Language lang) {
        return "<span class=\"st st-" + (both ? "both" : "one") + "\">" + escape(status(pair, both ? null : only, lang)) + "</span>";
    }

    /**
     * Whether a finding stands in both versions ({@code only} null: "kk+ru") or in one ("only kk"), in
     * {@code lang}: the mark the pair's page and its Word comments give it.
     */
    static String status(PairReport pair, Language only, Language lang) {
        return only == null ? pair.first().language().code() + "+" + pair.second().language().code()
                : label("onlyIn", lang).replace("{lang}", only.code());
    }

    private static String escape(String s) {
        return HtmlReport.escape(s);
    }

    private static String label(String key, Language lang) {
        return HtmlReport.label(key, lang);
    }
}
