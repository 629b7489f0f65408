package org.adaldyq.risk.procurement.ocds;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class OcdsReaderTest {

    /** Reads like the engine does: lines parsed, packages' releases compiled at the end. */
    static final class Collected implements OcdsReader.Sink {
        final List<JsonNode> releases = new ArrayList<>();
        final List<InputProblem> problems = new ArrayList<>();
        final ReleaseMerger merger = new ReleaseMerger();

        @Override
        public void line(String source, long line, byte[] json) {
            parsed(OcdsReader.parseLine(source, line, json));
        }

        @Override
        public void parsed(ParsedUnit unit) {
            if (unit.problem() != null) {
                problems.add(unit.problem());
            }
            releases.addAll(unit.releases());
            unit.toCompile().forEach(r -> merger.add(r.path("ocid").asText(), unit.line(), r));
        }

        Collected finish() {
            merger.flush((line, r) -> releases.add(r));
            return this;
        }
    }

    static Collected read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8), 1 << 20);
    }

    static Collected read(byte[] bytes, int maxLine) throws IOException {
        Collected c = new Collected();
        new OcdsReader(maxLine).read("test", new ByteArrayInputStream(bytes), c);
        return c.finish();
    }

    @Test
    void lineDelimitedWithBadLines() throws IOException {
        Collected c = read("{\"ocid\":\"a\"}\n\n{broken\n[1,2]\n{\"ocid\":\"b\"}\r\n{\"ocid\":\"c\"} trailing\n");
        assertThat(c.releases).extracting(r -> r.path("ocid").asText()).containsExactly("a", "b");
        assertThat(c.problems).extracting(InputProblem::line).containsExactly(3L, 4L, 6L);
        assertThat(c.problems).extracting(InputProblem::kind)
                .containsExactly(InputProblem.Kind.INVALID_JSON, InputProblem.Kind.NOT_AN_OBJECT, InputProblem.Kind.INVALID_JSON);
    }

    @Test
    void brokenFirstLineStillLineDelimited() throws IOException {
        Collected c = read("{\"ocid\":\"a\",\n{\"ocid\":\"b\"}\n");
        assertThat(c.releases).extracting(r -> r.path("ocid").asText()).containsExactly("b");
        assertThat(c.problems).hasSize(1);
    }

    @Test
    void firstLineThatIsNotJsonIsOneProblemNotAWholeFileSkipped() throws IOException {
        Collected c = read("garbage here\n{\"ocid\":\"a\"}\n\"a string\"\n{\"ocid\":\"b\"}\n");
        assertThat(c.releases).extracting(r -> r.path("ocid").asText()).containsExactly("a", "b");
        assertThat(c.problems).extracting(InputProblem::line).containsExactly(1L, 3L);
        assertThat(c.problems).extracting(InputProblem::kind)
                .containsExactly(InputProblem.Kind.INVALID_JSON, InputProblem.Kind.NOT_AN_OBJECT);
    }

    @Test
    void twoBrokenFirstLinesStillLineDelimited() throws IOException {
        Collected c = read("{\"ocid\":\"a\",\n{broken\n{\"ocid\":\"b\"}\n{\"ocid\":\"c\"}\n");
        assertThat(c.releases).extracting(r -> r.path("ocid").asText()).containsExactly("b", "c");
        assertThat(c.problems).extracting(InputProblem::line).containsExactly(1L, 2L);
    }

    @Test
    void aPrettyPackageEndingWithAOneLineReleaseIsStillADocument() throws IOException {
        Collected c = read("{\"releases\": [\n{\"ocid\":\"a\",\"tag\":[\"compiled\"]},\n"
                + "{\"ocid\":\"b\",\"tag\":[\"compiled\"]}\n]}\n");
        assertThat(c.releases).extracting(r -> r.path("ocid").asText()).containsExactly("a", "b");
        assertThat(c.problems).isEmpty();
    }

    /** Found by the fuzzer: telling lines from a document must never read past the stream's mark. */
    @Test
    void aFirstLineLongerThanTheCapDoesNotBreakDetection() throws IOException {
        String big = "{" + "x".repeat(5000);
        Collected c = read((big + "\n{\"ocid\":\"a\"}\n{\"ocid\":\"b\"}\n").getBytes(StandardCharsets.UTF_8), 1000);
        assertThat(c.releases).extracting(r -> r.path("ocid").asText()).containsExactly("a", "b");
        assertThat(c.problems).extracting(InputProblem::kind).containsExactly(InputProblem.Kind.LINE_TOO_LONG);
    }

    @Test
    void hugeLineIsSkippedNotLoaded() throws IOException {
        String big = "{\"ocid\":\"big\",\"x\":\"" + "y".repeat(5000) + "\"}";
        Collected c = read(("{\"ocid\":\"a\"}\n" + big + "\n{\"ocid\":\"b\"}\n").getBytes(StandardCharsets.UTF_8), 1000);
        assertThat(c.releases).extracting(r -> r.path("ocid").asText()).containsExactly("a", "b");
        assertThat(c.problems).singleElement().extracting(InputProblem::kind).isEqualTo(InputProblem.Kind.LINE_TOO_LONG);
    }

    @Test
    void releasePackageCompilesNewestWins() throws IOException {
        String pkg = """
                {
                  "uri": "x",
                  "releases": [
                    {"ocid": "o1", "id": "2", "date": "2020-02-01T00:00:00Z", "tender": {"status": "complete"},
                     "awards": [{"id": "a1", "status": "active"}]},
                    {"ocid": "o1", "id": "1", "date": "2020-01-01T00:00:00Z", "tender": {"status": "active", "title": "T"},
                     "awards": [{"id": "a1", "status": "pending"}, {"id": "a2", "status": "pending"}]},
                    {"ocid": "o2", "id": "1", "date": "2020-01-01T00:00:00Z"}
                  ]
                }
                """;
        Collected c = read(pkg);
        assertThat(c.releases).hasSize(2);
        JsonNode o1 = c.releases.get(0);
        assertThat(o1.path("tender").path("status").asText()).isEqualTo("complete");
        assertThat(o1.path("tender").path("title").asText()).isEqualTo("T");
        assertThat(o1.path("awards")).hasSize(2);
        assertThat(o1.path("awards").get(0).path("status").asText()).isEqualTo("active");
    }

    @Test
    void recordPackageUsesCompiledRelease() throws IOException {
        Collected c = read("{\"records\":[{\"ocid\":\"r\",\"compiledRelease\":{\"ocid\":\"r\",\"x\":1},\"releases\":[]}]}\n");
        assertThat(c.releases).singleElement().satisfies(r -> assertThat(r.path("x").asInt()).isEqualTo(1));
    }

    @Test
    void jsonArrayAndGzip() throws IOException {
        String array = "[\n {\"ocid\": \"a\"},\n {\"ocid\": \"b\"}\n]\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(array.getBytes(StandardCharsets.UTF_8));
        }
        Collected c = read(bytes.toByteArray(), 1 << 20);
        assertThat(c.releases).extracting(r -> r.path("ocid").asText()).containsExactly("a", "b");
    }

    @Test
    void truncatedDocumentIsAProblemNotACrash() throws IOException {
        Collected c = read("{\n \"releases\": [\n  {\"ocid\": \"a\", \"tag\": [\"compiled\"]},\n  {\"ocid\": \"b\"");
        assertThat(c.releases).extracting(r -> r.path("ocid").asText()).containsExactly("a");
        assertThat(c.problems).singleElement().extracting(InputProblem::kind).isEqualTo(InputProblem.Kind.INVALID_JSON);
    }

    @Test
    void emptyInput() throws IOException {
        assertThat(read("").releases).isEmpty();
        assertThat(read("\n \n").releases).isEmpty();
    }
}
