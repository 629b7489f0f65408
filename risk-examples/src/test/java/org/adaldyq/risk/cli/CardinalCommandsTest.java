package org.adaldyq.risk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code coverage} and {@code prepare} commands as a user runs them: arguments, streams, exit codes. */
class CardinalCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Run(int exit, String out, String err) {
    }

    static synchronized Run run(byte[] stdin, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin == null ? new byte[0] : stdin));
            int exit = RiskCli.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        }
    }

    private static final String LINES = String.join("\n",
            "{\"b\":[1,2],\"a\":{\"x\":\"\"}}",
            "",
            "not json",
            "[[1]]",
            "{\"a\":1} trailing");

    // coverage

    @Test
    void coveragePrintsSortedIntegerCountsAndWarnsSkippedLinesOnStandardError(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("lines.jsonl");
        Files.write(file, bytes(LINES, "\n", new byte[] {'"', (byte) 0xC3, 0x28, '"'}, "\n"));
        Run run = run(null, "coverage", file.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("{\"\":2,\"/\":1,\"/b\":1,\"/b[]\":2,\"[]\":1,\"[][]\":1}\n");
        assertThat(run.err().lines().filter(l -> l.startsWith("warning: ")))
                .satisfiesExactly(
                        l -> assertThat(l).startsWith("warning: line 3: Unrecognized token 'not'"),
                        l -> assertThat(l).startsWith("warning: line 5: Unrecognized token 'trailing'"),
                        l -> assertThat(l).isEqualTo("warning: line 6: invalid UTF-8 at byte 2"));
    }

    @Test
    void coverageReadsStandardInputAndGzip(@TempDir Path tmp) throws IOException {
        Path plain = tmp.resolve("lines.jsonl");
        Files.writeString(plain, LINES);
        Path gz = tmp.resolve("lines.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(LINES.getBytes(StandardCharsets.UTF_8));
        }
        Run fromFile = run(null, "coverage", plain.toString());
        assertThat(fromFile.out()).startsWith("{\"\":2,");
        assertThat(run(LINES.getBytes(StandardCharsets.UTF_8), "coverage", "-")).isEqualTo(fromFile);
        assertThat(run(null, "coverage", gz.toString())).isEqualTo(fromFile);
    }

    @Test
    void coverageOfADirectoryOrAMissingOrUnreadableFileIsAnError(@TempDir Path tmp) throws IOException {
        Run dir = run(null, "coverage", tmp.toString());
        assertThat(dir.exit()).isNotZero();
        assertThat(dir.out()).isEmpty();
        assertThat(dir.err()).isEqualTo("error: " + tmp + ": is a directory\n");

        Path missing = tmp.resolve("missing.jsonl");
        Run none = run(null, "coverage", missing.toString());
        assertThat(none.exit()).isNotZero();
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).isEqualTo("error: " + missing + ": no such file or directory\n");

        Path file = tmp.resolve("file");
        Files.writeString(file, "{}");
        Path underAFile = file.resolve("child.jsonl");
        Run unreadable = run(null, "coverage", underAFile.toString());
        assertThat(unreadable.exit()).isNotZero();
        assertThat(unreadable.out()).isEmpty();
        assertThat(unreadable.err()).startsWith("error: " + underAFile + ": ").hasLineCount(1);
    }

    // prepare

    private static final String RELEASES = String.join("\n",
            "{\"ocid\":\"o1\",\"buyer\":{\"id\":1},\"bids\":{\"details\":[{\"status\":\"Qualified\",\"value\":{\"amount\":0}}]}}",
            "",
            "[1]",
            "{\"ocid\":\"o2\",\"awards\":[{\"id\":\"a\",\"suppliers\":{\"id\":2}}]}") + "\n";

    @Test
    void prepareWritesReleasesThenProblemsWhenBothGoToStandardOutput() {
        Run run = run(RELEASES.getBytes(StandardCharsets.UTF_8), "prepare", "--output", "-", "--errors", "-", "-");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo(String.join("\n",
                "{\"ocid\":\"o1\",\"buyer\":{\"id\":\"1\"},\"bids\":{\"details\":[{\"status\":\"Qualified\",\"value\":{\"amount\":0}}]}}",
                "{\"ocid\":\"o2\",\"awards\":[{\"id\":\"a\",\"suppliers\":[{\"id\":\"2\"}]}]}",
                "1,o1,/bids/details[]/status,0,Qualified,invalid",
                "1,o1,/bids/details[]/value/currency,0,,not set",
                "1,o1,/bids/details[]/value/amount,0,0,is zero",
                "4,o2,/awards[]/status,0,,not set") + "\n");
        assertThat(run.err()).startsWith("warning: line 3: not a JSON object but an array\n")
                .contains("2 releases written, 4 problems, 1 line skipped");
    }

    @Test
    void prepareWithSettingsAndFiles(@TempDir Path tmp) throws IOException {
        Path input = tmp.resolve("in.jsonl");
        Files.writeString(input, RELEASES);
        Path ini = tmp.resolve("settings.ini");
        Files.writeString(ini, String.join("\n",
                "[defaults]", "currency = AMD", "award_status = active",
                "[redactions]", "amount = 0",
                "[codelists.bid_status]", "Qualified = valid",
                "[modifications]", "prefix_buyer_or_procuring_entity_id = B-", ""));
        Path out = tmp.resolve("out.jsonl");
        Path errors = tmp.resolve("errors.csv");
        Run run = run(null, "prepare", "-s", ini.toString(), "-o", out.toString(), "-e", errors.toString(), input.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Files.readAllLines(out)).containsExactly(
                "{\"ocid\":\"o1\",\"buyer\":{\"id\":\"B-1\"},\"bids\":{\"details\":[{\"status\":\"valid\",\"value\":{\"currency\":\"AMD\"}}]}}",
                "{\"ocid\":\"o2\",\"awards\":[{\"id\":\"a\",\"suppliers\":[{\"id\":\"2\"}],\"status\":\"active\"}]}");
        assertThat(Files.readString(errors)).isEmpty();
    }

    @Test
    void prepareErrorsWriteNoOutput(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out.jsonl");
        Path errors = tmp.resolve("errors.csv");
        Path input = tmp.resolve("in.jsonl");
        Files.writeString(input, RELEASES);

        Run missingOption = run(null, "prepare", "--output", out.toString(), input.toString());
        assertThat(missingOption.exit()).isNotZero();
        assertThat(missingOption.err()).contains("--errors");

        Run missingInput = run(null, "prepare", "-o", out.toString(), "-e", errors.toString(), tmp.resolve("none.jsonl").toString());
        assertThat(missingInput.exit()).isNotZero();
        assertThat(missingInput.err()).isEqualTo("error: " + tmp.resolve("none.jsonl") + ": no such file or directory\n");

        Run directory = run(null, "prepare", "-o", "-", "-e", "-", tmp.toString());
        assertThat(directory.exit()).isNotZero();
        assertThat(directory.out()).isEmpty();
        assertThat(directory.err()).isEqualTo("error: " + tmp + ": is a directory\n");

        Path ini = tmp.resolve("bad.ini");
        Files.writeString(ini, "[redactions]\namount = n/a\n");
        Run badSettings = run(null, "prepare", "-s", ini.toString(), "-o", out.toString(), "-e", errors.toString(), input.toString());
        assertThat(badSettings.exit()).isNotZero();
        assertThat(badSettings.err()).startsWith("error: " + ini + ": ").contains("n/a");

        Run overwriteInput = run(null, "prepare", "-o", input.toString(), "-e", errors.toString(), input.toString());
        assertThat(overwriteInput.exit()).isNotZero();
        assertThat(Files.readString(input)).isEqualTo(RELEASES);

        assertThat(out).doesNotExist();
        assertThat(errors).doesNotExist();
    }

    /**
     * {@code prepare} without settings over every bundled publisher: one output line per input line, each a
     * JSON object; the only changes are the always-done ones (on these samples: integer ids become strings,
     * at the listed paths); and {@code indicators} gives the same results on the prepared data, since it
     * reads integer ids as their decimal text already.
     */
    @Test
    void prepareOverEveryPublisherChangesOnlyIdsAndKeepsTheIndicators(@TempDir Path tmp) throws Exception {
        Path compiled = ProcurementCommandsTest.samples().resolve("compiled");
        Path prepared = Files.createDirectory(tmp.resolve("prepared"));
        List<Path> files;
        try (Stream<Path> list = Files.list(compiled)) {
            files = list.sorted().toList();
        }
        assertThat(files).hasSize(19);
        long changedIds = 0;
        for (Path file : files) {
            Path out = prepared.resolve(file.getFileName());
            Run run = run(null, "prepare", "-o", out.toString(), "-e", "-", file.toString());
            assertThat(run.exit()).isZero();
            List<String> in = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
            List<String> lines = Files.readAllLines(out);
            assertThat(lines).as(file.toString()).hasSameSizeAs(in);
            assertThat(run.err()).contains("prepare: " + in.size() + " release").contains("0 lines skipped");
            for (int i = 0; i < in.size(); i++) {
                List<String> changes = new ArrayList<>();
                diff("", JSON.readTree(in.get(i)), JSON.readTree(lines.get(i)), changes);
                assertThat(changes).as(file + " line " + (i + 1)).allSatisfy(path -> assertThat(path).isIn(ID_PATHS));
                changedIds += changes.size();
            }
        }
        assertThat(changedIds).as("integer ids in the samples (colombia, mexico-inai, uganda)").isPositive();

        Run before = run(null, "indicators", compiled.toString());
        Run after = run(null, "indicators", prepared.toString());
        assertThat(after.exit()).isZero();
        assertThat(JSON.readTree(after.out())).isEqualTo(JSON.readTree(before.out()));
    }

    private static final Set<String> ID_PATHS = Set.of("/parties[]/id", "/buyer/id", "/tender/procuringEntity/id",
            "/bids/details[]/tenderers[]/id", "/awards[]/id", "/awards[]/suppliers[]/id",
            "/awards[]/items[]/classification/id", "/contracts[]/awardID");

    /** Collects the paths where an integer became its decimal string; any other difference fails. */
    private static void diff(String path, JsonNode before, JsonNode after, List<String> idChanges) {
        if (before.isIntegralNumber() && after.isTextual() && after.textValue().equals(before.asText())) {
            idChanges.add(path);
        } else if (before.isObject() && after.isObject()) {
            assertThat(iterable(after.fieldNames())).as(path).containsExactlyElementsOf(iterable(before.fieldNames()));
            for (Map.Entry<String, JsonNode> member : before.properties()) {
                diff(path + "/" + member.getKey(), member.getValue(), after.get(member.getKey()), idChanges);
            }
        } else if (before.isArray() && after.isArray()) {
            assertThat(after.size()).as(path).isEqualTo(before.size());
            for (int i = 0; i < before.size(); i++) {
                diff(path + "[]", before.get(i), after.get(i), idChanges);
            }
        } else {
            assertThat(after).as(path).isEqualTo(before);
        }
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) part);
        }
        return out.toByteArray();
    }
}
