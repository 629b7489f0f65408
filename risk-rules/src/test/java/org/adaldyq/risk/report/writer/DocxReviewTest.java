package org.adaldyq.risk.report.writer;

import org.adaldyq.risk.report.ScannedDocument;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.finding.ProvisionLocation;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Round trip of the reviewed DOCX: reopened, it has one comment per finding by "Adaldyq Risk", each
 * anchored on exactly its quote, and the document's text and formatting are what they were.
 */
class DocxReviewTest {
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final Path FIXTURES = Path.of("../risk-core/src/test/resources/documents/fixtures");
    private static RiskEngine engine;

    @BeforeAll
    static void engine() {
        engine = RiskEngine.builder().build();
    }

    @Test
    void anOriginalDocxGetsACommentOnEachQuoteAndKeepsItsText() throws Exception {
        Path docx = FIXTURES.resolve("kk-article7.docx");
        ScannedDocument scanned = engine.scanDocument(docx);
        assertThat(scanned.report().findings()).isNotEmpty();
        byte[] out = annotate(scanned, Files.readAllBytes(docx));
        assertCommentedExactly(out, scanned);
        assertThat(paragraphTexts(out)).isEqualTo(paragraphTexts(Files.readAllBytes(docx)));
    }

    /**
     * A draft whose words are cut into runs every few characters with alternating bold and italics (as
     * editing leaves Word files): the runs are split at the quotes' edges, every character keeps its
     * formatting and every quote gets its comment.
     */
    @Test
    void fragmentedRunsAreSplitAtTheQuotesAndKeepTheirFormatting(@TempDir Path dir) throws Exception {
        String text = Files.readString(Path.of("../data/samples/ru/kz-laws_rus_104440.md"));
        Path docx = dir.resolve("fragmented.docx");
        try (XWPFDocument doc = new XWPFDocument(); var os = Files.newOutputStream(docx)) {
            int k = 0;
            for (String line : text.split("\n")) {
                XWPFParagraph p = doc.createParagraph();
                for (int i = 0; i < line.length(); i += 7, k++) {
                    XWPFRun r = p.createRun();
                    r.setText(line.substring(i, Math.min(line.length(), i + 7)));
                    r.setBold(k % 2 == 0);
                    r.setItalic(k % 3 == 0);
                }
            }
            doc.write(os);
        }
        ScannedDocument scanned = engine.scanDocument(docx);
        assertThat(scanned.report().findings()).hasSizeGreaterThan(10);
        byte[] original = Files.readAllBytes(docx);
        byte[] out = annotate(scanned, original);
        assertCommentedExactly(out, scanned);
        assertThat(paragraphTexts(out)).isEqualTo(paragraphTexts(original));
        assertThat(formatting(out)).isEqualTo(formatting(original));
    }

    @Test
    void otherFormatsBecomeANewDocumentOfTheirTextWithTheComments() throws Exception {
        for (Path input : List.of(Path.of("../data/samples/kk/kz-laws_kaz_104440.md"),
                Path.of("../data/samples/en/BILLS-116s1014es.xml"), Path.of("../data/samples/ru/kz-laws_rus_104440.md"),
                FIXTURES.resolve("kk-article7.pdf"), FIXTURES.resolve("ru-article23.odt"), FIXTURES.resolve("ru-article23.rtf"),
                FIXTURES.resolve("ru-article23-mislabelled.html"), Path.of("../risk-core/src/test/resources/documents/ru/pravo-gov-ru_102107048.html"))) {
            ScannedDocument scanned = engine.scanDocument(input);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DocxReview.Outcome o = DocxReview.create(scanned, out);
            assertThat(o.comments()).as(input.toString()).isEqualTo(scanned.report().findings().size());
            assertCommentedExactly(out.toByteArray(), scanned);
            // the text as scanned; a Markdown heading comes as a Word heading, without its hashes
            String text = scanned.document().text();
            String expected = input.toString().endsWith(".md") ? text.replaceAll("(?m)^#{1,6} ", "") : text;
            assertThat(String.join("\n", paragraphTexts(out.toByteArray()))).as(input.toString()).isEqualTo(expected);
        }
    }

    @Test
    void aCommentWhoseQuoteIsNotInTheDocumentIsStillWrittenAndCounted() throws Exception {
        Path docx = FIXTURES.resolve("kk-article7.docx");
        ScannedDocument scanned = engine.scanDocument(docx);
        // the same findings over a document whose paragraphs say something else
        ByteArrayOutputStream other = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText("Бұл басқа мәтін.");
            doc.write(other);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DocxReview.Outcome o = DocxReview.annotate(scanned, new ByteArrayInputStream(other.toByteArray()), out);
        assertThat(o.comments()).isEqualTo(scanned.report().findings().size());
        assertThat(o.unanchored()).isEqualTo(o.comments());
        assertThat(o.exact()).isZero();
        try (XWPFDocument reopened = new XWPFDocument(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(reopened.getComments()).hasSize(o.comments());
        }
    }

    /** A DOCX whose main part declares an external entity is refused, never resolved. */
    @Test
    void anExternalEntityInTheDocumentIsRefused() throws Exception {
        ScannedDocument scanned = engine.scanDocument(FIXTURES.resolve("kk-article7.docx"));
        ByteArrayOutputStream hostile = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(hostile)) {
            for (String[] part : new String[][] {
                {"[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
                {"_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
                        + "Target=\"word/document.xml\"/></Relationships>"},
                {"word/document.xml", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e SYSTEM \"file:///etc/hostname\">]>"
                        + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r>"
                        + "<w:t>&e;</w:t></w:r></w:p></w:body></w:document>"}}) {
                zip.putNextEntry(new java.util.zip.ZipEntry(part[0]));
                zip.write(part[1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> DocxReview.annotate(scanned, new ByteArrayInputStream(hostile.toByteArray()), out))
                .isInstanceOf(IOException.class).hasMessageContaining("word/document.xml");
        assertThat(out.size()).isZero();
    }

    private static byte[] annotate(ScannedDocument scanned, byte[] original) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DocxReview.Outcome o = DocxReview.annotate(scanned, new ByteArrayInputStream(original), out);
        assertThat(o.comments()).isEqualTo(scanned.report().findings().size());
        assertThat(o.unanchored()).isZero();
        assertThat(o.exact()).isEqualTo(o.comments());
        return out.toByteArray();
    }

    /** Every finding has its comment, by our author, on exactly its quote (findings in text order = comment order). */
    private static void assertCommentedExactly(byte[] docx, ScannedDocument scanned) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            Map<String, StringBuilder> anchored = new LinkedHashMap<>();
            walk(doc.getDocument().getDomNode(), new LinkedHashSet<>(), anchored);
            XWPFComment[] comments = doc.getComments();
            List<Finding> findings = scanned.report().findings();
            assertThat(comments).hasSize(findings.size());
            for (int i = 0; i < findings.size(); i++) {
                Finding f = findings.get(i);
                XWPFComment c = comments[i];
                assertThat(c.getAuthor()).isEqualTo(DocxReview.AUTHOR);
                assertThat(c.getText()).contains(f.title()).contains(f.code()).contains(f.recommendation());
                String quote = ((ProvisionLocation) f.location()).quote();
                assertThat(anchored.get(c.getId())).as("comment %s", c.getId()).isNotNull();
                String got = anchored.get(c.getId()).toString();
                if (quote.contains("\n")) {
                    // over two paragraphs (lead-in and item): the words of both, whatever indentation lies between
                    assertThat(got.replaceAll("\\s+", "")).as(f.code()).isEqualTo(quote.replaceAll("\\s+", ""));
                } else {
                    assertThat(got).as(f.code()).isEqualTo(quote);
                }
            }
        }
    }

    private static void walk(Node n, Set<String> open, Map<String, StringBuilder> anchored) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && W.equals(e.getNamespaceURI())) {
                String id = e.getAttributeNS(W, "id");
                switch (e.getLocalName()) {
                    case "commentRangeStart" -> {
                        open.add(id);
                        anchored.put(id, new StringBuilder());
                    }
                    case "commentRangeEnd" -> open.remove(id);
                    case "t" -> {
                        String t = text(e);
                        open.forEach(o -> anchored.get(o).append(t));
                    }
                    default -> walk(e, open, anchored);
                }
            }
        }
    }

    private static String text(Element e) {
        StringBuilder b = new StringBuilder();
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.TEXT_NODE) {
                b.append(c.getNodeValue());
            }
        }
        return b.toString();
    }

    private static List<String> paragraphTexts(byte[] docx) throws IOException {
        try (InputStream in = new ByteArrayInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            List<String> texts = new ArrayList<>();
            for (XWPFParagraph p : doc.getParagraphs()) {
                texts.add(p.getText());
            }
            return texts;
        }
    }

    /** Bold and italic of every character, paragraph by paragraph. */
    private static List<String> formatting(byte[] docx) throws IOException {
        try (InputStream in = new ByteArrayInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            List<String> marks = new ArrayList<>();
            for (XWPFParagraph p : doc.getParagraphs()) {
                StringBuilder b = new StringBuilder();
                for (XWPFRun r : p.getRuns()) {
                    String t = r.text();
                    char m = (char) ('0' + (r.isBold() ? 1 : 0) + (r.isItalic() ? 2 : 0));
                    b.append(String.valueOf(m).repeat(t.length()));
                }
                marks.add(b.toString());
            }
            return marks;
        }
    }
}
