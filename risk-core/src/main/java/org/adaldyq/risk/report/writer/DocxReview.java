package org.adaldyq.risk.report.writer;

import org.adaldyq.risk.structure.CitationText;
import org.adaldyq.risk.report.ScannedDocument;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.regulation.RegulationScanner;
import org.adaldyq.risk.finding.ProvisionLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.w3c.dom.Node;

/**
 * The draft back to its authors: a Word document with one review comment per finding, anchored on the
 * quoted words (author "Adaldyq Risk"; the comment holds the factor's title, score, why and how to fix).
 *
 * <p>For a DOCX input the original document is annotated and otherwise left as it is: runs are split at
 * the quote's edges (their formatting copied), comment marks and references are added, nothing else
 * changes; the package's other parts are copied byte for byte (read and written with the JDK's own XML and
 * ZIP support, no DTDs or external entities). For any other input a new document holds the text as read, one paragraph per line, with the
 * same comments. A quote is found in the paragraph whose text is the line the finding points into; when no
 * paragraph has that text (a field, a text box), the comment is anchored on the nearest paragraph that
 * holds the quoted words, and failing that it is still written, on the document's first paragraph, and
 * counted as {@link Outcome#unanchored()}.
 */
public final class DocxReview {
    private static final Logger LOG = LoggerFactory.getLogger(DocxReview.class);
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    /** The author of every comment. */
    public static final String AUTHOR = "Adaldyq Risk";

    /**
     * What was written.
     *
     * @param comments   comments written, one per finding
     * @param exact      comments anchored on exactly the quoted words
     * @param unanchored comments whose quote was not found in the document's paragraphs
     */
    public record Outcome(int comments, int exact, int unanchored) {
    }

    /** The bytes of the document that was scanned, opened when they are needed. */
    @FunctionalInterface
    public interface Original {
        /**
         * Opens the original document.
         *
         * @throws IOException when it cannot be read
         */
        InputStream open() throws IOException;
    }

    /** The media type of a DOCX (Word) document, as the reader reports it and as a reviewed draft is served. */
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private DocxReview() {
    }

    /** The name of the reviewed copy of a file: {@code draft.docx} → {@code draft.review.docx}. */
    public static String reviewName(String fileName) {
        return fileName.replaceFirst("\\.[^.]+$", "") + ".review.docx";
    }

    /**
     * The draft back with its comments: a DOCX input annotated ({@link #annotate}), any other input as a new
     * document of its text ({@link #create}); {@code original} is opened only for a DOCX.
     *
     * @throws IOException when the original cannot be read as DOCX or the output cannot be written
     */
    public static Outcome review(ScannedDocument scanned, Original original, OutputStream out) throws IOException {
        if (!MEDIA_TYPE.equals(scanned.report().mediaType())) {
            return create(scanned, out);
        }
        try (InputStream in = original.open()) {
            return annotate(scanned, in, out);
        }
    }

    /**
     * Annotates the original DOCX ({@code original}, the bytes of the file that was scanned) with the
     * findings of {@code scanned} and writes the result to {@code out}.
     *
     * @throws IOException when the original cannot be read as DOCX or the output cannot be written
     */
    public static Outcome annotate(ScannedDocument scanned, InputStream original, OutputStream out) throws IOException {
        OoxmlPackage docx = OoxmlPackage.read(original);
        String main = mainPart(docx);
        Document body = docx.xml(main);
        String relsName = relationshipsPart(main);
        Document rels = docx.has(relsName) ? docx.xml(relsName) : relationships(docx);
        String commentsName = commentsPart(rels, main);
        Document comments;
        if (commentsName != null && docx.has(commentsName)) {
            comments = docx.xml(commentsName);
        } else {
            commentsName = main.substring(0, main.lastIndexOf('/') + 1) + "comments.xml";
            comments = docx.newXml();
            comments.appendChild(comments.createElementNS(W, "w:comments"));
            Element rel = rels.createElementNS(PACKAGE_RELS, "Relationship");
            rel.setAttribute("Id", freeRelationshipId(rels));
            rel.setAttribute("Type", COMMENTS_TYPE);
            rel.setAttribute("Target", "comments.xml");
            rels.getDocumentElement().appendChild(rel);
            docx.put(relsName, rels);
            Document types = docx.xml("[Content_Types].xml");
            Element override = types.createElementNS(CONTENT_TYPES, "Override");
            override.setAttribute("PartName", "/" + commentsName);
            override.setAttribute("ContentType", COMMENTS_CONTENT);
            types.getDocumentElement().appendChild(override);
            docx.put("[Content_Types].xml", types);
        }
        Outcome o = comment(body, comments, scanned);
        docx.put(main, body);
        docx.put(commentsName, comments);
        docx.write(out);
        return o;
    }

    private static final String PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";
    private static final String OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    private static final String COMMENTS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
    private static final String COMMENTS_CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";

    /** The part holding {@code part}'s relationships ({@code word/_rels/document.xml.rels} for {@code word/document.xml}). */
    static String relationshipsPart(String part) {
        int slash = part.lastIndexOf('/');
        return part.substring(0, slash + 1) + "_rels/" + part.substring(slash + 1) + ".rels";
    }

    /** The main document part, as the package's relationships name it ({@code word/document.xml} as a rule). */
    static String mainPart(OoxmlPackage docx) throws IOException {
        Document rels = docx.xml("_rels/.rels");
        NodeList all = rels.getElementsByTagNameNS(PACKAGE_RELS, "Relationship");
        for (int i = 0; i < all.getLength(); i++) {
            Element r = (Element) all.item(i);
            if (OFFICE_DOCUMENT.equals(r.getAttribute("Type"))) {
                String target = r.getAttribute("Target");
                return target.startsWith("/") ? target.substring(1) : target;
            }
        }
        throw new IOException("the package names no main document");
    }

    private static Document relationships(OoxmlPackage docx) throws IOException {
        Document rels = docx.newXml();
        rels.appendChild(rels.createElementNS(PACKAGE_RELS, "Relationships"));
        return rels;
    }

    static String commentsPart(Document rels, String main) {
        NodeList all = rels.getElementsByTagNameNS(PACKAGE_RELS, "Relationship");
        for (int i = 0; i < all.getLength(); i++) {
            Element r = (Element) all.item(i);
            if (COMMENTS_TYPE.equals(r.getAttribute("Type"))) {
                String target = r.getAttribute("Target");
                return target.startsWith("/") ? target.substring(1) : main.substring(0, main.lastIndexOf('/') + 1) + target;
            }
        }
        return null;
    }

    private static String freeRelationshipId(Document rels) {
        java.util.Set<String> taken = new java.util.HashSet<>();
        NodeList all = rels.getElementsByTagNameNS(PACKAGE_RELS, "Relationship");
        for (int i = 0; i < all.getLength(); i++) {
            taken.add(((Element) all.item(i)).getAttribute("Id"));
        }
        int n = all.getLength() + 1;
        while (taken.contains("rId" + n)) {
            n++;
        }
        return "rId" + n;
    }

    /**
     * Writes a new DOCX holding the text of {@code scanned} as read (one paragraph per line) with the
     * findings as comments: for inputs that are not DOCX.
     *
     * @throws IOException when the output cannot be written
     */
    public static Outcome create(ScannedDocument scanned, OutputStream out) throws IOException {
        return NewDocx.write(scanned, out);
    }

    private static Outcome comment(Document body, Document commentsPart, ScannedDocument scanned) {
        // every paragraph in document order: the body's, those in tables and text boxes
        List<Element> paragraphs = new ArrayList<>();
        NodeList ps = body.getElementsByTagNameNS(W, "p");
        for (int i = 0; i < ps.getLength(); i++) {
            paragraphs.add((Element) ps.item(i));
        }
        List<String> texts = new ArrayList<>();
        for (Element p : paragraphs) {
            texts.add(text(p));
        }
        String text = scanned.document().text();
        String[] lines = text.split("\n", -1);
        LineIndex index = new LineIndex(text);
        int[] paragraphOfLine = align(lines, texts);
        Element comments = commentsPart.getDocumentElement();
        long id = nextId(comments);
        String date = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        int exact = 0;
        int unanchored = 0;
        int written = 0;
        for (Finding f : scanned.report().findings()) {
            ProvisionLocation at = (ProvisionLocation) f.location();
            int line = index.lineOf(at.start());
            int endLine = index.lineOf(Math.max(at.start(), at.end() - 1));
            String quote = at.quote();
            Anchor anchor = null;
            if (endLine == line) {
                anchor = anchorInLine(paragraphs, texts, paragraphOfLine[line], lines[line], at.start() - index.start(line), quote);
            } else {
                // A quote over several paragraphs (a list item's lead-in and the item): the comment starts in
                // the first and ends in the last.
                Anchor head = anchorInLine(paragraphs, texts, paragraphOfLine[line], lines[line], at.start() - index.start(line),
                        quote.substring(0, quote.indexOf('\n')));
                Anchor tail = anchorInLine(paragraphs, texts, paragraphOfLine[endLine], lines[endLine], 0,
                        quote.substring(quote.lastIndexOf('\n') + 1));
                if (head != null && tail != null && paragraphs.indexOf(head.paragraph()) < paragraphs.indexOf(tail.paragraph())) {
                    anchor = new Anchor(head.paragraph(), head.start(), tail.paragraph(), tail.end());
                }
            }
            if (anchor == null) {
                unanchored++;
                LOG.debug("quote «{}» of {} not found in the DOCX paragraphs", quote, at.provision());
                anchor = paragraphs.isEmpty() ? null : new Anchor(paragraphs.get(0), 0, paragraphs.get(0), texts.get(0).length());
            } else {
                exact++;
            }
            Element c = commentsPart.createElementNS(W, "w:comment");
            c.setAttributeNS(W, "w:id", String.valueOf(id));
            c.setAttributeNS(W, "w:author", AUTHOR);
            c.setAttributeNS(W, "w:initials", "AR");
            c.setAttributeNS(W, "w:date", date);
            for (String words : commentLines(f, scanned.report().language())) {
                Element p = commentsPart.createElementNS(W, "w:p");
                Element r = commentsPart.createElementNS(W, "w:r");
                Element t = commentsPart.createElementNS(W, "w:t");
                t.setAttributeNS(XML_NS, "xml:space", "preserve");
                t.appendChild(commentsPart.createTextNode(xmlSafe(words)));
                r.appendChild(t);
                p.appendChild(r);
                c.appendChild(p);
            }
            comments.appendChild(c);
            if (anchor != null) {
                mark(anchor, String.valueOf(id));
            }
            id++;
            written++;
        }
        return new Outcome(written, exact, unanchored);
    }

    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    /**
     * A comment's paragraphs: the factor's title, code, score and confidence (and the expert's decision after a
     * review), and the provision's citation in {@code language} ({@code Title [CODE, 0.60] — Статья 7, пункт 1}:
     * what {@link DocxReviewReader} reads back), why, how to fix, and how often findings of the factor were right
     * (the confidence in words), when the finding has a confidence.
     */
    static List<String> commentLines(Finding f, org.adaldyq.risk.lang.Language language) {
        String decision = org.adaldyq.risk.review.Review.decision(f);
        String by = decision == null ? "" : ", " + decision + " by the expert";
        String cited = " — " + CitationText.of(((ProvisionLocation) f.location()).provision(), language);
        List<String> lines = new java.util.ArrayList<>();
        lines.add((f.confidence() == null ? String.format(Locale.ROOT, "%s [%s, %.2f%s]", f.title(), f.code(), f.score(), by)
                : String.format(Locale.ROOT, "%s [%s, %.2f, confidence %.2f%s]", f.title(), f.code(), f.score(), f.confidence(), by)) + cited);
        lines.add(f.explanation());
        lines.add(f.recommendation());
        String note = org.adaldyq.risk.review.Review.note(f);
        if (note != null) {
            lines.add("Expert: " + note);
        }
        f.evidence().stream().filter(e -> RegulationScanner.CONFIDENCE_EVIDENCE.equals(e.path()) && e.value() != null)
                .forEach(e -> lines.add(e.value().toString()));
        return lines;
    }

    /** True for a character XML 1.0 can hold (the others are left out of what is written). */
    static boolean xmlChar(char c) {
        return c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c != 0xFFFE && c != 0xFFFF;
    }

    private static String xmlSafe(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (xmlChar(s.charAt(i))) {
                b.append(s.charAt(i));
            }
        }
        return b.toString();
    }

    private static long nextId(Element comments) {
        long max = -1;
        NodeList all = comments.getElementsByTagNameNS(W, "comment");
        for (int i = 0; i < all.getLength(); i++) {
            try {
                max = Math.max(max, Long.parseLong(((Element) all.item(i)).getAttributeNS(W, "id")));
            } catch (NumberFormatException e) {
                // an id that is not a number cannot clash with ours
            }
        }
        return max + 1;
    }

    /**
     * Pairs each line of the text as read with the paragraph that holds the same words, in order
     * ({@code -1}: none). Both are in document order; a paragraph the reader left out or a line the
     * document has no paragraph for is skipped.
     */
    static int[] align(String[] lines, List<String> texts) {
        int[] of = new int[lines.length];
        int next = 0;
        for (int i = 0; i < lines.length; i++) {
            of[i] = -1;
            String want = squash(lines[i]);
            if (want.isEmpty()) {
                continue;
            }
            for (int j = next; j < Math.min(texts.size(), next + 200); j++) {
                if (squash(texts.get(j)).equals(want)) {
                    of[i] = j;
                    next = j + 1;
                    break;
                }
            }
        }
        return of;
    }

    private static String squash(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    /** Where a comment starts and ends: a paragraph and an offset in its text, for each edge. */
    private record Anchor(Element paragraph, int start, Element endParagraph, int end) {
    }

    private static Anchor anchorInLine(List<Element> paragraphs, List<String> texts, int p, String line, int column,
            String quote) {
        Anchor a = p >= 0 ? exactAnchor(paragraphs.get(p), texts.get(p), line, column, quote) : null;
        return a != null ? a : searchAnchor(paragraphs, texts, p, quote);
    }

    /** The quote at the finding's column when the paragraph reads as the line, else its nearest occurrence. */
    private static Anchor exactAnchor(Element p, String paragraphText, String line, int column, String quote) {
        if (paragraphText.equals(line) && paragraphText.startsWith(quote, column)) {
            return new Anchor(p, column, p, column + quote.length());
        }
        int best = -1;
        for (int i = paragraphText.indexOf(quote); i >= 0; i = paragraphText.indexOf(quote, i + 1)) {
            if (best < 0 || Math.abs(i - column) < Math.abs(best - column)) {
                best = i;
            }
        }
        return best < 0 ? null : new Anchor(p, best, p, best + quote.length());
    }

    private static Anchor searchAnchor(List<Element> paragraphs, List<String> texts, int near, String quote) {
        int from = Math.max(0, near);
        for (int d = 0; d < paragraphs.size(); d++) {
            for (int j : new int[] {from + d, from - d - 1}) {
                if (j >= 0 && j < paragraphs.size()) {
                    int i = texts.get(j).indexOf(quote);
                    if (i >= 0) {
                        return new Anchor(paragraphs.get(j), i, paragraphs.get(j), i + quote.length());
                    }
                }
            }
        }
        return null;
    }

    /** The runs of a paragraph that carry text, at any depth (hyperlinks, insertions, smart tags), in order. */
    private static List<Element> runs(Element p) {
        List<Element> runs = new ArrayList<>();
        walk(p, runs);
        return runs;
    }

    private static void walk(Node n, List<Element> runs) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (!(c instanceof Element e) || !W.equals(e.getNamespaceURI())) {
                continue;
            }
            switch (e.getLocalName()) {
                case "r" -> runs.add(e);
                case "hyperlink", "ins", "smartTag", "fldSimple", "customXml", "sdt", "sdtContent" -> walk(e, runs);
                default -> {
                }
            }
        }
    }

    /** The text of a run as the anchoring reads it: its {@code w:t} text, tabs as {@code \t}. */
    private static String runText(Element r) {
        StringBuilder b = new StringBuilder();
        for (Node c = r.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && W.equals(e.getNamespaceURI())) {
                switch (e.getLocalName()) {
                    case "t" -> appendText(e, b);
                    case "tab" -> b.append('\t');
                    default -> {
                    }
                }
            }
        }
        return b.toString();
    }

    /** The text children of a {@code w:t}, joined. */
    private static void appendText(Element e, StringBuilder b) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                b.append(c.getNodeValue());
            }
        }
    }

    static String text(Element p) {
        StringBuilder b = new StringBuilder();
        for (Element r : runs(p)) {
            b.append(runText(r));
        }
        return b.toString();
    }

    /**
     * Splits the runs at the anchor's edges (a run of plain text is cut in two, its properties copied) and
     * puts the comment's range marks around the anchored runs and its reference after them.
     */
    private static void mark(Anchor a, String id) {
        Element first = split(a.paragraph(), a.start());
        split(a.endParagraph(), a.end());
        if (first == null) {
            first = runAt(a.paragraph(), a.start(), true);
        }
        Element last = runAt(a.endParagraph(), a.end(), false);
        if (first == null || last == null) {
            return;
        }
        var dom = first.getOwnerDocument();
        Element start = dom.createElementNS(W, "w:commentRangeStart");
        start.setAttributeNS(W, "w:id", id);
        first.getParentNode().insertBefore(start, first);
        Element end = dom.createElementNS(W, "w:commentRangeEnd");
        end.setAttributeNS(W, "w:id", id);
        Element ref = dom.createElementNS(W, "w:r");
        Element refMark = dom.createElementNS(W, "w:commentReference");
        refMark.setAttributeNS(W, "w:id", id);
        ref.appendChild(refMark);
        Node after = last.getNextSibling();
        last.getParentNode().insertBefore(end, after);
        last.getParentNode().insertBefore(ref, end.getNextSibling());
    }

    /** The first run that ends after {@code offset} ({@code starting}), or the last run that starts before it. */
    private static Element runAt(Element p, int offset, boolean starting) {
        Element found = null;
        int pos = 0;
        for (Element r : runs(p)) {
            int len = runText(r).length();
            if (starting && pos + len > offset) {
                return r;
            }
            if (!starting && pos < offset) {
                found = r;
            }
            pos += len;
        }
        return found;
    }

    /**
     * Cuts the run that holds {@code offset} so that a run starts there, when that run is plain text (its
     * properties and one or more {@code w:t}); returns the run that starts at the offset, or null.
     */
    private static Element split(Element p, int offset) {
        int pos = 0;
        for (Element r : runs(p)) {
            String t = runText(r);
            if (offset == pos) {
                return r;
            }
            if (offset > pos && offset < pos + t.length()) {
                if (!plain(r)) {
                    return null;
                }
                Element tail = (Element) r.cloneNode(true);
                setText(r, t.substring(0, offset - pos));
                setText(tail, t.substring(offset - pos));
                r.getParentNode().insertBefore(tail, r.getNextSibling());
                return tail;
            }
            pos += t.length();
        }
        return null;
    }

    private static boolean plain(Element r) {
        for (Node c = r.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && !(W.equals(e.getNamespaceURI()) && ("rPr".equals(e.getLocalName()) || "t".equals(e.getLocalName())))) {
                return false;
            }
        }
        return true;
    }

    private static void setText(Element r, String text) {
        List<Node> ts = new ArrayList<>();
        for (Node c = r.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && "t".equals(e.getLocalName())) {
                ts.add(e);
            }
        }
        Element t = (Element) ts.get(0);
        for (int i = 1; i < ts.size(); i++) {
            r.removeChild(ts.get(i));
        }
        while (t.getFirstChild() != null) {
            t.removeChild(t.getFirstChild());
        }
        t.appendChild(r.getOwnerDocument().createTextNode(text));
        t.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:space", "preserve");
    }
}
