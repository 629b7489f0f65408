package org.adaldyq.risk.procurement.cardinal;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cardinal's {@code coverage}, one test per rule of the specification
 * ({@code shared/docs/cardinal-coverage-prepare.md}); expected counts worked out by hand from the rules.
 */
class CardinalCoverageTest {

    record Result(Map<String, Long> counts, List<LineWarning> warnings, long counted) {
        List<Long> warnedLines() {
            return warnings.stream().map(LineWarning::line).toList();
        }
    }

    static Result coverage(byte[] input) throws IOException {
        Coverage coverage = new Coverage();
        List<LineWarning> warnings = new ArrayList<>();
        long counted = coverage.read(new ByteArrayInputStream(input), warnings::add);
        return new Result(coverage.counts(), warnings, counted);
    }

    static Result coverage(String... lines) throws IOException {
        return coverage(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
    }

    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String s) {
                out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    // Each line is one JSON text, of any type.

    @Test
    void everyKindOfJsonTextIsALine() throws IOException {
        Result r = coverage("{\"a\":1}", "[1]", "\"s\"", "7", "true", "null");
        assertThat(r.warnings()).isEmpty();
        assertThat(r.counted()).isEqualTo(6);
        assertThat(r.counts()).isEqualTo(Map.of("", 5L, "/", 1L, "/a", 1L, "[]", 1L));
    }

    @Test
    void topLevelScalarsCountAtTheEmptyPathOnlyWhenNonEmpty() throws IOException {
        assertThat(coverage("\"text\"").counts()).isEqualTo(Map.of("", 1L));
        assertThat(coverage("0").counts()).isEqualTo(Map.of("", 1L));
        assertThat(coverage("false").counts()).isEqualTo(Map.of("", 1L));
        assertThat(coverage("\"\"").counts()).isEmpty();
        assertThat(coverage("null").counts()).isEmpty();
    }

    @Test
    void topLevelArraysCountTheirElementsAtBracketsAndNestedArraysAtDoubleBrackets() throws IOException {
        assertThat(coverage("[[1]]").counts()).isEqualTo(Map.of("", 1L, "[]", 1L, "[][]", 1L));
        assertThat(coverage("[1,\"x\",null,{\"b\":2}]").counts())
                .isEqualTo(Map.of("", 1L, "[]", 3L, "[]/", 1L, "[]/b", 1L));
    }

    // A blank line is skipped silently.

    @Test
    void blankLinesAreSkippedSilentlyButNumbered() throws IOException {
        Result r = coverage(bytes("{\"a\":1}\n\n   \n\t\r\n\r\n{broken\n"));
        assertThat(r.counts()).isEqualTo(Map.of("", 1L, "/", 1L, "/a", 1L));
        assertThat(r.warnedLines()).containsExactly(6L);
    }

    @Test
    void crlfLineEndsAreAccepted() throws IOException {
        Result r = coverage(bytes("{\"a\":1}\r\n{\"b\":\"x\"}\r\n"));
        assertThat(r.warnings()).isEmpty();
        assertThat(r.counts()).isEqualTo(Map.of("", 2L, "/", 2L, "/a", 1L, "/b", 1L));
    }

    // A line that is not valid JSON is warned with its line number and the parser's reason, and skipped.

    @Test
    void invalidJsonIsWarnedWithLineAndReasonAndTheOtherLinesStillCount() throws IOException {
        Result r = coverage("{\"a\":1}", "{\"a\":", "{\"a\":1} x", "{\"a\":1} {\"b\":2}", "[1,]", "{'a':1}", "{\"a\":2}");
        assertThat(r.counts()).isEqualTo(Map.of("", 2L, "/", 2L, "/a", 2L));
        assertThat(r.warnedLines()).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(r.warnings().get(0).reason()).contains("end-of-input");
        assertThat(r.warnings().get(1).reason()).contains("'x'").contains("column 9");
        assertThat(r.warnings().get(2).reason()).contains("trailing characters").contains("column 9");
        assertThat(r.warnings()).allSatisfy(w -> assertThat(w.reason()).isNotBlank());
    }

    @Test
    void aByteOrderMarkIsNotSkippedAsSerdeJsonDoesNotSkipIt() throws IOException {
        Result r = coverage("\uFEFF{\"a\":1}", "{\"a\":1}");
        assertThat(r.warnedLines()).containsExactly(1L);
        assertThat(r.counts()).isEqualTo(Map.of("", 1L, "/", 1L, "/a", 1L));
    }

    // ... or not valid UTF-8.

    @Test
    void invalidUtf8IsWarnedWithItsBytePosition() throws IOException {
        Result r = coverage(bytes(
                "{\"a\":\"", 0xC3, 0x28, "\"}\n",          // a lead byte followed by ASCII, in a string
                0xFF, "\n",                                 // never valid in UTF-8
                "{\"a\":\"", 0xC0, 0xAF, "\"}\n",          // overlong "/"
                "{\"a\":\"", 0xED, 0xA0, 0x80, "\"}\n",    // an encoded surrogate
                "{\"a\":\"x\"}", 0xE2, 0x82, "\n",          // truncated at the end of the line
                "{\"", 0xFF, "\":1}\n",                     // in a member name
                "{\"a\":\"\u00e9\u20ac\uD83D\uDE00\"}\n"));  // valid multi-byte characters
        assertThat(r.warnedLines()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(r.warnings()).allSatisfy(w -> assertThat(w.reason()).startsWith("invalid UTF-8"));
        assertThat(r.warnings().get(0).reason()).isEqualTo("invalid UTF-8 at byte 7");
        assertThat(r.warnings().get(1).reason()).isEqualTo("invalid UTF-8 at byte 1");
        assertThat(r.counts()).isEqualTo(Map.of("", 1L, "/", 1L, "/a", 1L));
    }

    @Test
    void whatSerdeJsonRejectsIsWarnedToo() throws IOException {
        Result r = coverage(
                "[".repeat(127) + "1" + "]".repeat(127),
                "[".repeat(128) + "1" + "]".repeat(128),
                "{\"a\":\"\\ud800\"}",
                "{\"a\":\"\\udc00x\"}",
                "{\"\\ud800\":1}",
                "{\"a\":\"\\ud83d\\ude00\"}",
                "{\"a\":1e400}",
                "{\"a\":1e-400}");
        assertThat(r.warnedLines()).containsExactly(2L, 3L, 4L, 5L, 7L);
        assertThat(r.counts()).containsEntry("", 3L).containsEntry("/a", 2L).containsEntry("[]".repeat(127), 1L);
    }

    /** An exponent of many digits is out of range for serde_json and more than Jackson's BigDecimal takes (fuzzing found it). */
    @Test
    void aNumberWithAnExponentOfManyDigitsIsWarnedNotThrown() throws IOException {
        Result r = coverage("{\"a\":1}", "{\"a\":6e6666666666666666}", "\t" + "6".repeat(50) + "e" + "6".repeat(16), "[2]");
        assertThat(r.warnings()).extracting(LineWarning::line).containsExactly(2L, 3L);
        assertThat(r.warnings()).allSatisfy(w -> assertThat(w.reason()).isEqualTo("number out of range"));
        assertThat(r.counts()).isEqualTo(Map.of("", 2L, "/", 1L, "/a", 1L, "[]", 1L));
    }

    @Test
    void aLongLineIsOneLine() throws IOException {
        String big = "x".repeat(300_000);
        Result r = coverage("{\"a\":\"" + big + "\",\"b\":[" + "1,".repeat(50_000) + "1]}", "{\"a\":\"\"}");
        assertThat(r.warnings()).isEmpty();
        assertThat(r.counts()).isEqualTo(Map.of("", 1L, "/", 1L, "/a", 1L, "/b", 1L, "/b[]", 50_001L));
    }

    // Empty values are null, "", [], {}, and any array or object that holds only empty values (recursively).

    @Test
    void emptyValuesCountNowhere() throws IOException {
        for (String line : List.of("null", "\"\"", "[]", "{}", "[[]]", "[{}]", "{\"a\":{}}", "{\"a\":[]}",
                "{\"a\":null}", "{\"a\":\"\"}", "{\"a\":[null,\"\",[],{}]}", "{\"a\":{\"b\":{\"c\":[[{\"d\":null}]]}}}")) {
            assertThat(coverage(line).counts()).as(line).isEmpty();
        }
    }

    @Test
    void emptyMembersDoNotCountButTheirNonEmptySiblingsDo() throws IOException {
        assertThat(coverage("{\"a\":{},\"b\":1,\"c\":[null,2]}").counts())
                .isEqualTo(Map.of("", 1L, "/", 1L, "/b", 1L, "/c", 1L, "/c[]", 1L));
    }

    // Numbers (including 0) and booleans (including false) are non-empty.

    @Test
    void zeroAndFalseAreNonEmpty() throws IOException {
        assertThat(coverage("{\"a\":0,\"b\":false,\"c\":0.0,\"d\":-0,\"e\":true}").counts())
                .isEqualTo(Map.of("", 1L, "/", 1L, "/a", 1L, "/b", 1L, "/c", 1L, "/d", 1L, "/e", 1L));
    }

    // Paths.

    @Test
    void theRootObjectIsSlashAndItsMembersSlashName() throws IOException {
        assertThat(coverage("{\"a\":1}").counts()).isEqualTo(Map.of("", 1L, "/", 1L, "/a", 1L));
    }

    @Test
    void anObjectInAMemberEndsWithSlashAndItsMembersFollow() throws IOException {
        assertThat(coverage("{\"a\":{\"b\":1}}").counts())
                .isEqualTo(Map.of("", 1L, "/", 1L, "/a", 1L, "/a/", 1L, "/a/b", 1L));
    }

    @Test
    void arrayElementsAddBracketsAndObjectsInThemASlash() throws IOException {
        assertThat(coverage("{\"a\":[{\"x\":1}]}").counts())
                .isEqualTo(Map.of("", 1L, "/", 1L, "/a", 1L, "/a[]", 1L, "/a[]/", 1L, "/a[]/x", 1L));
        assertThat(coverage("{\"a\":[[1,2],[3]]}").counts())
                .isEqualTo(Map.of("", 1L, "/", 1L, "/a", 1L, "/a[]", 2L, "/a[][]", 3L));
    }

    // Occurrences.

    @Test
    void eachNonEmptyOccurrenceCountsOnce() throws IOException {
        assertThat(coverage("{\"a\":[1,2]}").counts()).isEqualTo(Map.of("", 1L, "/", 1L, "/a", 1L, "/a[]", 2L));
        assertThat(coverage("{\"a\":[1,null,\"\",2]}", "{\"a\":[3]}", "{\"a\":[]}").counts())
                .isEqualTo(Map.of("", 2L, "/", 2L, "/a", 2L, "/a[]", 3L));
        assertThat(coverage("{\"awards\":[{\"suppliers\":[{\"id\":\"1\"},{\"id\":\"2\"}]},{\"suppliers\":[{\"id\":\"\"}]}]}").counts())
                .isEqualTo(Map.of("", 1L, "/", 1L, "/awards", 1L, "/awards[]", 1L, "/awards[]/", 1L,
                        "/awards[]/suppliers", 1L, "/awards[]/suppliers[]", 2L, "/awards[]/suppliers[]/", 2L,
                        "/awards[]/suppliers[]/id", 2L));
    }

    // Duplicate member names: only the last occurrence is seen.

    @Test
    void theLastDuplicateMemberWins() throws IOException {
        assertThat(coverage("{\"a\":0,\"a\":null}").counts()).isEmpty();
        assertThat(coverage("{\"a\":null,\"a\":0}").counts()).isEqualTo(Map.of("", 1L, "/", 1L, "/a", 1L));
        assertThat(coverage("{\"a\":[1,2],\"a\":[3]}").counts()).isEqualTo(Map.of("", 1L, "/", 1L, "/a", 1L, "/a[]", 1L));
    }

    // An empty member name gives its parent's path; a member x[] can collide with the elements of x.

    @Test
    void anEmptyMemberNameCountsAtItsObjectsPath() throws IOException {
        assertThat(coverage("{\"\":0}").counts()).isEqualTo(Map.of("", 1L, "/", 2L));
        assertThat(coverage("{\"\":{\"\":1}}").counts()).isEqualTo(Map.of("", 1L, "/", 2L, "//", 2L));
    }

    @Test
    void aMemberNamedWithBracketsCollidesWithASiblingsElements() throws IOException {
        assertThat(coverage("{\"x\":[1],\"x[]\":2}").counts())
                .isEqualTo(Map.of("", 1L, "/", 1L, "/x", 1L, "/x[]", 2L));
    }

    @Test
    void addCountsOneValueAsALine() throws IOException {
        Coverage coverage = new Coverage();
        coverage.add(new ObjectMapper().readTree("{\"a\":[1,2]}"));
        coverage.add(new ObjectMapper().readTree("[[1]]"));
        assertThat(coverage.counts()).isEqualTo(Map.of("", 2L, "/", 1L, "/a", 1L, "/a[]", 2L, "[]", 1L, "[][]", 1L));
        assertThat(List.copyOf(coverage.counts().keySet())).isSorted();
    }
}
