package org.adaldyq.risk.examples;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedding programs in {@code src/examples/java} run on real inputs, and the README's "As a library"
 * snippets are the code the host project in {@code src/it/host-project} compiles and runs.
 */
class ExamplesTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    static synchronized String stdout(Runnable r) {
        PrintStream old = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void scanDraftLawPrintsEachFindingOfADocx(@TempDir Path tmp) throws Exception {
        Path docx = tmp.resolve("draft.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(docx)) {
            for (String line : Files.readAllLines(ROOT.resolve("data/samples/ru/kz-laws_rus_104440.md"))) {
                doc.createParagraph().createRun().setText(line);
            }
            doc.write(out);
        }
        String out = stdout(() -> {
            try {
                ScanDraftLaw.main(new String[] {docx.toString()});
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(out.lines().findFirst().orElseThrow()).startsWith(docx + " (ru): ");
        assertThat(out).contains("  why: ", "  fix: ", "Article ");
        Matcher m = Pattern.compile("(\\d+) findings").matcher(out);
        assertThat(m.find()).isTrue();
        assertThat(out.split("\n  why: ", -1).length - 1).isEqualTo(Integer.parseInt(m.group(1))).isPositive();
    }

    @Test
    void riskiestBuyersStreamsTheRealSamples() {
        String out = stdout(() -> RiskiestBuyers.main(new String[] {
                ROOT.resolve("risk-examples/src/test/resources/ocds-samples/compiled").toString(), "3"}));
        List<String> lines = out.lines().toList();
        assertThat(lines.get(0)).matches("\\d+ processes, \\d+ reviewed, \\d+ flagged");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).contains(" processes ", " flagged ");
        // buyers are shown with the name their processes' parties give them (Uganda's tax authority is id 478)
        assertThat(lines).anyMatch(l -> l.startsWith("478 Uganda Revenue Authority "));
    }

    @Test
    void readmeSnippetsAreTheOnesTheHostProjectRuns() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String library = readme.substring(readme.indexOf("## As a library"), readme.indexOf("## Layout"));
        String host = normalise(Files.readString(
                ROOT.resolve("risk-examples/src/it/host-project/src/main/java/host/ReadmeSnippets.java")));
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(library);
        int blocks = 0;
        while (block.find()) {
            blocks++;
            assertThat(host).as("README snippet %d is compiled by the host project", blocks).contains(normalise(block.group(1)));
        }
        assertThat(blocks).isEqualTo(2);
    }

    /** Lines stripped of their indentation: the host wraps the snippets in methods. */
    private static String normalise(String code) {
        return String.join("\n", code.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }
}
