package org.adaldyq.risk.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.report.ScanReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library's isolated engine (issue 11, part 2, the builder option): reports from its sandboxed child
 * JVMs equal the reports of an engine in process, value for value; errors are records; rules that do not
 * load fail the build with their file and line; two children scan in parallel. (A child killed at its
 * time limit or out of memory: {@code IsolatedScanTest}, through {@code scan --isolate}.)
 */
class IsolatedEngineTest {
    private static final List<Path> SAMPLES = List.of(Path.of("../data/samples/ru/kz-laws_rus_104440.md"),
            Path.of("../data/samples/kk/kz-laws_kaz_104440.md"), Path.of("../data/samples/en/BILLS-116s1014es.xml"),
            Path.of("../risk-core/src/test/resources/documents/fixtures/kk-article7.docx"));

    @Test
    void reportsFromTheSandboxedChildEqualReportsInProcess(@TempDir Path tmp) throws Exception {
        RiskEngine inProcess = RiskEngine.builder().build();
        Path broken = Files.write(tmp.resolve("broken.docx"), new byte[] {'P', 'K', 3, 4, 0, 0, 1});
        try (IsolatedEngine isolated = IsolatedEngine.builder().children(2).build()) {
            ExecutorService callers = Executors.newFixedThreadPool(2);
            try {
                List<Future<IsolatedScan>> scans = SAMPLES.stream().map(f -> callers.submit(() -> isolated.scan(f))).toList();
                for (int i = 0; i < SAMPLES.size(); i++) {
                    IsolatedScan scan = scans.get(i).get();
                    ScanReport expected = inProcess.scan(SAMPLES.get(i));
                    assertThat(scan.failed()).as(scan.json()).isFalse();
                    assertThat(scan.report()).isEqualTo(expected);
                    assertThat(scan.source()).isEqualTo(SAMPLES.get(i).toString());
                }
                assertThat(scans.get(0).get().report().findings()).isNotEmpty();
            } finally {
                callers.shutdown();
            }

            IsolatedScan bad = isolated.scan(broken);
            assertThat(bad.failed()).isTrue();
            assertThat(bad.reason()).isEqualTo("CORRUPT");
            assertThat(bad.json()).contains("\"reason\":\"CORRUPT\"", "\"source\":\"" + broken + "\"");

            IsolatedScan missing = isolated.scan(tmp.resolve("no-such.txt"));
            assertThat(missing.reason()).isEqualTo("IO");
        }
    }

    @Test
    void rulesThatDoNotLoadFailTheBuildWithTheirFileAndLine(@TempDir Path tmp) throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("broken.drl"), """
                package org.example;
                import org.adaldyq.risk.regulation.fact.Trigger;
                rule "VAGUE_TERMS.broken"
                    @code("VAGUE_TERMS") @severity("low") @title("Broken") @source("test")
                when
                    $t : Trigger(concept == "VAGUE"
                then
                end
                """);

        assertThatThrownBy(() -> IsolatedEngine.builder().rules(rules).language(Language.RU).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the rules did not load")
                .hasMessageContaining("broken.drl:");
    }
}
