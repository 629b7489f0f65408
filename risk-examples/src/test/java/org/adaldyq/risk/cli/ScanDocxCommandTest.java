package org.adaldyq.risk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan --format docx}: one reviewed DOCX per input, an error line for an unreadable one, --output required. */
class ScanDocxCommandTest {

    /** Runs the CLI in this JVM, its console written to {@code out} and {@code err}; returns the exit code. */
    static int run(StringWriter out, StringWriter err, String... args) {
        return RiskCli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void aFolderOfInputsGivesOneReviewedDocxEach(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("empty.txt"), new byte[0]);
        Path reviews = dir.resolve("reviews");
        StringWriter out = new StringWriter();
        int code = run(out, new StringWriter(), "scan", "--format", "docx", "--output", reviews.toString(), "../data/samples",
                "../risk-core/src/test/resources/documents/fixtures/kk-article7.docx", dir.resolve("empty.txt").toString());
        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("ERROR (EMPTY)").contains("5 input(s): 4 scanned, 1 failed");
        assertThat(reviews).isDirectoryContaining("glob:**/kk-article7.review.docx")
                .isDirectoryContaining("glob:**/kz-laws_rus_104440.review.docx");
        try (var in = Files.newInputStream(reviews.resolve("kk-article7.review.docx")); XWPFDocument doc = new XWPFDocument(in)) {
            assertThat(doc.getComments()).isNotEmpty();
            assertThat(doc.getComments()[0].getAuthor()).isEqualTo("Adaldyq Risk");
        }
    }

    @Test
    void docxNeedsAnOutputFile() {
        StringWriter err = new StringWriter();
        int code = run(new StringWriter(), err, "scan", "--format", "docx", "../data/samples/kk");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--output");
    }
    @Test
    void aMarkdownDraftComesBackWithItsHeadingsAsWordHeadings(@TempDir Path dir) throws Exception {
        Path review = dir.resolve("kk.review.docx");
        StringWriter out = new StringWriter();
        int code = run(out, new StringWriter(), "scan", "--format", "docx", "--output", review.toString(),
                "../data/samples/kk/kz-laws_kaz_104440.md");
        assertThat(code).isZero();
        java.util.regex.Matcher found = java.util.regex.Pattern.compile("(\\d+) finding\\(s\\)").matcher(out.toString());
        assertThat(found.find()).as(out.toString()).isTrue();
        try (var in = Files.newInputStream(review); XWPFDocument doc = new XWPFDocument(in)) {
            var paragraphs = doc.getParagraphs();
            assertThat(paragraphs).extracting(p -> p.getText()).noneMatch(t -> t.startsWith("#"));
            var article = paragraphs.stream().filter(p -> p.getText().equals("7-бап. Жеңiлдiктер мен преференциялар жүйесi"))
                    .findFirst().orElseThrow();
            // «### 7-бап …»: third level of the outline (0-based 2), bold
            assertThat(article.getCTP().getPPr().getOutlineLvl().getVal().intValue()).isEqualTo(2);
            assertThat(article.getRuns()).allMatch(r -> r.isBold());
            // every finding is still a comment anchored in the text
            assertThat(doc.getComments()).hasSize(Integer.parseInt(found.group(1))).isNotEmpty();
            assertThat(doc.getDocument().getBody().getPArray()).anyMatch(p -> p.getCommentRangeStartArray().length > 0);
        }
    }
}
