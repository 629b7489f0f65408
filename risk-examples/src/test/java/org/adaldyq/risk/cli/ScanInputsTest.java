package org.adaldyq.risk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every entry of a scanned folder is a report or an error record (issue 11, part 3): hidden files, links
 * out of the folder (never followed: a host secret must not be scanned), dangling links, FIFOs (never
 * opened: reading one blocks forever), missing paths. Records are written in input order; the exit code
 * counts the errors.
 */
class ScanInputsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void nothingInAFolderVanishesAndNothingOutsideItIsRead(@TempDir Path tmp) throws Exception {
        Path tree = Files.createDirectories(tmp.resolve("tree"));
        Files.writeString(tree.resolve("a.txt"), "Орган вправе отказать в выдаче разрешения.");
        Files.createDirectories(tree.resolve("sub"));
        Files.writeString(tree.resolve("sub/b.txt"), "The agency may refuse the permit.");
        Files.writeString(tree.resolve(".hidden"), "x");
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "Орган вправе отказать.");
        Files.createSymbolicLink(tree.resolve("out-link"), secret);
        Files.createSymbolicLink(tree.resolve("dangling"), tree.resolve("nothing"));
        Files.createSymbolicLink(tree.resolve("in-link.txt"), tree.resolve("a.txt"));
        boolean fifo = new ProcessBuilder("mkfifo", tree.resolve("pipe").toString()).start().waitFor() == 0;

        ProcurementCommandsTest.Run run = ProcurementCommandsTest.run(null, "scan", "--format", "jsonl", tree.toString(),
                tmp.resolve("missing.txt").toString());
        Map<String, String> bySource = new LinkedHashMap<>();
        for (String line : run.out().split("\n")) {
            JsonNode r = JSON.readTree(line);
            bySource.put(tmp.relativize(Path.of(r.path("source").asText())).toString(),
                    r.has("reason") ? r.path("reason").asText() : "report");
        }
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("tree/.hidden", "HIDDEN");
        expected.put("tree/a.txt", "report");
        expected.put("tree/dangling", "DANGLING_LINK");
        expected.put("tree/in-link.txt", "report");
        expected.put("tree/out-link", "LINK_OUT_OF_TREE");
        if (fifo) {
            expected.put("tree/pipe", "NOT_A_REGULAR_FILE");
        }
        expected.put("tree/sub/b.txt", "report");
        expected.put("missing.txt", "NOT_FOUND");
        assertThat(bySource).containsExactlyEntriesOf(expected);
        assertThat(run.out()).doesNotContain("secret.txt\"");
        assertThat(run.exit()).isEqualTo(1);
    }

    /** Links named on the command line that lead nowhere, or in a loop, are said to be so (not "a FIFO"). */
    @Test
    void aDanglingOrLoopingLinkOnTheCommandLine(@TempDir Path tmp) throws Exception {
        Path dangling = Files.createSymbolicLink(tmp.resolve("dangling"), tmp.resolve("nothing"));
        Path loop = Files.createSymbolicLink(tmp.resolve("loop1"), tmp.resolve("loop2"));
        Files.createSymbolicLink(tmp.resolve("loop2"), loop);
        ProcurementCommandsTest.Run run = ProcurementCommandsTest.run(null, "scan", "--format", "jsonl", dangling.toString(),
                loop.toString());
        List<String> reasons = run.out().lines().map(l -> {
            try {
                return JSON.readTree(l).path("reason").asText();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
        assertThat(reasons).containsExactly("DANGLING_LINK", "DANGLING_LINK");
        assertThat(run.exit()).isEqualTo(1);
    }
}
