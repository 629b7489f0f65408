package org.adaldyq.risk.report.writer;

import org.adaldyq.risk.report.ScannedDocument;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.Locale;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.finding.ProvisionLocation;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFComments;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The draft back to its authors: a Word document with one review comment per finding, anchored on the
 * quoted words (author "Adaldyq Risk"; the comment holds the factor's title, score, why and how to fix).
 *
 * <p>For a DOCX input the original document is annotated and otherwise left as it is: runs are split at
 * the quote's edges (their formatting copied), comment marks and references are added, nothing else
 * changes. For any other input a new document holds the text as read, one paragraph per line, with the
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

    private DocxReview() {
    }

    /**
     * Annotates the original DOCX ({@code original}, the bytes of the file that was scanned) with the
     * findings of {@code scanned} and writes the result to {@code out}.
     *
     * @throws IOException when the original cannot be read as DOCX or the output cannot be written
     */
    public static Outcome annotate(ScannedDocument scanned, InputStream original, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(original)) {
            Outcome o = comment(doc, scanned);
            doc.write(out);
            return o;
        }
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

    private static Outcome comment(XWPFDocument doc, ScannedDocument scanned) {
        List<XWPFParagraph> paragraphs = new ArrayList<>();
        collect(doc.getBodyElements(), paragraphs);
        List<String> texts = new ArrayList<>();
        for (XWPFParagraph p : paragraphs) {
            texts.add(text(p));
        }
        String text = scanned.document().text();
        String[] lines = text.split("\n", -1);
        int[] lineStarts = new int[lines.length];
        for (int i = 1; i < lines.length; i++) {
            lineStarts[i] = lineStarts[i - 1] + lines[i - 1].length() + 1;
        }
        int[] paragraphOfLine = align(lines, texts);
        XWPFComments comments = doc.getDocComments() != null ? doc.getDocComments() : doc.createComments();
        BigInteger id = nextId(comments);
        int exact = 0;
        int unanchored = 0;
        int written = 0;
        for (Finding f : scanned.report().findings()) {
            ProvisionLocation at = (ProvisionLocation) f.location();
            int line = lineOf(lineStarts, at.start());
            int endLine = lineOf(lineStarts, Math.max(at.start(), at.end() - 1));
            String quote = at.quote();
            Anchor anchor = null;
            if (endLine == line) {
                anchor = anchorInLine(paragraphs, texts, paragraphOfLine[line], lines[line], at.start() - lineStarts[line], quote);
            } else {
                // A quote over several paragraphs (a list item's lead-in and the item): the comment starts in
                // the first and ends in the last.
                Anchor head = anchorInLine(paragraphs, texts, paragraphOfLine[line], lines[line], at.start() - lineStarts[line],
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
            XWPFComment c = comments.createComment(id);
            c.setAuthor(AUTHOR);
            c.setInitials("AR");
            c.setDate(Calendar.getInstance(Locale.ROOT));
            c.createParagraph().createRun().setText(String.format(Locale.ROOT, "%s [%s, %.2f]", f.title(), f.code(), f.score()));
            c.createParagraph().createRun().setText(f.explanation());
            c.createParagraph().createRun().setText(f.recommendation());
            if (anchor != null) {
                mark(anchor, id.toString());
            }
            id = id.add(BigInteger.ONE);
            written++;
        }
        return new Outcome(written, exact, unanchored);
    }

    private static void collect(List<IBodyElement> elements, List<XWPFParagraph> into) {
        for (IBodyElement e : elements) {
            if (e instanceof XWPFParagraph p) {
                into.add(p);
            } else if (e instanceof XWPFTable t) {
                for (XWPFTableRow row : t.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        collect(cell.getBodyElements(), into);
                    }
                }
            }
        }
    }

    private static BigInteger nextId(XWPFComments comments) {
        BigInteger max = BigInteger.valueOf(-1);
        for (XWPFComment c : comments.getComments()) {
            try {
                max = max.max(new BigInteger(c.getId()));
            } catch (NumberFormatException e) {
                // an id that is not a number cannot clash with ours
            }
        }
        return max.add(BigInteger.ONE);
    }

    private static int lineOf(int[] starts, int offset) {
        int i = Arrays.binarySearch(starts, offset);
        return i >= 0 ? i : -i - 2;
    }

    /**
     * Pairs each line of the text as read with the paragraph that holds the same words, in order
     * ({@code -1}: none). Both are in document order; a paragraph the reader left out or a line the
     * document has no paragraph for is skipped.
     */
    private static int[] align(String[] lines, List<String> texts) {
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
    private record Anchor(XWPFParagraph paragraph, int start, XWPFParagraph endParagraph, int end) {
    }

    private static Anchor anchorInLine(List<XWPFParagraph> paragraphs, List<String> texts, int p, String line, int column,
            String quote) {
        Anchor a = p >= 0 ? exactAnchor(paragraphs.get(p), texts.get(p), line, column, quote) : null;
        return a != null ? a : searchAnchor(paragraphs, texts, p, quote);
    }

    /** The quote at the finding's column when the paragraph reads as the line, else its nearest occurrence. */
    private static Anchor exactAnchor(XWPFParagraph p, String paragraphText, String line, int column, String quote) {
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

    private static Anchor searchAnchor(List<XWPFParagraph> paragraphs, List<String> texts, int near, String quote) {
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
    private static List<Element> runs(XWPFParagraph p) {
        List<Element> runs = new ArrayList<>();
        walk(p.getCTP().getDomNode(), runs);
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

    /** XMLBeans' DOM has no {@code getTextContent}: the text children, joined. */
    private static void appendText(Element e, StringBuilder b) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
                b.append(c.getNodeValue());
            }
        }
    }

    private static String text(XWPFParagraph p) {
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
    private static Element runAt(XWPFParagraph p, int offset, boolean starting) {
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
    private static Element split(XWPFParagraph p, int offset) {
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
