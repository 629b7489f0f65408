package org.adaldyq.risk.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adaldyq.risk.RiskEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reports read back from their JSON equal the reports written (what an isolated scan's child sends its
 * parent), and a report's metadata comes out in the same order in every run (sorted by name; an immutable
 * {@code Map.copyOf} iterates in an order salted per JVM, so two runs printed different bytes).
 */
class ReportJsonTest {
    static RiskEngine engine;

    @BeforeAll
    static void engine() {
        engine = RiskEngine.builder().build();
    }

    @Test
    void aReportReadBackFromItsJsonEqualsTheReportWritten() throws Exception {
        for (String file : List.of("../data/samples/ru/kz-laws_rus_104440.md", "../data/samples/kk/kz-laws_kaz_104440.md",
                "../data/samples/en/BILLS-116s1014es.xml", "../risk-core/src/test/resources/documents/fixtures/kk-article7.docx")) {
            ScanReport report = engine.scan(Path.of(file));
            String json = ReportJson.compact().writeValueAsString(report);

            ScanReport read = ReportJson.readScanReport(json);

            assertThat(read).as(file).isEqualTo(report);
            assertThat(ReportJson.compact().writeValueAsString(read)).isEqualTo(json);
        }
    }

    @Test
    void metadataIsWrittenSortedByName() throws Exception {
        ScanReport report = engine.scan(Path.of("../risk-core/src/test/resources/documents/fixtures/kk-article7.docx"));
        List<String> names = new ArrayList<>(report.metadata().keySet());
        assertThat(names).hasSizeGreaterThan(5).isSorted();

        String json = ReportJson.compact().writeValueAsString(report);
        List<Integer> positions = names.stream().map(n -> json.indexOf("\"" + n + "\":")).toList();
        assertThat(positions).doesNotContain(-1).isSorted();
    }

    @Test
    void whatIsNotAReportIsRefusedWithAnIoException() {
        assertThatThrownBy(() -> ReportJson.readScanReport("[1,2]")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ReportJson.readScanReport("{\"findings\":[],\"provisions\":[],\"language\":\"xx\"}"))
                .isInstanceOf(IOException.class).hasMessageContaining("language");
        assertThatThrownBy(() -> ReportJson.readScanReport("{\"findings\":[{\"factor\":\"X\",\"severity\":\"nonsense\"}],"
                + "\"provisions\":[],\"language\":\"ru\"}")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ReportJson.readScanReport("{not json")).isInstanceOf(IOException.class);
    }
}
