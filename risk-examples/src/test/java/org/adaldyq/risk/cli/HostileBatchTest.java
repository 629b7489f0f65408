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
        Process scan = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), RiskCli.class.getName(), "scan", "--format", "jsonl",
                batch.toString())).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(scan.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = scan.waitFor();
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
