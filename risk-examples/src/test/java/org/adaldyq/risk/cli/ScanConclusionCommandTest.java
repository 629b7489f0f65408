package org.adaldyq.risk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan --format conclusion}: one Word file for every input — a section per text with its tables, an
 * unreadable input listed as not reviewed — and the counts of the run; with {@code --pair}, one section for both
 * official versions; {@code --output} a file, required.
 */
public class ScanConclusionCommandTest {

    private static int run(StringWriter out, StringWriter err, String... args) {
        return ScanDocxCommandTest.run(out, err, args);
    }

    @Test
    void everyInputIsASectionOfOneConclusion(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("empty.txt"), new byte[0]);
        Path file = dir.resolve("conclusion.docx");
        StringWriter out = new StringWriter();
        // the labels speak the first text's language (--lang would also scan every text as Russian)
        int code = run(out, new StringWriter(), "scan", "--format", "conclusion", "--output", file.toString(),
                "../data/samples/ru", "../data/samples/kk", "../data/samples/en", dir.resolve("empty.txt").toString());
        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("ERROR (EMPTY)").contains("conclusion -> " + file + ": 4 text(s)")
                .contains("4 input(s): 3 scanned, 1 failed");
        java.util.regex.Matcher found = java.util.regex.Pattern.compile("(\\d+) finding\\(s\\)").matcher(out.toString());
        assertThat(found.find()).isTrue();
        try (var in = Files.newInputStream(file); XWPFDocument doc = new XWPFDocument(in)) {
            assertThat(doc.getParagraphs().get(0).getText()).isEqualTo("Проект заключения по результатам антикоррупционной экспертизы");
            assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText)
                    .anySatisfy(t -> assertThat(t).endsWith("kz-laws_rus_104440.md"))
                    .anySatisfy(t -> assertThat(t).startsWith("Не проверено: файл не удалось прочитать (EMPTY"));
            // a factors table and a provisions table per text with findings: the factors tables count every finding
            assertThat(doc.getTables()).hasSize(6);
            assertThat(counted(doc)).isEqualTo(Integer.parseInt(found.group(1)));
            for (int i = 1; i < doc.getTables().size(); i += 2) {
                assertThat(doc.getTables().get(i).getRow(0).getCell(1).getText()).isEqualTo("Структурная единица");
            }
        }
    }

    @Test
    void aConclusionNeedsAnOutputFileAndOneVersion(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "scan", "--format", "conclusion", "../data/samples/kk")).isEqualTo(2);
        assertThat(err.toString()).contains("--format conclusion writes one Word file for all inputs: give it --output OUT.docx");
        err = new StringWriter();
        assertThat(run(new StringWriter(), err, "scan", "--format", "conclusion", "--output", dir.toString(), "../data/samples/kk"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("give it --output OUT.docx");
        err = new StringWriter();
        assertThat(run(new StringWriter(), err, "scan", "--pair", "--format", "conclusion",
                "../data/samples/kk/kz-laws_kaz_104440.md", "../data/samples/ru/kz-laws_rus_104440.md")).isEqualTo(2);
        assertThat(err.toString()).contains("--pair --format conclusion writes one Word file for both versions: give it --output OUT.docx");
    }

    @Test
    void bothOfficialVersionsMakeOneConclusion(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pair.docx");
        StringWriter out = new StringWriter();
        assertThat(run(out, new StringWriter(), "scan", "--pair", "--format", "conclusion", "--output", file.toString(),
                "../data/samples/kk/kz-laws_kaz_104440.md", "../data/samples/ru/kz-laws_rus_104440.md")).isZero();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("conclusion -> .*: (\\d+) finding\\(s\\): (\\d+) in both versions")
                .matcher(out.toString());
        assertThat(m.find()).as(out.toString()).isTrue();
        try (var in = Files.newInputStream(file); XWPFDocument doc = new XWPFDocument(in)) {
            assertThat(counted(doc)).isEqualTo(Integer.parseInt(m.group(1)));
            long both = doc.getTables().get(1).getRows().stream().skip(1).mapToLong(r -> r.getCell(4).getText().split("екі нұсқада да", -1).length - 1)
                    .sum();
            assertThat(both).isEqualTo(Integer.parseInt(m.group(2)));
        }
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    /** The findings a conclusion counts: the sum of its factors tables' counts. */
    public static int counted(XWPFDocument doc) {
        int n = 0;
        for (int i = 0; i < doc.getTables().size(); i += 2) {
            n += doc.getTables().get(i).getRows().stream().skip(1).mapToInt(r -> Integer.parseInt(r.getCell(2).getText())).sum();
        }
        return n;
    }
}
