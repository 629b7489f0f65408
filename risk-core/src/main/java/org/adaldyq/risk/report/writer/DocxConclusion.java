package org.adaldyq.risk.report.writer;

import org.adaldyq.risk.structure.CitationText;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.finding.ProvisionLocation;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.regulation.FactorCatalogue;
import org.adaldyq.risk.report.PairReport;
import org.adaldyq.risk.report.ScanReport;
import org.adaldyq.risk.review.Review;
import org.adaldyq.risk.report.ScannedDocument;

/**
 * The draft conclusion of an anti-corruption review, in the form experts write one: for each text reviewed,
 * the factors found (title, severity, how many, the methodology it follows), then a table of the provisions
 * that hold them in the order of the text, a row per structural unit — the unit, its wording with the trigger
 * words in bold, each factor found in it (with its confidence), why it is a risk, the proposal to remove it.
 * The two official versions of one act ({@link #addPair}) share one table, a wording column per version.
 * Labels in Kazakh, Russian or English; a text that could not be read is listed as not reviewed, so every
 * input is accounted for. Each finding stays a draft for the expert: the document says so.
 *
 * <p>A DOCX written directly as OOXML (as {@link NewDocx}), A4 landscape, Times New Roman, table headers
 * repeated on every page. {@link #add} keeps only what the tables show (not the whole text); {@link #write}
 * writes everything added. Not thread-safe.
 */
public final class DocxConclusion {
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final UiLabels LABELS = UiLabels.read(DocxConclusion.class, "conclusion-labels.json");
    /** Characters of a long provision's wording shown on each side of the quote; the rest is cut with «…». */
    static final int CONTEXT = 600;
    /** Column widths in twentieths of a point: 25.7 cm of A4 landscape between 2 cm margins. */
    private static final int[] FACTOR_COLUMNS = {6570, 2000, 1500, 4500};
    private static final int[] PROVISION_COLUMNS = {500, 1800, 4170, 2300, 2900, 2900};
    /** The same with a wording column per official version. */
    private static final int[] PAIR_COLUMNS = {450, 1400, 3200, 3200, 1920, 2200, 2200};
    /** A line break inside a paragraph. */
    private static final String BREAK = "<w:r><w:br/></w:r>";
    /** Small grey text: codes and details under a title. */
    private static final String GREY = "<w:color w:val=\"595959\"/><w:sz w:val=\"18\"/>";

    /** A piece of a provision's wording: trigger words (in bold) or the words around them. */
    private record Piece(String text, boolean bold) {
    }

    /**
     * One factor of a row: per version, its finding (null where the version lacks it); its confidence (for two
     * versions, the higher); whether both versions have it.
     */
    private record Item(List<Finding> findings, Double confidence, boolean inBoth) {
    }

    /**
     * One row of the provisions table: a structural unit, its factors in the order of the text, and per version
     * the wording with the quotes of every factor in bold (null where the version has none of them).
     */
    private record Row(String unit, List<Item> items, List<List<Piece>> wordings) {
    }

    /**
     * One input, or the two official versions of one act: its heading, the act's title as its file gives it
     * (null: none), the language its citations are in, its counts in words (given the labels' language), the
     * versions' languages, its rows in the order of the text; {@code unread} is why an input could not be read,
     * null when it was.
     */
    private record Section(String heading, String title, Language language,
                           java.util.function.Function<Language, String> counts, List<Language> versions, List<Row> rows,
                           String unread) {
    }

    private final FactorCatalogue catalogue;
    private final Language language;
    private final List<Section> sections = new ArrayList<>();

    /**
     * An empty conclusion.
     *
     * @param catalogue the factors' methodology sources, by code
     * @param language  the language of its labels; null: the language of the first text added
     */
    public DocxConclusion(FactorCatalogue catalogue, Language language) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.language = language;
    }

    /**
     * Adds a text reviewed: a row per structural unit that holds findings, in the order of the text, with its
     * wording and every factor found in it.
     */
    public void add(ScannedDocument scanned) {
        ScanReport report = scanned.report();
        String text = scanned.document().text();
        List<Finding> findings = new ArrayList<>(report.findings());
        findings.sort(Comparator.comparingInt((Finding f) -> ((ProvisionLocation) f.location()).start())
                .thenComparing(Finding::code));
        Map<String, List<Finding>> byUnit = new LinkedHashMap<>();
        findings.forEach(f -> byUnit.computeIfAbsent(((ProvisionLocation) f.location()).provision(), u -> new ArrayList<>()).add(f));
        List<Row> rows = new ArrayList<>(byUnit.size());
        byUnit.forEach((unit, found) -> rows.add(new Row(unit,
                found.stream().map(f -> new Item(List.of(f), f.confidence(), false)).toList(), List.of(wording(text, found)))));
        sections.add(new Section(report.source(), title(scanned), report.language(), lang -> String.format(Locale.ROOT,
                "%s: %s · %s: %d · %s: %d · %s: %.2f", LABELS.get("language", lang), report.language().code(),
                LABELS.get("provisions", lang), report.provisionCount(), LABELS.get("findings", lang), findings.size(),
                LABELS.get("score", lang), report.score()), List.of(report.language()), rows, null));
    }

    /**
     * Adds the two official versions of one act scanned together ({@code pair} of {@code first} and
     * {@code second}): a row per structural unit, with each version's wording, and for each factor whether
     * both versions have it.
     */
    public void addPair(PairReport pair, ScannedDocument first, ScannedDocument second) {
        Map<String, List<PairReport.PairedFinding>> byUnit = new LinkedHashMap<>();
        pair.findings().forEach(f -> byUnit.computeIfAbsent(f.provision(), u -> new ArrayList<>()).add(f));
        List<Row> rows = new ArrayList<>(byUnit.size());
        byUnit.forEach((unit, found) -> {
            List<Finding> a = found.stream().map(PairReport.PairedFinding::first).filter(Objects::nonNull).toList();
            List<Finding> b = found.stream().map(PairReport.PairedFinding::second).filter(Objects::nonNull).toList();
            rows.add(new Row(unit, found.stream().map(f -> new Item(java.util.Arrays.asList(f.first(), f.second()), f.confidence(),
                    f.inBoth())).toList(), java.util.Arrays.asList(a.isEmpty() ? null : wording(first.document().text(), a),
                    b.isEmpty() ? null : wording(second.document().text(), b))));
        });
        Language a = pair.first().language();
        Language b = pair.second().language();
        String title = title(first) != null ? title(first) : title(second);
        sections.add(new Section(pair.first().source() + " + " + pair.second().source(), title, a, lang -> String.format(Locale.ROOT,
                "%s: %s + %s · %s: %d + %d (%s: %d) · %s: %d (%s: %d)", LABELS.get("language", lang), a.code(), b.code(),
                LABELS.get("provisions", lang), pair.firstProvisions(), pair.secondProvisions(), LABELS.get("aligned", lang),
                pair.aligned(), LABELS.get("findings", lang), pair.findings().size(), LABELS.get("inBoth", lang), pair.inBoth()),
                List.of(a, b), rows, null));
    }

    /**
     * The act's title as its file gives it: USLM's {@code title}, a document's {@code dc:title}, a Markdown
     * draft's first line when it is a level-one heading («# О лотереях и лотерейной деятельности»); null when none.
     */
    private static String title(ScannedDocument scanned) {
        Map<String, String> metadata = scanned.report().metadata();
        String title = metadata.getOrDefault("title", metadata.get("dc:title"));
        if ((title == null || title.isBlank()) && MarkdownHeadings.in(scanned)) {
            String first = scanned.document().text().strip().lines().findFirst().orElse("");
            title = first.startsWith("# ") ? first.substring(2) : null;
        }
        return title == null || title.isBlank() ? null : title.strip();
    }

    /**
     * The wording of one structural unit with the quotes of {@code findings} in bold: the provision's words
     * (a quote in a list item's lead-in: its line, then the item's words), {@link #CONTEXT} characters around
     * the quotes at most, «…» where cut.
     */
    private static List<Piece> wording(String text, List<Finding> findings) {
        List<int[]> regions = new ArrayList<>();
        List<int[]> quotes = new ArrayList<>();
        for (Finding f : findings) {
            ProvisionLocation at = (ProvisionLocation) f.location();
            if (!Review.added(f)) {
                // a factor the expert added has no trigger words: its quote is the whole provision
                quotes.add(new int[] {at.start(), at.end()});
            }
            regions.add(new int[] {at.provisionStart(), at.provisionEnd()});
            if (at.start() < at.provisionStart() || at.end() > at.provisionEnd()) {
                regions.add(new int[] {lineStart(text, at.start()), lineEnd(text, at.end())});
            }
        }
        List<int[]> bold = merged(quotes);
        List<Piece> out = new ArrayList<>();
        for (int[] region : merged(regions)) {
            List<int[]> in = bold.stream().filter(q -> q[0] >= region[0] && q[1] <= region[1]).toList();
            int from = in.isEmpty() ? region[0] : Math.max(region[0], in.get(0)[0] - CONTEXT);
            int to = in.isEmpty() ? Math.min(region[1], region[0] + 2 * CONTEXT) : Math.min(region[1], in.get(in.size() - 1)[1] + CONTEXT);
            if (!out.isEmpty()) {
                out.add(new Piece("\n", false));
            }
            if (from > region[0]) {
                out.add(new Piece("… ", false));
            }
            int pos = from;
            for (int[] q : in) {
                // far apart: the words after one quote and before the next, the middle cut
                String between = q[0] - pos > 2 * CONTEXT && pos > from
                        ? text.substring(pos, pos + CONTEXT) + " … " + text.substring(q[0] - CONTEXT, q[0]) : text.substring(pos, q[0]);
                out.add(new Piece(tidy(between), false));
                out.add(new Piece(tidy(text.substring(q[0], q[1])), true));
                pos = q[1];
            }
            out.add(new Piece(tidy(text.substring(pos, to)) + (to < region[1] ? " …" : ""), false));
        }
        Piece first = out.get(0);
        out.set(0, new Piece(first.bold() ? first.text() : first.text().stripLeading(), first.bold()));
        Piece last = out.get(out.size() - 1);
        out.set(out.size() - 1, new Piece(last.bold() ? last.text() : last.text().stripTrailing(), last.bold()));
        return out;
    }

    /** Intervals {@code [start, end)} sorted and merged where they overlap or touch. */
    private static List<int[]> merged(List<int[]> intervals) {
        List<int[]> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparingInt((int[] i) -> i[0]));
        List<int[]> out = new ArrayList<>();
        for (int[] i : sorted) {
            int[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && i[0] <= last[1]) {
                last[1] = Math.max(last[1], i[1]);
            } else {
                out.add(new int[] {i[0], i[1]});
            }
        }
        return out;
    }

    /** Lines without their indentation and no blank lines between them (as the text was laid out, not as it reads). */
    private static String tidy(String s) {
        return s.replaceAll("[ \\t\\u00A0]*\\r?\\n\\s*", "\n");
    }

    private static int lineStart(String text, int at) {
        return text.lastIndexOf('\n', at - 1) + 1;
    }

    private static int lineEnd(String text, int at) {
        int end = text.indexOf('\n', at);
        return end < 0 ? text.length() : end;
    }

    /** Adds a text that could not be read, with the reason, listed as not reviewed. */
    public void addUnread(String source, String reason) {
        sections.add(new Section(source, null, null, null, List.of(), List.of(), reason));
    }

    /** Writes the conclusion as a DOCX package; {@code out} is left open. */
    public void write(OutputStream out) throws IOException {
        Language lang = language != null ? language : sections.stream().map(Section::language).filter(Objects::nonNull)
                .findFirst().orElse(Language.EN);
        StringBuilder doc = new StringBuilder(4096 + sections.stream().mapToInt(s -> s.rows().size()).sum() * 2048);
        doc.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"").append(W)
                .append("\"><w:body>");
        paragraph(doc, "<w:jc w:val=\"center\"/>", LABELS.get("title", lang), "<w:b/><w:sz w:val=\"32\"/>");
        paragraph(doc, "<w:jc w:val=\"center\"/>", LABELS.get("number", lang), "");
        paragraph(doc, "<w:spacing w:after=\"240\"/><w:jc w:val=\"center\"/>", LABELS.get("draftNote", lang),
                "<w:i/><w:color w:val=\"595959\"/><w:sz w:val=\"20\"/>");
        for (Section s : sections) {
            section(doc, s, lang);
        }
        heading(doc, LABELS.get("summary", lang), 0);
        long findings = sections.stream().mapToLong(s -> s.rows().stream().mapToLong(r -> r.items().size()).sum()).sum();
        long units = sections.stream().mapToLong(s -> s.rows().size()).sum();
        long unread = sections.stream().filter(s -> s.unread() != null).count();
        paragraph(doc, "", LABELS.get("total", lang).replace("{findings}", Long.toString(findings))
                .replace("{units}", Long.toString(units)).replace("{texts}", Long.toString(sections.size() - unread))
                + (unread == 0 ? "" : " " + LABELS.get("totalUnread", lang).replace("{unread}", Long.toString(unread))), "");
        long confirmed = decided(Review.CONFIRMED);
        long added = decided(Review.ADDED);
        if (confirmed + added > 0) {
            paragraph(doc, "", LABELS.get("reviewed", lang).replace("{confirmed}", Long.toString(confirmed))
                    .replace("{added}", Long.toString(added)), "");
        }
        paragraph(doc, "<w:spacing w:before=\"480\"/>", LABELS.get("signature", lang), "");
        doc.append("<w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>")
                .append("<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" ")
                .append("w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>");

        NewDocx.write(out, doc.toString(), "styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "<?xml version=\"1.0\" encoding=\"UTF-8\" "
                + "standalone=\"yes\"?>\n<w:styles xmlns:w=\"" + W + "\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts "
                + "w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/>"
                + "<w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:lang w:val=\"" + locale(lang) + "\"/></w:rPr></w:rPrDefault>"
                + "<w:pPrDefault><w:pPr><w:spacing w:after=\"60\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
                + "</w:docDefaults></w:styles>");
    }

    /** Findings of every section that carry the expert's {@code decision} (for a pair, counted once per row item). */
    private long decided(String decision) {
        return sections.stream().flatMap(s -> s.rows().stream()).flatMap(r -> r.items().stream())
                .filter(i -> i.findings().stream().anyMatch(f -> f != null && decision.equals(Review.decision(f)))).count();
    }

    private void section(StringBuilder doc, Section s, Language lang) {
        heading(doc, s.heading(), 0);
        if (s.title() != null) {
            paragraph(doc, "<w:keepNext/>", s.title(), "<w:i/>");
        }
        if (s.unread() != null) {
            paragraph(doc, "", LABELS.get("unread", lang).replace("{reason}", s.unread()), "");
            return;
        }
        paragraph(doc, "", s.counts().apply(lang), "");
        if (s.rows().isEmpty()) {
            paragraph(doc, "", LABELS.get("none", lang), "<w:b/>");
            return;
        }
        heading(doc, LABELS.get("factorsFound", lang), 1);
        Map<String, List<Finding>> byCode = new LinkedHashMap<>();
        s.rows().stream().flatMap(r -> r.items().stream()).map(i -> shown(i, s, lang))
                .sorted(Comparator.comparing((Finding f) -> f.severity()).reversed().thenComparing(Finding::code))
                .forEach(f -> byCode.computeIfAbsent(f.code(), c -> new ArrayList<>()).add(f));
        tableStart(doc, FACTOR_COLUMNS);
        headerRow(doc, FACTOR_COLUMNS, List.of(LABELS.get("factor", lang), LABELS.get("severity", lang), LABELS.get("count", lang),
                LABELS.get("source", lang)));
        byCode.forEach((code, found) -> {
            Finding f = found.get(0);
            doc.append("<w:tr>");
            cell(doc, FACTOR_COLUMNS[0], b -> {
                text(b, f.title(), "");
                b.append(BREAK);
                text(b, code, GREY);
            });
            cell(doc, FACTOR_COLUMNS[1], b -> text(b, LABELS.get(f.severity().toString(), lang), ""));
            cell(doc, FACTOR_COLUMNS[2], b -> text(b, Integer.toString(found.size()), ""));
            cell(doc, FACTOR_COLUMNS[3], b -> text(b, catalogue.get(code).map(FactorCatalogue.Factor::methodology).orElse(""),
                    "<w:sz w:val=\"18\"/>"));
            doc.append("</w:tr>");
        });
        tableEnd(doc);
        heading(doc, LABELS.get("provisionsTitle", lang), 1);
        boolean pair = s.versions().size() == 2;
        int[] columns = pair ? PAIR_COLUMNS : PROVISION_COLUMNS;
        List<String> titles = new ArrayList<>(List.of(LABELS.get("number", lang), LABELS.get("unit", lang)));
        for (Language v : s.versions()) {
            titles.add(pair ? LABELS.get("wording", lang) + " — " + v.code() : LABELS.get("wording", lang));
        }
        titles.addAll(List.of(LABELS.get("riskFactor", lang), LABELS.get("why", lang), LABELS.get("proposal", lang)));
        tableStart(doc, columns);
        headerRow(doc, columns, titles);
        int n = 0;
        for (Row r : s.rows()) {
            String number = Integer.toString(++n);
            int c = 0;
            doc.append("<w:tr>");
            cell(doc, columns[c++], b -> text(b, number, ""));
            cell(doc, columns[c++], b -> text(b, CitationText.of(r.unit(), pair ? lang : s.language()), ""));
            for (List<Piece> wording : r.wordings()) {
                cell(doc, columns[c++], b -> {
                    if (wording == null) {
                        text(b, LABELS.get("notFound", lang), "<w:i/><w:color w:val=\"595959\"/>");
                        return;
                    }
                    wording.forEach(p -> text(b, p.text(), p.bold() ? "<w:b/>" : ""));
                });
            }
            cell(doc, columns[c++], b -> items(b, r, (i, f) -> {
                text(b, f.title(), "<w:b/>");
                b.append(BREAK);
                String detail = f.code() + " · " + LABELS.get(f.severity().toString(), lang) + (i.confidence() == null ? ""
                        : String.format(Locale.ROOT, " · %s %.2f", LABELS.get("confidence", lang), i.confidence()));
                text(b, detail, GREY);
                String decision = Review.decision(f);
                if (decision != null) {
                    b.append(BREAK);
                    text(b, LABELS.get(Review.ADDED.equals(decision) ? "expertAdded" : "expertConfirmed", lang), "<w:i/><w:sz w:val=\"18\"/>");
                }
                if (pair) {
                    b.append(BREAK);
                    int only = i.findings().get(0) != null ? 0 : 1;
                    text(b, i.inBoth() ? LABELS.get("inBoth", lang)
                            : LABELS.get("onlyIn", lang).replace("{lang}", s.versions().get(only).code()), i.inBoth() ? GREY
                            : "<w:b/><w:color w:val=\"C00000\"/><w:sz w:val=\"18\"/>");
                }
            }, s, lang));
            cell(doc, columns[c++], b -> items(b, r, (i, f) -> text(b, f.explanation(), ""), s, lang));
            cell(doc, columns[c], b -> items(b, r, (i, f) -> {
                text(b, f.recommendation(), "");
                String note = Review.note(f);
                if (note != null) {
                    b.append(BREAK);
                    text(b, LABELS.get("expertNote", lang) + ": ", "<w:b/><w:i/>");
                    text(b, note, "<w:i/>");
                }
            }, s, lang));
            doc.append("</w:tr>");
        }
        tableEnd(doc);
    }

    /** A row's factors one after the other, numbered «1)», «2)» when there are several. */
    private static void items(StringBuilder b, Row r, java.util.function.BiConsumer<Item, Finding> each, Section s, Language lang) {
        for (int k = 0; k < r.items().size(); k++) {
            if (k > 0) {
                b.append(BREAK).append(BREAK);
            }
            if (r.items().size() > 1) {
                text(b, (k + 1) + ") ", "<w:b/>");
            }
            Item i = r.items().get(k);
            each.accept(i, shown(i, s, lang));
        }
    }

    /** The finding whose texts an item shows: the version in the labels' language when it has one, else the first that does. */
    private static Finding shown(Item i, Section s, Language lang) {
        int v = s.versions().indexOf(lang);
        if (v >= 0 && i.findings().get(v) != null) {
            return i.findings().get(v);
        }
        return i.findings().stream().filter(Objects::nonNull).findFirst().orElseThrow();
    }

    /** A paragraph of one run: {@code pPr} and {@code rPr} are the properties' contents, empty for none. */
    private static void paragraph(StringBuilder b, String pPr, String text, String rPr) {
        b.append("<w:p>");
        if (!pPr.isEmpty()) {
            b.append("<w:pPr>").append(pPr).append("</w:pPr>");
        }
        text(b, text, rPr);
        b.append("</w:p>");
    }

    /** A heading in the outline at {@code level} (0: a text reviewed, 1: its parts), kept with what follows. */
    private static void heading(StringBuilder b, String text, int level) {
        paragraph(b, "<w:keepNext/><w:spacing w:before=\"" + (level == 0 ? 360 : 200) + "\" w:after=\"120\"/><w:outlineLvl w:val=\""
                + level + "\"/>", text, "<w:b/><w:sz w:val=\"" + (level == 0 ? 28 : 24) + "\"/>");
    }

    /** Text as runs with {@code rPr}; a line break in it is a break in the paragraph. */
    private static void text(StringBuilder b, String text, String rPr) {
        if (text == null) {
            return;
        }
        String format = rPr.isEmpty() ? "" : "<w:rPr>" + rPr + "</w:rPr>";
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                b.append(BREAK);
            }
            NewDocx.run(b, lines[i], format);
        }
    }

    private static void tableStart(StringBuilder b, int[] columns) {
        int width = 0;
        for (int c : columns) {
            width += c;
        }
        b.append("<w:tbl><w:tblPr><w:tblW w:w=\"").append(width).append("\" w:type=\"dxa\"/><w:tblBorders>");
        for (String side : new String[] {"top", "left", "bottom", "right", "insideH", "insideV"}) {
            b.append("<w:").append(side).append(" w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>");
        }
        b.append("</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/>")
                .append("<w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>");
        for (int c : columns) {
            b.append("<w:gridCol w:w=\"").append(c).append("\"/>");
        }
        b.append("</w:tblGrid>");
    }

    /** The end of a table, and an empty paragraph after it (Word wants one between a table and what follows). */
    private static void tableEnd(StringBuilder b) {
        b.append("</w:tbl><w:p/>");
    }

    /** The header row, repeated at the top of every page the table runs onto. */
    private static void headerRow(StringBuilder b, int[] columns, List<String> titles) {
        b.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for (int i = 0; i < titles.size(); i++) {
            String title = titles.get(i);
            b.append("<w:tc><w:tcPr><w:tcW w:w=\"").append(columns[i]).append("\" w:type=\"dxa\"/>")
                    .append("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D9E2F3\"/></w:tcPr><w:p>");
            text(b, title, "<w:b/>");
            b.append("</w:p></w:tc>");
        }
        b.append("</w:tr>");
    }

    /** A cell of one paragraph, its runs written by {@code content}. */
    private static void cell(StringBuilder b, int width, java.util.function.Consumer<StringBuilder> content) {
        b.append("<w:tc><w:tcPr><w:tcW w:w=\"").append(width).append("\" w:type=\"dxa\"/></w:tcPr><w:p>");
        content.accept(b);
        b.append("</w:p></w:tc>");
    }

    private static String locale(Language language) {
        return switch (language) {
            case KK -> "kk-KZ";
            case RU -> "ru-RU";
            case EN -> "en-GB";
        };
    }
}
