package org.adaldyq.risk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hostile batch at {@code -Xmx512m} (issue 11): a zip bomb, a line of 0.6 MB of trigger words, an empty
 * file, binary noise, a FIFO and a link out of the folder, mixed with a real law. One record per input,
 * the law's findings as when scanned alone, exit code 1, bounded time.
 */
class HostileBatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oneRecordPerInputAndTheGoodOneUnchanged(@TempDir Path tmp) throws Exception {
        Path batch = Files.createDirectories(tmp.resolve("batch"));
        Path law = Path.of("").toAbsolutePath().getParent().resolve("data/samples/ru/kz-laws_rus_104440.md");
        Files.copy(law, batch.resolve("law.md"));
        Files.write(batch.resolve("bomb.docx"), bomb(400));
        Files.writeString(batch.resolve("dense.txt"), "Орган вправе ".repeat(50_000));
        Files.write(batch.resolve("empty.txt"), new byte[0]);
        byte[] noise = new byte[100_000];
        new java.util.Random(7).nextBytes(noise);
        Files.write(batch.resolve("noise.bin"), noise);
        Files.createSymbolicLink(batch.resolve("out-link.txt"), law);
        boolean fifo = new ProcessBuilder("mkfifo", batch.resolve("pipe").toString()).start().waitFor() == 0;

        long t0 = System.nanoTime();
        CliRun scan = inChildJvm("scan", "--format", "jsonl", batch.toString());
        String out = scan.out();
        int exit = scan.exit();
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;

        Map<String, JsonNode> bySource = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            JsonNode r = JSON.readTree(line);
            bySource.put(Path.of(r.path("source").asText()).getFileName().toString(), r);
        }
        assertThat(bySource.keySet()).containsExactlyInAnyOrderElementsOf(fifo
                ? List.of("bomb.docx", "dense.txt", "empty.txt", "law.md", "noise.bin", "out-link.txt", "pipe")
                : List.of("bomb.docx", "dense.txt", "empty.txt", "law.md", "noise.bin", "out-link.txt"));
        assertThat(bySource.get("bomb.docx").path("reason").asText()).isEqualTo("TOO_LARGE");
        assertThat(bySource.get("dense.txt").path("reason").asText()).isEqualTo("TOO_DENSE");
        assertThat(bySource.get("empty.txt").path("reason").asText()).isEqualTo("EMPTY");
        assertThat(bySource.get("out-link.txt").path("reason").asText()).isEqualTo("LINK_OUT_OF_TREE");
        assertThat(bySource.get("noise.bin").has("reason")).isTrue();

        String alone = ProcurementCommandsTest.run(null, "scan", "--format", "jsonl", law.toString()).out();
        assertThat(bySource.get("law.md").path("findings")).isEqualTo(JSON.readTree(alone).path("findings"));
        assertThat(exit).isEqualTo(1);
        assertThat(seconds).as("bounded time").isLessThan(120);
    }

    /**
     * Third-party warnings (here PDFBox's, 2 per page of a PDF whose pages use a font it does not define) and
     * stack traces (an author rule that throws) stay off the console; {@code --verbose} brings them back.
     */
    @Test
    void thirdPartyWarningsAndStackTracesOnlyWithVerbose(@TempDir Path tmp) throws Exception {
        Path pdf = Files.write(tmp.resolve("no-font.pdf"), pdfWithoutItsFont(50));
        Path law = Files.copy(Path.of("").toAbsolutePath().getParent().resolve("data/samples/ru/kz-laws_rus_104440.md"),
                tmp.resolve("law.md"));
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("throws.drl"), """
                package org.example.bad;
                import org.adaldyq.risk.regulation.fact.*;
                rule "VAGUE_TERMS.throws"
                    @code("VAGUE_TERMS") @severity("low") @title("t") @source("s")
                when
                    $t : Trigger()
                then
                    throw new IllegalStateException("boom");
                end
                """);

        CliRun quiet = inChildJvm("scan", "-q", "--format", "jsonl", pdf.toString());
        assertThat(quiet.out().lines().count()).isEqualTo(1);
        assertThat(quiet.err()).doesNotContain("PDFStreamEngine").doesNotContain("SetFontAndSize");
        assertThat(quiet.err().lines().count()).as(quiet.err()).isLessThanOrEqualTo(1); // the summary line
        CliRun verbose = inChildJvm("scan", "-q", "--verbose", "--format", "jsonl", pdf.toString());
        assertThat(verbose.err()).contains("PDFStreamEngine");

        CliRun thrown = inChildJvm("scan", "-q", "--format", "jsonl", "--rules", rules.toString(), law.toString());
        JsonNode record = JSON.readTree(thrown.out());
        assertThat(record.path("reason").asText()).isEqualTo("RULE_ERROR");
        assertThat(record.path("error").asText()).contains("VAGUE_TERMS.throws").contains("boom");
        assertThat(thrown.exit()).isEqualTo(1);
        assertThat(thrown.err()).doesNotContain("\tat ");
        assertThat(inChildJvm("scan", "-q", "--verbose", "--format", "jsonl", "--rules", rules.toString(), law.toString()).err())
                .contains("\tat ");
    }

    /** The CLI in a JVM of its own (its logging is set up once per JVM), at -Xmx512m. */
    static CliRun inChildJvm(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), RiskCli.class.getName()));
        command.addAll(List.of(args));
        Path err = Files.createTempFile("cli", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = p.waitFor();
            return new CliRun(exit, out, Files.readString(err));
        } finally {
            Files.delete(err);
        }
    }

    /** A PDF of {@code pages} pages that each show text in font F1, which no page defines. */
    static byte[] pdfWithoutItsFont(int pages) {
        List<String> objects = new java.util.ArrayList<>();
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < pages; i++) {
            kids.append(i + 4).append(" 0 R ");
        }
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add("<< /Type /Pages /Kids [" + kids + "] /Count " + pages + " >>");
        String content = "BT /F1 12 Tf 72 712 Td (Article 1. The Secretary may waive.) Tj ET";
        objects.add("<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream");
        for (int i = 0; i < pages; i++) {
            objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R >>");
        }
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new java.util.ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(o -> pdf.append(String.format(java.util.Locale.ROOT, "%010d 00000 n \n", o)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] bomb(int mib) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buf)) {
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < mib; i++) {
                zip.write(spaces);
            }
        }
        return buf.toByteArray();
    }
}
