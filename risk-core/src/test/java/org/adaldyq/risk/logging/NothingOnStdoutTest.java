package org.adaldyq.risk.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.adaldyq.risk.fixtures.TestDocuments;
import org.adaldyq.risk.structure.DocumentReader;
import org.apache.logging.log4j.LogManager;
import org.apache.poi.logging.PoiLogManager;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host with only slf4j-api and a binding (here slf4j-simple, which writes to stderr) reads a DOCX and a
 * PDF: Apache POI's Log4j API must print nothing on stdout, and what POI logs must reach SLF4J. Runs in a
 * fresh JVM, since Log4j chooses its provider once per JVM.
 */
class NothingOnStdoutTest {

    /** The host: prints exactly {@link #EXPECTED_STDOUT}, and logs through POI's logger. */
    public static final class Host {
        public static void main(String[] args) throws Exception {
            DocumentReader reader = DocumentReader.create();
            for (String file : args) {
                String name = Path.of(file).getFileName().toString();
                System.out.println("read " + name + " " + reader.read(Path.of(file)).language().code());
            }
            PoiLogManager.getLogger(XWPFDocument.class).warn("probe from POI at {}", "WARN");
            PoiLogManager.getLogger(XWPFDocument.class).debug("probe from POI at DEBUG");
            System.out.println("done");
        }
    }

    static final List<String> EXPECTED_STDOUT = List.of("read kk-article7.docx kk", "read kk-article7.pdf kk", "done");

    @Test
    void docxAndPdfLeaveStdoutToTheHostAndPoiLogsReachSlf4j(@TempDir Path dir) throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !isLog4jBackend(Path.of(entry).getFileName().toString()))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, Host.class.getName(),
                TestDocuments.resource("fixtures/kk-article7.docx").toString(),
                TestDocuments.resource("fixtures/kk-article7.pdf").toString()));
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        Process host = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(host.waitFor(180, TimeUnit.SECONDS)).as("host finished").isTrue();
        String stderr = Files.readString(err, StandardCharsets.UTF_8);

        assertThat(host.exitValue()).as(stderr).isZero();
        assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).as(stderr).containsExactlyElementsOf(EXPECTED_STDOUT);
        assertThat(stderr)
                .contains("WARN " + XWPFDocument.class.getName() + " - probe from POI at WARN")
                .doesNotContain("probe from POI at DEBUG")
                .doesNotContain("Log4j API");
    }

    @Test
    void log4jChoosesTheSlf4jFallbackWhenNoOtherProviderIsThere() {
        assertThat(LogManager.getFactory()).isInstanceOf(Slf4jLoggerContextFactory.class);
    }

    private static boolean isLog4jBackend(String jar) {
        return jar.startsWith("log4j-to-slf4j") || jar.startsWith("log4j-core") || jar.startsWith("log4j-slf4j");
    }
}
