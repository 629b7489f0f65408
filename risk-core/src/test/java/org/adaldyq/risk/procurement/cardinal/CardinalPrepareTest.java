package org.adaldyq.risk.procurement.cardinal;

import org.adaldyq.risk.procurement.settings.Settings;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Cardinal's {@code prepare}, in Cardinal's style: one fixture per rule of the specification under
 * {@code cardinal/prepare/}: {@code NAME.jsonl} (input), {@code NAME.ini} (settings, optional),
 * {@code NAME.expected.jsonl} (exact output lines), {@code NAME.expected.csv} (exact errors file; absent:
 * no problems), {@code NAME.expected-warnings.txt} (each warning starts with its line; absent: none).
 * The expected files were written by hand from the specification and the decisions in {@link Prepare}.
 */
class CardinalPrepareTest {

    static Path fixtures() throws URISyntaxException {
        return Path.of(CardinalPrepareTest.class.getResource("/cardinal/prepare").toURI());
    }

    static Stream<String> fixtureNames() throws Exception {
        try (Stream<Path> files = Files.list(fixtures())) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.endsWith(".jsonl") && !n.endsWith(".expected.jsonl"))
                    .map(n -> n.substring(0, n.length() - ".jsonl".length()))
                    .sorted().toList().stream();
        }
    }

    record Run(String output, String errors, List<String> warnings, PrepareSummary summary) {
    }

    static Run prepare(Settings settings, byte[] input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter errors = new StringWriter();
        List<String> warnings = new ArrayList<>();
        PrepareSummary summary = new Prepare(settings).run(new ByteArrayInputStream(input), out,
                new PrepareProblemCsv(errors), w -> warnings.add(w.toString()));
        return new Run(out.toString(StandardCharsets.UTF_8), errors.toString(), warnings, summary);
    }

    static String readOrEmpty(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureNames")
    void fixture(String name) throws Exception {
        Path dir = fixtures();
        Path ini = dir.resolve(name + ".ini");
        Settings settings = Files.exists(ini) ? Settings.read(ini) : Settings.parse("");
        Run run = prepare(settings, Files.readAllBytes(dir.resolve(name + ".jsonl")));

        assertThat(run.output().lines()).as("output").containsExactlyElementsOf(
                Files.readString(dir.resolve(name + ".expected.jsonl")).lines().toList());
        assertThat(run.errors()).as("errors CSV").isEqualTo(readOrEmpty(dir.resolve(name + ".expected.csv")));
        List<String> expectedWarnings = readOrEmpty(dir.resolve(name + ".expected-warnings.txt")).lines().toList();
        assertThat(run.warnings()).as("warnings").hasSameSizeAs(expectedWarnings);
        for (int i = 0; i < expectedWarnings.size(); i++) {
            assertThat(run.warnings().get(i)).startsWith(expectedWarnings.get(i));
        }
        assertThat(run.summary().releases()).isEqualTo(run.output().lines().count());
        assertThat(run.summary().problems()).isEqualTo(run.errors().isEmpty() ? 0 : countRows(run.errors()));
    }

    /** Rows of the CSV: line ends outside quotes. */
    private static long countRows(String csv) {
        long rows = 0;
        boolean quoted = false;
        for (char c : csv.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted) {
                rows++;
            }
        }
        return rows;
    }

    @Test
    void everyNonBlankLineIsWrittenOrSkipped() throws Exception {
        Run run = prepare(Settings.parse(""), Files.readAllBytes(fixtures().resolve("skipped-lines.jsonl")));
        assertThat(run.summary()).isEqualTo(new PrepareSummary(2, 8, 1));
    }

    @Test
    void csvQuotesOnlyWhereNeeded() {
        PrepareProblem plain = new PrepareProblem(3, "ocds-1", "/awards[]/items[]/classification/scheme", List.of(0, 2),
                null, PrepareProblem.Kind.NOT_SET);
        assertThat(PrepareProblemCsv.row(plain)).isEqualTo("3,ocds-1,/awards[]/items[]/classification/scheme,0.2,,not set");
        PrepareProblem odd = new PrepareProblem(1, "a\"b", "/bids/details[]/status", List.of(1), "x\ry", PrepareProblem.Kind.INVALID);
        assertThat(PrepareProblemCsv.row(odd)).isEqualTo("1,\"a\"\"b\",/bids/details[]/status,1,\"x\ry\",invalid");
        PrepareProblem spaces = new PrepareProblem(1, " o ", "/bids/details[]/value/amount", List.of(0), "0.0", PrepareProblem.Kind.IS_ZERO);
        assertThat(PrepareProblemCsv.row(spaces)).isEqualTo("1, o ,/bids/details[]/value/amount,0,0.0,is zero");
    }

    @Test
    void correctWorksOnOneTreeForHosts() throws Exception {
        ObjectNode release = (ObjectNode) JsonLines.MAPPER.readTree(
                "{\"ocid\":\"o\",\"buyer\":{\"id\":5},\"bids\":{\"details\":[{\"value\":{\"amount\":1}}]}}");
        List<PrepareProblem> problems = new ArrayList<>();
        new Prepare(Settings.parse("[defaults]\nbid_status = valid\n")).correct(release, 7, problems::add, w -> { });
        assertThat(release.toString()).isEqualTo(
                "{\"ocid\":\"o\",\"buyer\":{\"id\":\"5\"},\"bids\":{\"details\":[{\"value\":{\"amount\":1},\"status\":\"valid\"}]}}");
        assertThat(problems).containsExactly(new PrepareProblem(7, "o", "/bids/details[]/value/currency", List.of(0), null,
                PrepareProblem.Kind.NOT_SET));
    }

    /** Bids moved from auctions come first, so they are wrapped and their ids normalised like any bid. */
    @Test
    void bidsMovedFromAuctionsGetTheStructuralCorrections() throws Exception {
        Run run = prepare(Settings.parse("[modifications]\nmove_auctions = true\n"), ("{\"ocid\":\"o\",\"auctions\":"
                + "[{\"stages\":[{\"bids\":[{\"status\":\"valid\",\"tenderers\":{\"id\":1}}]}]}]}\n").getBytes(StandardCharsets.UTF_8));
        assertThat(run.output()).isEqualTo("{\"ocid\":\"o\",\"bids\":{\"details\":[{\"status\":\"valid\",\"tenderers\":[{\"id\":\"1\"}]}]}}\n");
    }

    /** A switch is on for true, off for false (any case); anything else is a settings error (SettingsTest). */
    @Test
    void booleansAreOnOnlyWhenTrue() throws Exception {
        byte[] input = "{\"ocid\":\"o\",\"auctions\":[{\"stages\":[{\"bids\":[{\"status\":\"valid\"}]}]}]}\n".getBytes(StandardCharsets.UTF_8);
        for (String off : List.of("false", "FALSE")) {
            assertThat(prepare(Settings.parse("[modifications]\nmove_auctions = " + off + "\n"), input).output())
                    .as(off).isEqualTo(new String(input, StandardCharsets.UTF_8));
        }
        assertThat(prepare(Settings.parse("[modifications]\nmove_auctions = True\n"), input).output())
                .isEqualTo("{\"ocid\":\"o\",\"bids\":{\"details\":[{\"status\":\"valid\"}]}}\n");
        for (String neither : List.of("yes", "1", "")) {
            assertThatThrownBy(() -> Settings.parse("[modifications]\nmove_auctions = " + neither + "\n"))
                    .as(neither).hasMessageContaining("move_auctions must be true or false");
        }
    }

    @Test
    void aRedactedAmountThatIsNotANumberIsASettingsError() {
        assertThatThrownBy(() -> new Prepare(Settings.parse("[redactions]\namount = 0|unknown\n")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown");
    }

    @Test
    void indicatorSectionsAreIgnored() throws Exception {
        byte[] input = "{\"ocid\":\"o\",\"bids\":{\"details\":[{\"status\":\"valid\",\"value\":{\"amount\":5}}]}}\n"
                .getBytes(StandardCharsets.UTF_8);
        Run defaults = prepare(Settings.defaults(), input);
        Run none = prepare(Settings.parse(""), input);
        assertThat(defaults).isEqualTo(none);
        assertThat(none.errors()).isEqualTo("1,o,/bids/details[]/value/currency,0,,not set\n");
    }
}
