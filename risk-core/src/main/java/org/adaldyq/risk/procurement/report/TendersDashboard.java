package org.adaldyq.risk.procurement.report;

import static org.adaldyq.risk.report.writer.HtmlReport.escape;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.adaldyq.risk.finding.Evidence;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.procurement.Assessment;
import org.adaldyq.risk.procurement.OrganisationSummary;
import org.adaldyq.risk.procurement.ProcessFlag;
import org.adaldyq.risk.procurement.ProcessResult;
import org.adaldyq.risk.procurement.RunCounts;
import org.adaldyq.risk.report.writer.HtmlReport;
import org.adaldyq.risk.report.writer.UiLabels;

/**
 * The procurement dashboard ({@code tenders --format html}): one self-contained HTML page with the run's
 * summary (processes, flagged share, CRI distribution), flag frequencies, buyers and suppliers ranked by
 * priority with their flag counts, and a searchable table of the riskiest processes with their evidence.
 *
 * <p>It reads the assessment's processes once, as a stream, keeping counters and only the top processes,
 * so its memory does not grow with the number of processes. Every value comes from the assessment's
 * typed results; every text is escaped. Stateless and thread-safe.
 */
public final class TendersDashboard {
    private static final UiLabels LABELS = UiLabels.read(TendersDashboard.class, "dashboard-labels.json");
    private static final int BINS = 10;
    private static final String SCRIPT = """
            (function () {
              var box = document.getElementById('search');
              var rows = Array.prototype.slice.call(document.querySelectorAll('#processes tbody tr'));
              var shown = document.getElementById('shown');
              box.addEventListener('input', function () {
                var q = box.value.trim().toLowerCase();
                var n = 0;
                rows.forEach(function (row) {
                  var hit = !q || row.textContent.toLowerCase().indexOf(q) >= 0;
                  row.hidden = !hit;
                  if (hit) { n++; }
                });
                shown.textContent = n;
              });
            })();
            """;
    private static final String STYLE = """
            * { box-sizing: border-box; }
            body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1d1d1f; background: #f6f7f9; }
            header { background: #12355b; color: #fff; padding: 14px 24px; } header h1 { margin: 0; font-size: 20px; }
            main { max-width: 1400px; margin: 0 auto; padding: 18px 24px; display: grid; grid-template-columns: 1fr 1fr; gap: 18px; }
            .card { background: #fff; border: 1px solid #dadce0; border-radius: 8px; padding: 14px 18px; overflow: auto; }
            .wide { grid-column: 1 / -1; }
            .kpis { display: flex; flex-wrap: wrap; gap: 28px; }
            .kpi b { display: block; font-size: 26px; } .kpi span { color: #5f6368; }
            h2 { font-size: 15px; margin: 0 0 10px; color: #5f6368; text-transform: uppercase; letter-spacing: .04em; }
            table { border-collapse: collapse; width: 100%; font-size: 13px; }
            th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #eceef1; vertical-align: top; }
            th { position: sticky; top: 0; background: #fff; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
            .codes { font-family: ui-monospace, monospace; font-size: 12px; }
            td.codes { word-break: break-all; max-width: 220px; }
            .org-name { font-family: system-ui, sans-serif; font-size: 12px; color: #444; word-break: normal; }
            td.flaglist { white-space: normal; min-width: 120px; max-width: none; word-break: normal; }
            .evidence { color: #5f6368; font-size: 12px; }
            input#search { width: 100%; max-width: 420px; padding: 6px 10px; font-size: 14px; border: 1px solid #bbb; border-radius: 6px; margin-bottom: 8px; }
            .scroll { max-height: 640px; overflow: auto; }
            footer { color: #5f6368; font-size: 12px; text-align: center; padding: 8px 24px 24px; }
            @media (max-width: 900px) { main { grid-template-columns: 1fr; } }
            @media print { body { background: #fff; } .scroll { max-height: none; } input#search { display: none; }
              .card { break-inside: avoid; } svg rect { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
            """;

    private final Language language;

    /** The Content-Security-Policy source that allows the dashboard's own script (for a page that frames it). */
    public static String scriptSource() {
        return HtmlReport.scriptSource(SCRIPT);
    }
    private final int topProcesses;
    private final int topOrganisations;

    /**
     * A dashboard writer.
     *
     * @param language         language of the page's labels (flag titles come from the assessment)
     * @param topProcesses     how many of the riskiest processes the table lists (at least 1)
     * @param topOrganisations how many buyers and suppliers each ranking lists (at least 1)
     */
    public TendersDashboard(Language language, int topProcesses, int topOrganisations) {
        if (topProcesses < 1 || topOrganisations < 1) {
            throw new IllegalArgumentException("top counts must be at least 1: " + topProcesses + ", " + topOrganisations);
        }
        this.language = language;
        this.topProcesses = topProcesses;
        this.topOrganisations = topOrganisations;
    }

    /** The riskiest first: weighted score, then priority, then CRI; unknown scores last; ocid breaks ties. */
    static final Comparator<ProcessResult> RISKIEST = Comparator
            .comparing((ProcessResult p) -> p.scores().weighted(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(p -> p.scores().priority(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(p -> p.scores().cri(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ProcessResult::ocid, Comparator.reverseOrder())
            .reversed();

    /**
     * Reads every process of {@code assessment} and writes the page.
     *
     * @return the run's counts
     * @throws IOException when the writer fails
     */
    public RunCounts write(Assessment assessment, Writer out) throws IOException {
        long[] histogram = new long[BINS];
        long[] flagged = {0};
        double[] criSum = {0};
        long[] criCount = {0};
        Map<String, long[]> perFlag = new TreeMap<>();
        Map<String, String> titles = new TreeMap<>();
        PriorityQueue<ProcessResult> top = new PriorityQueue<>(RISKIEST.reversed());
        assessment.forEachProcess(p -> {
            if (!p.reviewed()) {
                return;
            }
            if (p.flagged()) {
                flagged[0]++;
            }
            Double cri = p.scores().cri();
            if (cri != null) {
                histogram[Math.min(BINS - 1, (int) Math.floor(cri * BINS))]++;
                criSum[0] += cri;
                criCount[0]++;
            }
            for (ProcessFlag f : p.findings()) {
                perFlag.computeIfAbsent(f.code(), k -> new long[1])[0]++;
                titles.putIfAbsent(f.code(), f.title());
            }
            if (p.flagged()) {
                top.add(p);
                if (top.size() > topProcesses) {
                    top.poll();
                }
            }
        });
        RunCounts counts = assessment.counts();
        List<ProcessResult> riskiest = new ArrayList<>(top);
        riskiest.sort(RISKIEST);

        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"").append(language.code()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src ")
                .append(HtmlReport.scriptSource(SCRIPT)).append("\">\n<title>").append(label("title")).append("</title>\n<style>")
                .append(STYLE).append("</style>\n</head>\n<body>\n<header><h1>").append(label("title")).append("</h1></header>\n<main>\n");

        long reviewed = counts.reviewed();
        h.append("<section class=\"card wide\" id=\"summary\"><div class=\"kpis\">");
        kpi(h, String.valueOf(counts.processes()), label("processes"));
        kpi(h, String.valueOf(reviewed), label("reviewed"));
        kpi(h, String.valueOf(flagged[0]), label("flagged"));
        kpi(h, percent(flagged[0], reviewed), label("flaggedShare"));
        kpi(h, criCount[0] == 0 ? "–" : String.format(Locale.ROOT, "%.3f", criSum[0] / criCount[0]), label("meanCri"));
        long problems = counts.problems().values().stream().mapToLong(Long::longValue).sum();
        kpi(h, String.valueOf(problems), label("problems"));
        h.append("</div></section>\n");

        h.append("<section class=\"card\" id=\"cri\"><h2>").append(label("criDistribution")).append("</h2>\n");
        histogram(h, histogram);
        h.append("</section>\n");

        h.append("<section class=\"card\" id=\"flags\"><h2>").append(label("flagFrequency")).append("</h2>\n<table><tr><th>")
                .append(label("flag")).append("</th><th class=\"num\">").append(label("processesShort")).append("</th><th class=\"num\">%</th></tr>\n");
        perFlag.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).forEach(e ->
                h.append("<tr><td><span class=\"codes\">").append(escape(e.getKey())).append("</span> ").append(escape(titles.get(e.getKey())))
                        .append("</td><td class=\"num\">").append(e.getValue()[0]).append("</td><td class=\"num\">")
                        .append(percent(e.getValue()[0], reviewed)).append("</td></tr>\n"));
        h.append("</table></section>\n");

        organisations(h, "buyers", label("buyers"), assessment.buyers());
        organisations(h, "suppliers", label("suppliers"), assessment.suppliers());

        h.append("<section class=\"card wide\" id=\"top\"><h2>").append(label("topProcesses")).append(" (<span id=\"shown\">")
                .append(riskiest.size()).append("</span>)</h2>\n<input id=\"search\" type=\"search\" placeholder=\"")
                .append(label("search")).append("\" aria-label=\"").append(label("search")).append("\">\n<div class=\"scroll\"><table id=\"processes\"><thead><tr><th>ocid</th><th>")
                .append(label("buyer")).append("</th><th class=\"num\">").append(label("value")).append("</th><th class=\"num\">CRI</th><th class=\"num\">")
                .append(label("weighted")).append("</th><th>").append(label("flags")).append("</th></tr></thead><tbody>\n");
        for (ProcessResult p : riskiest) {
            h.append("<tr><td class=\"codes\">").append(escape(p.ocid())).append("</td><td>").append(escape(String.valueOf(p.buyer())));
            nameUnderId(h, p.nameOf(p.buyer()));
            h.append("</td><td class=\"num\">").append(p.value() == null ? "" : String.format(Locale.ROOT, "%,.0f %s", p.value(),
                            p.currency() == null ? "" : escape(p.currency())))
                    .append("</td><td class=\"num\">").append(score(p.scores().cri())).append("</td><td class=\"num\">")
                    .append(score(p.scores().weighted())).append("</td><td>");
            for (ProcessFlag f : p.findings()) {
                h.append("<div><span class=\"codes\">").append(escape(f.code())).append("</span> ").append(escape(f.title()));
                if (!f.evidence().isEmpty()) {
                    h.append("<div class=\"evidence\">").append(escape(evidence(f.evidence()))).append("</div>");
                }
                h.append("</div>");
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody></table></div></section>\n</main>\n<footer>").append(label("generated")).append("</footer>\n<script>")
                .append(SCRIPT).append("</script>\n</body>\n</html>\n");
        out.write(h.toString());
        out.flush();
        return counts;
    }

    /** The name the data gives an organisation, under its id (what an analyst recognises); nothing when none. */
    private static void nameUnderId(StringBuilder h, String name) {
        if (name != null) {
            h.append("<div class=\"org-name\">").append(escape(name)).append("</div>");
        }
    }

    private void organisations(StringBuilder h, String id, String title, List<OrganisationSummary> all) {
        PriorityQueue<OrganisationSummary> top = new PriorityQueue<>(ORGANISATIONS.reversed());
        for (OrganisationSummary o : all) {
            top.add(o);
            if (top.size() > topOrganisations) {
                top.poll();
            }
        }
        List<OrganisationSummary> ranked = new ArrayList<>(top);
        ranked.sort(ORGANISATIONS);
        h.append("<section class=\"card\" id=\"").append(id).append("\"><h2>").append(title).append(" (").append(all.size())
                .append(")</h2>\n<div class=\"scroll\"><table><tr><th>id</th><th class=\"num\">").append(label("processesShort"))
                .append("</th><th class=\"num\">").append(label("flagged")).append("</th><th class=\"num\">CRI</th><th class=\"num\">")
                .append(label("priority")).append("</th><th>").append(label("flags")).append("</th></tr>\n");
        for (OrganisationSummary o : ranked) {
            StringJoiner flags = new StringJoiner(" ");
            o.processFlags().entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                    .forEach(e -> flags.add(e.getKey() + "×" + e.getValue()));
            o.flags().keySet().forEach(flags::add);
            h.append("<tr><td class=\"codes\">").append(escape(o.id()));
            nameUnderId(h, o.name());
            h.append("</td><td class=\"num\">").append(o.processes())
                    .append("</td><td class=\"num\">").append(o.flaggedProcesses()).append("</td><td class=\"num\">").append(score(o.meanCri()))
                    .append("</td><td class=\"num\">").append(String.format(Locale.ROOT, "%,.0f", o.priority()))
                    .append("</td><td class=\"codes flaglist\">").append(escape(flags.toString())).append("</td></tr>\n");
        }
        h.append("</table></div></section>\n");
    }

    /** Buyers and suppliers: priority, then flagged processes, then mean CRI; id breaks ties. */
    private static final Comparator<OrganisationSummary> ORGANISATIONS = Comparator
            .comparingDouble(OrganisationSummary::priority)
            .thenComparingLong(OrganisationSummary::flaggedProcesses)
            .thenComparing(OrganisationSummary::meanCri, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(OrganisationSummary::id, Comparator.reverseOrder())
            .reversed();

    private void histogram(StringBuilder h, long[] bins) {
        long max = 1;
        for (long b : bins) {
            max = Math.max(max, b);
        }
        h.append("<svg role=\"img\" aria-label=\"").append(label("criDistribution")).append("\" width=\"100%\" viewBox=\"0 0 520 220\">\n");
        for (int i = 0; i < bins.length; i++) {
            int height = (int) Math.round(170.0 * bins[i] / max);
            int x = 10 + i * 50;
            h.append("<rect class=\"bin\" data-count=\"").append(bins[i]).append("\" x=\"").append(x).append("\" y=\"").append(185 - height)
                    .append("\" width=\"42\" height=\"").append(height).append("\" fill=\"#4363d8\"/>")
                    .append("<text x=\"").append(x + 21).append("\" y=\"").append(180 - height).append("\" font-size=\"11\" text-anchor=\"middle\">")
                    .append(bins[i]).append("</text>")
                    .append("<text x=\"").append(x + 21).append("\" y=\"202\" font-size=\"11\" text-anchor=\"middle\">")
                    .append(String.format(Locale.ROOT, "%.1f", i / (double) BINS)).append("</text>\n");
        }
        h.append("<text x=\"260\" y=\"218\" font-size=\"11\" text-anchor=\"middle\">CRI</text></svg>\n");
    }

    private static void kpi(StringBuilder h, String value, String label) {
        h.append("<div class=\"kpi\"><b>").append(escape(value)).append("</b><span>").append(label).append("</span></div>");
    }

    private static String evidence(List<Evidence> evidence) {
        StringJoiner j = new StringJoiner("; ");
        for (Evidence e : evidence) {
            j.add(e.path() + " = " + shown(e.value()) + (e.threshold() == null ? "" : " (" + shown(e.threshold()) + ")"));
        }
        return j.toString();
    }

    /**
     * A value as a person reads it: a floating-point number to ten significant digits, without trailing zeros
     * (a threshold of 0.99 × 84,543.83 reads 83698.3917, not 83698.39170000001; the JSON keeps the exact double).
     */
    static String shown(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d)) {
                return new java.math.BigDecimal(Double.toString(d)).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
            }
        }
        return String.valueOf(value);
    }

    private static String score(Double s) {
        return s == null ? "" : String.format(Locale.ROOT, "%.2f", s);
    }

    private static String percent(long part, long whole) {
        return whole == 0 ? "–" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    private String label(String key) {
        return escape(LABELS.get(key, language));
    }
}
