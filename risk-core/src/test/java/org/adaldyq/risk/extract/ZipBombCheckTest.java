package org.adaldyq.risk.extract;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A DOCX whose XML inflates far beyond its size is refused before POI builds its tree (issue 11, part 3). */
class ZipBombCheckTest {
    static byte[] docx(int spacesMiB) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buf)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                    + "wordprocessingml.document.main+xml\"/></Types>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < spacesMiB; i++) {
                zip.write(spaces);
            }
            zip.write("Орган вправе отказать.</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
        }
        return buf.toByteArray();
    }

    @Test
    void aZipBombIsTooLargeBeforeParsing() throws Exception {
        byte[] bomb = docx(300);
        assertThat(bomb.length).isLessThan(2 << 20);
        assertThatThrownBy(() -> TextExtractor.create().extract(bomb, "bomb.docx"))
                .isInstanceOfSatisfying(DocumentReadException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DocumentReadException.Reason.TOO_LARGE);
                    assertThat(e.getMessage()).contains("zip bomb");
                });
    }

    @Test
    void anOrdinaryDocxIsNotTouched() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument()) {
            doc.createParagraph().createRun().setText("Орган вправе отказать.");
            doc.write(buf);
        }
        ZipBombCheck.check(buf.toByteArray(), "small.docx");
        assertThat(TextExtractor.create().extract(buf.toByteArray(), "small.docx").text()).contains("Орган вправе отказать.");
    }
}
