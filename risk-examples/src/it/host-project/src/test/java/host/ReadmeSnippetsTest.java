package host;

import org.adaldyq.risk.rules.RuleReload;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the README snippets as a host would, on a real DOCX draft and real OCDS, and checks what they print. */
class ReadmeSnippetsTest {
    @BeforeAll
    static void files() throws Exception {
        Path here = Path.of("").toAbsolutePath();
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(here.resolve("draft.docx"))) {
            for (String paragraph : resource("draft-ru.txt").split("\n")) {
                doc.createParagraph().createRun().setText(paragraph);
            }
            doc.write(out);
        }
        Files.writeString(here.resolve("releases.jsonl"), resource("releases.jsonl"));
    }

    static String resource(String name) throws Exception {
        try (InputStream in = ReadmeSnippetsTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String stdout(ThrowingRunnable r) throws Exception {
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

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void draftLawSnippetScansTheDocx() throws Exception {
        String[] json = new String[1];
        String out = stdout(() -> json[0] = ReadmeSnippets.draftLaws());
        assertTrue(out.contains("WIDE_DISCRETION") || out.contains("OPTIONAL_POWER"), out);
        assertTrue(json[0].contains("\"factor\""), json[0]);
        assertTrue(json[0].contains("\"language\" : \"ru\""), json[0]);
    }

    @Test
    void procurementSnippetAssessesEveryProcess() throws Exception {
        String out = stdout(ReadmeSnippets::procurement);
        assertTrue(out.contains(" R003 Short submission period "), out);
        String counts = out.lines().filter(l -> l.startsWith("processes=")).findFirst().orElseThrow();
        assertEquals(11, Integer.parseInt(counts.replaceAll("processes=(\\d+).*", "$1")), counts);
    }

    @Test
    void authorGuideReloadsWorkForBothEngines() throws Exception {
        Path here = Path.of("").toAbsolutePath();
        Files.createDirectories(here.resolve("my-rules"));
        Files.writeString(here.resolve("my-rules/disabled.txt"), "# nothing switched off\n");
        Files.createDirectories(here.resolve("my-procurement-rules"));
        Files.writeString(here.resolve("my-procurement-rules/disabled.txt"), "R003 Short submission period\n");
        RuleReload[] reloads = ReadmeSnippets.reloads();
        assertTrue(reloads[0].applied(), reloads[0].toString());
        assertTrue(reloads[1].applied(), reloads[1].toString());
    }
}
