package org.adaldyq.risk.report.writer;

import org.adaldyq.risk.structure.CitationText;
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
import org.adaldyq.risk.report.ScannedDocument;
import org.adaldyq.risk.review.Review;

/**
 * The two official versions of one act (Kazakh and Russian) as one self-contained HTML page, in the look of
 * {@link HtmlReport}: first the findings both versions carry, then those of one version only, each finding
 * side by side as each version has it (its quote, why, how to fix, in that version's language), in the order
 * of the provisions. Labels are in the first version's language. Every text from a document is escaped. With
 * the versions as scanned, the page carries the expert's review (its one script, allowed by its hash in the
 * Content-Security-Policy); without them it has no script.
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

    /**
     * The page's review: each finding's confirm / strike-out / note buttons, a finding both versions carry decided
     * in both at once (unless the expert unticks it), the counts, and the review saved and loaded as JSON lines
     * ({@link Review}) for both versions in one file.
     */
    private static final String SCRIPT = "(function () {\n" + HtmlReport.REVIEW_FUNCTIONS + """
              var bar = document.querySelector('.review-bar');
              if (!bar) { return; }
              var words = JSON.parse(bar.getAttribute('data-words'));
              var byAct = {}, actByLang = {}, lines = [];
              document.querySelectorAll('script.review-data').forEach(function (data) {
                var act = data.getAttribute('data-act');
                actByLang[data.getAttribute('data-lang')] = act;
                byAct[act] = {};
                JSON.parse(data.textContent).forEach(function (l) { byAct[act][l.start] = l; lines.push(l); });
              });
              function lineOf(note) {
                var side = note.closest('[data-act]');
                return side ? byAct[side.getAttribute('data-act')][note.getAttribute('data-start')] : null;
              }
              var byId = {}, names = {}, codes = [];
              lines.forEach(function (l) { byId[l.id] = l; });
              bar.querySelectorAll('select.provision option').forEach(function (o) { names[o.value] = o.textContent; });
              bar.querySelectorAll('select.factor option').forEach(function (o) { codes.push(o.value); });
              // the provision with the same number in the other version, when there is exactly one
              function twinOf(l) {
                var twins = lines.filter(function (x) { return x.act !== l.act && x.provision === l.provision; });
                return twins.length === 1 ? twins[0] : null;
              }
              // a finding of one version only: the box where the other version lacks it, to add it there
              var missing = document.querySelectorAll('.missing[data-start]');
              function boxLine(box) { return byAct[box.getAttribute('data-act')][box.getAttribute('data-start')]; }
              function jsonl() {
                return lines.map(reviewLine).join('\\n') + '\\n';
              }
              var notes = document.querySelectorAll('aside.note[data-start]');
              function paint() {
                bar.querySelector('.review-counts').textContent = countsText(paintNotes(notes, lineOf, lines), words);
                missing.forEach(function (box) {
                  var on = has(boxLine(box).added, box.getAttribute('data-factor'));
                  box.setAttribute('data-review', on ? 'added' : '');
                  box.querySelector('button.add-here').setAttribute('aria-pressed', String(on));
                });
                addedList(bar.querySelector('ul.added'), lines, function (l) { return names[l.id] || l.provision; }, words.remove, paint);
              }
              missing.forEach(function (box) {
                box.querySelector('button.add-here').addEventListener('click', function () {
                  var l = boxLine(box);
                  var code = box.getAttribute('data-factor');
                  if (has(l.added, code)) { l.added = without(l.added, code); } else { addFactor(l, code); }
                  paint();
                });
              });
              bar.querySelector('button.add').addEventListener('click', function () {
                var l = byId[bar.querySelector('select.provision').value];
                var code = bar.querySelector('select.factor').value;
                if (!l || !code) { return; }
                addFactor(l, code);
                var twin = bar.querySelector('input.add-both').checked ? twinOf(l) : null;
                if (twin) { addFactor(twin, code); }
                paint();
              });
              var fill = noteBoxes(notes, lineOf, paint);
              notes.forEach(function (note) {
                note.querySelectorAll('button[data-decision]').forEach(function (b) {
                  b.addEventListener('click', function () {
                    var code = note.getAttribute('data-factor');
                    var decision = state(lineOf(note), code) === b.getAttribute('data-decision') ? '' : b.getAttribute('data-decision');
                    // a finding both versions carry: decided in both, unless the expert decides each version alone
                    var row = note.closest('.twin');
                    var targets = bar.querySelector('input.both').checked && row
                      ? row.querySelectorAll('aside.note[data-start][data-factor="' + code + '"]') : [note];
                    Array.prototype.forEach.call(targets, function (target) {
                      var l = lineOf(target);
                      if (l) { setState(l, code, decision); }
                    });
                    paint();
                  });
                });
              });
              bar.querySelector('button.save').addEventListener('click', function () {
                save(jsonl(), bar.getAttribute('data-name') + '.review.jsonl');
              });
              // a review of these versions, or of their earlier versions (each line goes to the version in its language)
              bar.querySelector('input.load').addEventListener('change', function (e) {
                var file = e.target.files[0];
                if (!file || wordFile(file, bar.querySelector('.loaded'), words)) { return; }
                file.text().then(function (text) {
                  var matched = 0, other = 0;
                  text.split('\\n').forEach(function (raw) {
                    if (!raw.trim()) { return; }
                    var r;
                    try { r = JSON.parse(raw); } catch (err) { other++; return; }
                    var act = r && (byAct[r.act] ? r.act : actByLang[r.lang]);
                    var mine = act ? byAct[act] : null;
                    var l = mine && relocated(mine, Object.keys(mine).map(function (k) { return mine[k]; }), r);
                    if (!l) { other++; return; }
                    decide(l, r, codes);
                    matched++;
                  });
                  bar.querySelector('.loaded').textContent = matched + ' / ' + (matched + other);
                  fill();
                  paint();
                });
              });
              window.adaldyqPairReview = jsonl;
              fill();
              paint();
            })();
            """;

    /** The Content-Security-Policy source that allows the page's script (for a page that frames it). */
    public static String scriptSource() {
        return HtmlReport.scriptSource(SCRIPT);
    }

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
        write(pair, null, Review.NONE, catalogue, out);
    }

    /**
     * Writes the page with the expert's review on it: confirm, strike out and a note on each finding (a finding
     * both versions carry decided in both at once unless the expert unticks it), the decisions of {@code review}
     * loaded, and the review of both versions saved as one JSON lines file ({@link Review}). The writer is
     * flushed, not closed.
     *
     * @param pair      the two versions scanned together
     * @param versions  the two versions as scanned (the pair's {@code first} and {@code second}); null: no review on the page
     * @param review    the decisions to show (findings as scanned, decisions on them)
     * @param catalogue the factor catalogue (colours)
     * @param out       where to write
     * @throws IOException when the writer fails
     */
    public static void write(PairReport pair, ScannedDocument[] versions, Review review, FactorCatalogue catalogue, Writer out)
            throws IOException {
        ScanReport first = pair.first();
        ScanReport second = pair.second();
        Language lang = first.language();
        Map<String, String> colours = HtmlReport.colours(catalogue);
        boolean reviewing = versions != null;
        HtmlReport.head(out, lang, label("pairTitle", lang), STYLE, reviewing ? SCRIPT : "");
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
        } else if (reviewing) {
            reviewBar(h, pair, versions, catalogue, lang);
        }
        List<Map<String, Integer>> starts = reviewing ? List.of(startsByCitation(versions[0]), startsByCitation(versions[1])) : null;
        group(h, pair, true, "bothTitle", colours, lang, starts);
        group(h, pair, false, "oneTitle", colours, lang, starts);
        if (reviewing && !pair.findings().isEmpty()) {
            for (ScannedDocument version : versions) {
                reviewData(h, version, review);
            }
        }
        h.append("</section>\n</main>\n<footer>").append(escape(label("generated", lang))).append("</footer>\n");
        if (reviewing) {
            h.append("<script>").append(SCRIPT).append("</script>\n");
        }
        h.append("</body>\n</html>\n");
        out.write(h.toString());
        out.flush();
    }

    /**
     * The review bar: the counts, deciding a shared finding in both versions at once, the factors added and a
     * provision of either version and a factor to add (to the provision with the same number in the other version
     * too, unless the expert unticks it), save and load.
     */
    private static void reviewBar(StringBuilder h, PairReport pair, ScannedDocument[] versions, FactorCatalogue catalogue, Language lang)
            throws IOException {
        String name = base(pair.first().source()) + "+" + base(pair.second().source());
        h.append("<div class=\"review-bar\" data-name=\"").append(escape(name)).append("\" data-words=\"")
                .append(escape(HtmlReport.labelsJson(lang, "confirmed", "struck", "toReview", "added", "remove", "wordReview"))).append("\">\n<h3>").append(escape(label("review", lang)))
                .append("</h3>\n<p>").append(escape(label("reviewHelpPair", lang))).append("</p>\n<p><span class=\"review-counts\"></span></p>\n")
                .append("<p><label><input type=\"checkbox\" class=\"both\" checked> ").append(escape(label("decideBoth", lang)))
                .append("</label></p>\n<ul class=\"added\"></ul>\n<p><label>").append(escape(label("addFactor", lang)))
                .append(": <select class=\"provision\">");
        for (ScannedDocument version : versions) {
            String act = Review.act(version.report().source());
            Language side = version.report().language();
            String text = version.document().text();
            h.append("<optgroup label=\"").append(escape(act)).append(" · ").append(side.code()).append("\">");
            for (org.adaldyq.risk.structure.Provision p : version.document().provisions()) {
                HtmlReport.provisionOption(h, act + "@" + p.start(), side.code() + " · ", p, text, side);
            }
            h.append("</optgroup>");
        }
        h.append("</select></label> <select class=\"factor\">");
        HtmlReport.factorOptions(h, catalogue, lang);
        h.append("</select> <button type=\"button\" class=\"add\">").append(escape(label("add", lang)))
                .append("</button></p>\n<p><label><input type=\"checkbox\" class=\"add-both\" checked> ").append(escape(label("addBoth", lang)))
                .append("</label></p>\n<p><button type=\"button\" class=\"save\">").append(escape(label("saveReview", lang)))
                .append("</button> <label>").append(escape(label("loadReview", lang)))
                .append(": <input type=\"file\" class=\"load\" accept=\".jsonl,.json,.txt,.docx\"></label> <span class=\"loaded\"></span></p>\n</div>\n");
    }

    /**
     * One version's review lines for the page's script: every provision, whole (the page does not show the text;
     * the expert may add a factor to any of them), {@code <} written as {@code \u003c}.
     */
    private static void reviewData(StringBuilder h, ScannedDocument version, Review review) throws IOException {
        h.append("<script type=\"application/json\" class=\"review-data\" data-act=\"").append(escape(Review.act(version.report().source())))
                .append("\" data-lang=\"").append(version.report().language().code()).append("\">[");
        boolean firstLine = true;
        for (Review.Decision d : review.worksheet(version)) {
            h.append(firstLine ? "" : ",").append(Review.line(d).replace("<", "\\u003c"));
            firstLine = false;
        }
        h.append("]</script>\n");
    }

    /** A file name without its folders and extension. */
    private static String base(String source) {
        String name = Review.act(source);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** A version's provisions by citation, those whose citation is its own (the provision a missing finding may be added to). */
    private static Map<String, Integer> startsByCitation(ScannedDocument version) {
        Map<String, Integer> starts = new java.util.HashMap<>();
        java.util.Set<String> repeated = new java.util.HashSet<>();
        for (org.adaldyq.risk.structure.Provision p : version.document().provisions()) {
            if (starts.put(p.citation(), p.start()) != null) {
                repeated.add(p.citation());
            }
        }
        starts.keySet().removeAll(repeated);
        return starts;
    }

    /**
     * The findings both versions carry ({@code both}), or those of one version only, side by side; {@code starts}
     * (null: no review on the page) each version's provisions by citation.
     */
    private static void group(StringBuilder h, PairReport pair, boolean both, String title, Map<String, String> colours, Language lang,
                              List<Map<String, Integer>> starts) {
        boolean reviewing = starts != null;
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
            side(h, f.first(), f, id + "-a", colours, pair.first(), badge, reviewing ? starts.get(0) : null);
            side(h, f.second(), f, id + "-b", colours, pair.second(), badge, reviewing ? starts.get(1) : null);
            h.append("</div>\n");
        }
        h.append("</div>\n");
    }

    /**
     * One version's side of a finding: its note, or the box saying the version lacks it; with {@code starts}
     * (the version's provisions by citation; null: no review), the box of a version whose provision has the
     * finding's number offers to add the factor there.
     */
    private static void side(StringBuilder h, Finding finding, PairedFinding f, String id, Map<String, String> colours,
                             ScanReport version, String badge, Map<String, Integer> starts) {
        Language side = version.language();
        String act = Review.act(version.source());
        if (finding == null) {
            Integer start = starts == null ? null : starts.get(f.provision());
            h.append("<div class=\"missing\" lang=\"").append(side.code()).append('"');
            if (start != null) {
                h.append(" data-act=\"").append(escape(act)).append("\" data-start=\"").append(start).append("\" data-factor=\"")
                        .append(escape(f.code())).append('"');
            }
            h.append('>').append(escape(CitationText.of(f.provision(), side))).append(" · ").append(f.code()).append(": ")
                    .append(escape(label("notInVersion", side)));
            if (start != null) {
                h.append("<button type=\"button\" class=\"add-here\" aria-pressed=\"false\">").append(escape(label("addHere", side)))
                        .append("</button>");
            }
            h.append("</div>\n");
        } else {
            h.append("<div lang=\"").append(side.code()).append("\" data-act=\"").append(escape(act)).append("\">");
            HtmlReport.note(h, finding, id, colours.getOrDefault(f.code(), "#777777"), side, badge, true, starts != null);
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
