package org.adaldyq.risk.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.adaldyq.risk.extract.DocumentReadException.Reason;
import org.adaldyq.risk.fixtures.TestDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextExtractorTest {

    static final TextExtractor EXTRACTOR = TextExtractor.create();

    static Path resource(String name) {
        return TestDocuments.resource(name);
    }

    @ParameterizedTest
    @CsvSource({
        "fixtures/kk-article7.docx, application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "fixtures/kk-article7.pdf, application/pdf",
        "fixtures/kk-article7-bom.txt, text/plain",
        "fixtures/kk-article7-utf16le.txt, text/plain",
    })
    void kazakhArticleComesOutAsOneParagraphPerLine(String file, String mediaType) throws Exception {
        ExtractedText t = EXTRACTOR.extract(resource(file));
        assertThat(t.mediaType()).isEqualTo(mediaType);
        assertThat(t.text().lines().filter(l -> !l.isBlank()))
                .startsWith("7-бап. Жеңiлдiктер мен преференциялар жүйесi",
                        "1. Инвестициялық жобаны тиiмдi iске асыру үшiн Агенттік мынадай жеңiлдіктер мен преференцияларды бере алады:",
                        "1) мемлекеттiк нақты гранттар;")
                .hasSize(7);
        assertThat(t.text()).doesNotStartWith("\uFEFF");
    }

    @ParameterizedTest
    @CsvSource({
        "fixtures/ru-article23.docx, application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "fixtures/ru-article23.odt, application/vnd.oasis.opendocument.text",
        "fixtures/ru-article23.rtf, application/rtf",
        "fixtures/ru-article23-cp1251.txt, text/plain",
        "fixtures/ru-article23-koi8r.txt, text/plain",
        "fixtures/ru-article23-mislabelled.html, text/html",
    })
    void russianArticleIsDecodedRightWhateverTheFormatOrEncoding(String file, String mediaType) throws Exception {
        ExtractedText t = EXTRACTOR.extract(resource(file));
        assertThat(t.mediaType()).isEqualTo(mediaType);
        assertThat(t.text().lines().filter(l -> !l.isBlank()))
                .startsWith("Статья 23. Порядок принятия решения о предоставлении водного объекта в пользование")
                .contains("4. Отказ в предоставлении водного объекта или его части в соответствии с частью 1 настоящей"
                        + " статьи в пользование может быть обжалован в судебном порядке.")
                .hasSize(5);
        assertThat(t.text()).doesNotContain("\r", "\uFFFD");
    }

    /**
     * A draft that came back from review with Word comments reads as the draft: the comments' words (a reviewer's,
     * on the first paragraph and across the second) are neither text nor provisions, and every offset is as before.
     */
    @Test
    void wordCommentsAreNotTheDraftsText() throws Exception {
        byte[] original = Files.readAllBytes(resource("fixtures/ru-article23.docx"));
        java.io.ByteArrayOutputStream commented = new java.io.ByteArrayOutputStream();
        try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new ByteArrayInputStream(original))) {
            org.apache.poi.xwpf.usermodel.XWPFComments comments = doc.createComments();
            java.util.List<org.apache.poi.xwpf.usermodel.XWPFParagraph> paragraphs = doc.getParagraphs();
            for (int i = 0; i < 2; i++) {
                java.math.BigInteger id = java.math.BigInteger.valueOf(i + 1);
                org.apache.poi.xwpf.usermodel.XWPFComment c = comments.createComment(id);
                c.setAuthor("Рецензент");
                c.createParagraph().createRun().setText("Уполномоченный орган вправе отказать по иным основаниям: замечание " + i);
                org.apache.poi.xwpf.usermodel.XWPFParagraph p = paragraphs.get(i);
                p.getCTP().insertNewCommentRangeStart(0).setId(id);
                p.getCTP().addNewCommentRangeEnd().setId(id);
                p.createRun().getCTR().addNewCommentReference().setId(id);
            }
            doc.write(commented);
        }
        ExtractedText plain = EXTRACTOR.extract(original, "draft.docx");
        ExtractedText reviewed = EXTRACTOR.extract(commented.toByteArray(), "draft-reviewed.docx");
        assertThat(new String(commented.toByteArray(), StandardCharsets.ISO_8859_1)).contains("word/comments.xml");
        assertThat(reviewed.text()).isEqualTo(plain.text()).doesNotContain("замечание", "Comment by", "Рецензент");
    }

    /** The same for a LibreOffice document: an annotation in the first paragraph is not a paragraph of its own. */
    @Test
    void odfAnnotationsAreNotTheDraftsText() throws Exception {
        byte[] original = Files.readAllBytes(resource("fixtures/ru-article23.odt"));
        java.io.ByteArrayOutputStream annotated = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(original));
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(annotated)) {
            java.util.zip.ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals("content.xml")) {
                    String xml = new String(data, StandardCharsets.UTF_8);
                    int p = xml.indexOf('>', xml.indexOf("<text:p", xml.indexOf("<office:text"))) + 1;
                    xml = xml.substring(0, p) + "<office:annotation><text:p>ЗАМЕЧАНИЕ рецензента: орган вправе отказать</text:p>"
                            + "</office:annotation>" + xml.substring(p);
                    data = xml.getBytes(StandardCharsets.UTF_8);
                }
                java.util.zip.ZipEntry copy = new java.util.zip.ZipEntry(e.getName());
                if (e.getName().equals("mimetype")) { // stored first and uncompressed, as ODF requires
                    copy.setMethod(java.util.zip.ZipEntry.STORED);
                    copy.setSize(data.length);
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(data);
                    copy.setCrc(crc.getValue());
                }
                out.putNextEntry(copy);
                out.write(data);
                out.closeEntry();
            }
        }
        ExtractedText plain = EXTRACTOR.extract(original, "draft.odt");
        ExtractedText reviewed = EXTRACTOR.extract(annotated.toByteArray(), "draft-reviewed.odt");
        assertThat(new String(annotated.toByteArray(), StandardCharsets.UTF_8)).doesNotContain("ЗАМЕЧАНИЕ"); // compressed
        assertThat(reviewed.mediaType()).isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(reviewed.text()).isEqualTo(plain.text()).doesNotContain("ЗАМЕЧАНИЕ");
    }

    @Test
    void windows1251AndKoi8AreToldApart() throws Exception {
        assertThat(EXTRACTOR.extract(resource("fixtures/ru-article23-cp1251.txt")).metadata())
                .containsEntry("charset", "windows-1251");
        assertThat(EXTRACTOR.extract(resource("fixtures/ru-article23-koi8r.txt")).metadata())
                .containsEntry("charset", "KOI8-R");
    }

    @Test
    void pravoGovRuHtmlGivesCleanParagraphsWithoutEditorialNotes() throws Exception {
        ExtractedText t = EXTRACTOR.extract(resource("ru/pravo-gov-ru_102107048.html"));
        assertThat(t.mediaType()).isEqualTo("text/html");
        assertThat(t.text()).contains("\nСтатья 23. Порядок принятия решения о предоставлении водного объекта в пользование\n")
                .contains("\n2.1. Предоставление водного объекта") // superscript 2<sup>1</sup>
                .doesNotContain("В редакции Федерального закона", "\u00A0", "\n\n\n", "mso-");
        assertThat(t.text().lines()).allSatisfy(l -> assertThat(l).isEqualTo(l.strip()));
    }

    @ParameterizedTest
    @CsvSource({
        "fixtures/empty.txt, EMPTY",
        "fixtures/garbage.bin, BINARY",
        "fixtures/image.png, UNSUPPORTED_FORMAT",
        "fixtures/ru-article23-truncated.docx, CORRUPT",
        "fixtures/kk-article7-encrypted.docx, ENCRYPTED",
        "fixtures/kk-article7-encrypted.pdf, ENCRYPTED",
        "fixtures/billion-laughs.xml, CORRUPT",
    })
    void badInputIsADocumentReadExceptionWithItsReason(String file, Reason reason) {
        DocumentReadException e = catchThrowableOfType(DocumentReadException.class,
                () -> EXTRACTOR.extract(resource(file)));
        assertThat(e).as(file).isNotNull();
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.getMessage()).contains(Path.of(file).getFileName().toString());
        // the same message in every run: no object identity (Tika's "OOXMLParser@7d90633")
        assertThat(e.getMessage()).doesNotContainPattern("@[0-9a-f]{4,8}\\b");
    }

    @Test
    void xmlExternalEntitiesAreNotResolved() throws Exception {
        ExtractedText t = EXTRACTOR.extract(resource("fixtures/xxe.xml"));
        assertThat(t.text()).doesNotContain("root:");
    }

    @Test
    void inputOverTheSizeLimitIsTooLarge(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.txt");
        byte[] line = "Статья 1. Настоящий Закон вводится в действие.\n".getBytes(StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(big)) {
            for (int i = 0; i < 30_000; i++) {
                out.write(line);
            }
        }
        TextExtractor small = TextExtractor.builder().maxInputBytes(1_000_000).build();
        assertThatThrownBy(() -> small.extract(big)).isInstanceOfSatisfying(DocumentReadException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
        assertThatThrownBy(() -> small.extract(Files.newInputStream(big), "big.txt"))
                .isInstanceOfSatisfying(DocumentReadException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fixtures/ru-article23.docx", "ru/pravo-gov-ru_102107048.html", "fixtures/ru-article23-cp1251.txt"})
    void textOverTheCharacterLimitIsTooLarge(String file) {
        TextExtractor tiny = TextExtractor.builder().maxChars(100).build();
        assertThatThrownBy(() -> tiny.extract(resource(file))).isInstanceOfSatisfying(DocumentReadException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
    }

    @Test
    void missingFileIsAnIoReason() {
        assertThatThrownBy(() -> EXTRACTOR.extract(Path.of("/nonexistent/file.docx")))
                .isInstanceOfSatisfying(DocumentReadException.class, e -> assertThat(e.reason()).isEqualTo(Reason.IO));
    }

    @Test
    void hostileRandomInputNeverThrowsAnythingElse() {
        java.util.Random random = new java.util.Random(7);
        byte[][] prefixes = {"PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1), "%PDF-1.7\n".getBytes(StandardCharsets.ISO_8859_1),
            "{\\rtf1 ".getBytes(StandardCharsets.ISO_8859_1), "<html><body><p>".getBytes(StandardCharsets.ISO_8859_1),
            {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1}, new byte[0]};
        for (int n = 0; n < 30; n++) {
            byte[] prefix = prefixes[n % prefixes.length];
            byte[] body = new byte[random.nextInt(3000)];
            random.nextBytes(body);
            byte[] input = new byte[prefix.length + body.length];
            System.arraycopy(prefix, 0, input, 0, prefix.length);
            System.arraycopy(body, 0, input, prefix.length, body.length);
            try {
                EXTRACTOR.extract(new ByteArrayInputStream(input), "random-" + n);
            } catch (DocumentReadException expected) {
                assertThat(expected.reason()).isNotNull();
            }
        }
    }
}
