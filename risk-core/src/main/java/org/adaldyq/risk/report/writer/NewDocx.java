package org.adaldyq.risk.report.writer;

import org.adaldyq.risk.report.ScannedDocument;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.finding.ProvisionLocation;

/**
 * A new DOCX written directly as its five OOXML parts: the text as read, one paragraph per line, each
 * finding's comment anchored on its quote by construction. Used by {@link DocxReview#create} for inputs that
 * are not DOCX; an order of magnitude cheaper than building the same document through POI's object model.
 */
final class NewDocx {
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private NewDocx() {
    }

    static DocxReview.Outcome write(ScannedDocument scanned, OutputStream out) throws IOException {
        String text = scanned.document().text();
        List<Finding> findings = scanned.report().findings();
        // offset → the marks there: ends first (a comment that ends where another starts closes first)
        TreeMap<Integer, List<String>> marks = new TreeMap<>();
        for (int i = 0; i < findings.size(); i++) {
            ProvisionLocation at = (ProvisionLocation) findings.get(i).location();
            marks.computeIfAbsent(at.start(), k -> new ArrayList<>()).add("S" + i);
            if (at.end() > at.start()) {
                marks.computeIfAbsent(at.end(), k -> new ArrayList<>()).add(0, "E" + i);
            } else {
                marks.get(at.start()).add("E" + i);
            }
        }
        StringBuilder doc = new StringBuilder(text.length() * 2 + 1024);
        doc.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"").append(W).append("\"><w:body>");
        boolean markdown = MarkdownHeadings.in(scanned);
        TreeSet<Integer> edges = new TreeSet<>(marks.keySet());
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            int heading = markdown ? MarkdownHeadings.marker(text, lineStart, lineEnd, edges) : 0;
            String format = "";
            int pos = lineStart;
            if (heading > 0) {
                // a Markdown heading («### 7-бап. …») is a heading in Word too: bold, larger, in the outline
                int hashes = heading - 1; // the marks are the hashes and one space
                format = "<w:rPr><w:b/><w:sz w:val=\"" + Math.max(24, 34 - 2 * hashes) + "\"/></w:rPr>";
                doc.append("<w:p><w:pPr><w:keepNext/><w:spacing w:before=\"240\"/><w:outlineLvl w:val=\"").append(hashes - 1)
                        .append("\"/></w:pPr>");
                pos += heading;
            } else {
                doc.append("<w:p>");
            }
            for (var e : marks.subMap(pos, true, lineEnd, true).entrySet()) {
                run(doc, text.substring(pos, e.getKey()), format);
                pos = e.getKey();
                for (String m : e.getValue()) {
                    String id = m.substring(1);
                    if (m.charAt(0) == 'S') {
                        doc.append("<w:commentRangeStart w:id=\"").append(id).append("\"/>");
                    } else {
                        doc.append("<w:commentRangeEnd w:id=\"").append(id).append("\"/><w:r><w:commentReference w:id=\"")
                                .append(id).append("\"/></w:r>");
                    }
                }
            }
            run(doc, text.substring(pos, lineEnd), format);
            doc.append("</w:p>");
            lineStart = lineEnd + 1;
        }
        doc.append("</w:body></w:document>");

        String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        StringBuilder comments = new StringBuilder(1024 + findings.size() * 512);
        comments.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments xmlns:w=\"").append(W).append("\">");
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            comments.append("<w:comment w:id=\"").append(i).append("\" w:author=\"").append(DocxReview.AUTHOR)
                    .append("\" w:initials=\"AR\" w:date=\"").append(date).append("\">");
            for (String line : DocxReview.commentLines(f, scanned.report().language())) {
                comments.append("<w:p>");
                run(comments, line);
                comments.append("</w:p>");
            }
            comments.append("</w:comment>");
        }
        comments.append("</w:comments>");

        write(out, doc.toString(), "comments.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
                "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments", comments.toString());
        return new DocxReview.Outcome(findings.size(), findings.size(), 0);
    }

    /**
     * A DOCX package of {@code document} ({@code word/document.xml}) and one more part of the document,
     * {@code word/<name>} with its content type and relationship type; {@code out} is left open.
     */
    static void write(OutputStream out, String document, String name, String contentType, String relationship, String xml)
            throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.setLevel(Deflater.BEST_SPEED);
        part(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                + "<Override PartName=\"/word/" + name + "\" ContentType=\"" + contentType + "\"/>"
                + "</Types>");
        part(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                + "</Relationships>");
        part(zip, "word/_rels/document.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + relationship + "\" Target=\"" + name + "\"/>"
                + "</Relationships>");
        part(zip, "word/document.xml", document);
        part(zip, "word/" + name, xml);
        zip.finish();
        zip.flush();
    }

    private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** A run of plain text; characters XML 1.0 cannot hold are left out. */
    static void run(StringBuilder b, String text) {
        run(b, text, "");
    }

    /** A run of text with its run properties ({@code <w:rPr>…</w:rPr>}, or empty for none). */
    static void run(StringBuilder b, String text, String format) {
        if (text.isEmpty()) {
            return;
        }
        b.append("<w:r>").append(format).append("<w:t xml:space=\"preserve\">");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    // within a paragraph's run a line break is not text: only tabs and printable characters
                    if (c != '\n' && c != '\r' && DocxReview.xmlChar(c)) {
                        b.append(c);
                    }
                }
            }
        }
        b.append("</w:t></w:r>");
    }
}
