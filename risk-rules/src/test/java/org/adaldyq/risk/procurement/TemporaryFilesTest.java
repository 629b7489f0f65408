package org.adaldyq.risk.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.adaldyq.risk.procurement.fact.Flag;
import org.adaldyq.risk.procurement.fact.ProcessFacts;
import org.adaldyq.risk.procurement.model.ContractingProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's temporary files (the assessment's records, the OCID results, the second-lowest-bid ratios) are
 * deleted when the results are closed, or when the run fails, and none is left to
 * {@link File#deleteOnExit()}, whose list only grows for the life of a host's JVM. Runs in a fresh JVM
 * with a temporary folder of its own, so that other processes' files do not count.
 */
class TemporaryFilesTest {

    static final Path DATA = Path.of("src/test/resources/procurement/cardinal");

    /** The host: prints the files in its temporary folder at each step, and the deleteOnExit list's size. */
    public static final class Host {
        public static void main(String[] args) throws Exception {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            Path[] inputs = Stream.of(args).map(Path::of).toArray(Path[]::new);
            ProcurementEngine engine = ProcurementEngine.builder().threads(1).build();
            try (Assessment a = engine.assess(inputs)) {
                a.forEachProcess(p -> { });
                System.out.println("open " + files(tmp));
            }
            System.out.println("closed " + files(tmp));
            try {
                engine.assess(ProcurementApiTest.input(Files.readString(inputs[0])), new ProcessListener() {
                    @Override
                    public void process(String source, ContractingProcess p, ProcessFacts f, String skip, List<Flag> flags) {
                        throw new IllegalStateException("the host's listener fails");
                    }
                });
                System.out.println("failed run did not fail");
            } catch (IllegalStateException expected) {
                System.out.println("failed " + files(tmp));
            }
            System.out.println("deleteOnExit " + deleteOnExitList().size());
        }

        static long files(Path dir) throws IOException {
            try (Stream<Path> s = Files.list(dir)) {
                return s.count();
            }
        }

        static Collection<?> deleteOnExitList() throws ReflectiveOperationException {
            Field files = Class.forName("java.io.DeleteOnExitHook").getDeclaredField("files");
            files.setAccessible(true);
            return (Collection<?>) files.get(null);
        }
    }

    @Test
    void closedOrFailedRunsLeaveNoTemporaryFileAndNothingForDeleteOnExit(@TempDir Path dir) throws Exception {
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        Process host = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "--add-opens=java.base/java.io=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Host.class.getName(),
                DATA.resolve("R003.jsonl").toString(), DATA.resolve("R024-R058.jsonl").toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(host.waitFor(180, TimeUnit.SECONDS)).as("host finished").isTrue();
        String stderr = Files.readString(err, StandardCharsets.UTF_8);

        assertThat(host.exitValue()).as(stderr).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).as(stderr).hasSize(4);
        assertThat(lines.get(0)).as("the run spilled to temporary files").isIn("open 2", "open 3");
        assertThat(lines.subList(1, 4)).containsExactly("closed 0", "failed 0", "deleteOnExit 0");
    }
}
