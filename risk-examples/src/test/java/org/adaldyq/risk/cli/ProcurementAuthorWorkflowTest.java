package org.adaldyq.risk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The procurement worked example of docs/author-guide.md, run as written: the author folder
 * {@code docs/examples/ua-procurement} is checked, tested and used with {@code tenders --rules}; then the
 * mistakes an author makes are reported as {@code file:line:column}.
 */
class ProcurementAuthorWorkflowTest {
    static final Path FOLDER = Path.of("..", "docs", "examples", "ua-procurement");

    @TempDir
    Path dir;

    static CliRun cli(String... args) {
        return AuthorWorkflowTest.cli(args);
    }

    static String sample() throws Exception {
        return ProcurementCommandsTest.samples().resolve("compiled/ukraine.jsonl").toString();
    }

    @Test
    void theGuidesFolderChecksTestsAndChangesTheTendersReport() throws Exception {
        CliRun check = cli("rules", "check", FOLDER.toString());
        assertThat(check.exit()).as(check.err()).isZero();
        assertThat(check.out()).contains("procurement:", "1 added", "1 disabled", "compiled at run time", "0 error(s), 0 warning(s)");

        CliRun test = cli("rules", "test", FOLDER.toString());
        assertThat(test.exit()).as(test.out() + test.err()).isZero();
        assertThat(test.out()).contains("PASS " + FOLDER.resolve("R060.examples.jsonl") + ":2 expects R060", "4 case(s): 4 passed, 0 failed");

        String builtIn = ProcurementCommandsTest.run(null, "tenders", sample()).out();
        String withFolder = ProcurementCommandsTest.run(null, "tenders", "--rules", FOLDER.toString(), sample()).out();
        // On the Ukrainian sample no contract waited 60 days; two were signed 17 and 18 days after the award.
        assertThat(builtIn).doesNotContain("Contract signed after the legal deadline");
        assertThat(withFolder).contains("\"title\":\"Contract signed after the legal deadline\"", "\"value\":17,\"threshold\":15.0")
                .doesNotContain("Long award-to-signature delay");
    }

    @Test
    void mistakesAreReportedWithFileLineAndColumn() throws Exception {
        copyFolder();
        Path drl = dir.resolve("R060-ua-signature-deadline.drl");
        Files.writeString(drl, Files.readString(drl).replace("@code(\"R060\")", "@code(\"R600\")"));
        Files.writeString(dir.resolve("disabled.txt"), "R060 Long award-to-signature dealy\n");
        Files.writeString(dir.resolve("R060.examples.jsonl"), "{\"expect\":\"+\",\"release\":{\"ocid\":\"x\"}\n");

        CliRun check = cli("rules", "check", dir.toString());
        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.err()).contains(
                drl + ":8:1: rule \"R060 Contract signed after the legal deadline\": unknown code @code(\"R600\") (did you mean \"R060\"?",
                dir.resolve("disabled.txt") + ":1:1: disabled rule \"R060 Long award-to-signature dealy\" does not exist "
                        + "(did you mean \"R060 Long award-to-signature delay\"?",
                dir.resolve("R060.examples.jsonl") + ":1:");
        assertThat(check.out()).contains("procurement: rules do not load");

        assertThat(ProcurementCommandsTest.run(null, "tenders", "--rules", dir.toString(), sample()).exit()).isEqualTo(3);
    }

    @Test
    void anUnknownFactFieldIsReportedWhereItStands() throws Exception {
        copyFolder();
        Path drl = dir.resolve("R060-ua-signature-deadline.drl");
        Files.writeString(drl, Files.readString(drl).replace("procurementMethod == \"open\"", "procurmentMethod == \"open\""));
        CliRun check = cli("rules", "check", dir.toString());
        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.err()).contains(drl + ":14:22: ", "procurmentMethod");
    }

    @Test
    void aFailingExampleFailsRulesTest() throws Exception {
        copyFolder();
        Path examples = dir.resolve("R060.examples.jsonl");
        Files.writeString(examples, Files.readString(examples).replace("\"expect\":\"-\",\"note\":\"signed 10 days",
                "\"expect\":\"+\",\"note\":\"signed 10 days"));
        CliRun test = cli("rules", "test", dir.toString());
        assertThat(test.exit()).isEqualTo(1);
        assertThat(test.out()).contains("FAIL " + examples + ":3 expects R060  found []", "4 case(s): 3 passed, 1 failed");
    }

    private void copyFolder() throws Exception {
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
    }
}
