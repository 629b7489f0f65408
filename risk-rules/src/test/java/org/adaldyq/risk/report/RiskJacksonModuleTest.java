package org.adaldyq.risk.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.adaldyq.risk.RiskEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A host's own mapper with {@link RiskJacksonModule} writes reports exactly as {@link ReportJson} does. */
class RiskJacksonModuleTest {

    static ScanReport report;

    @BeforeAll
    static void scanRussianSample() throws Exception {
        String text = Files.readString(Path.of("../data/samples/ru/kz-laws_rus_104440.md"), StandardCharsets.UTF_8);
        report = RiskEngine.builder().build().scan(text);
        assertThat(report.findings()).as("a sample with findings").isNotEmpty();
    }

    @Test
    void hostMapperWithTheModuleWritesWhatReportJsonWrites() throws Exception {
        ObjectMapper host = new ObjectMapper().registerModule(new RiskJacksonModule());
        String json = ReportJson.compact().writeValueAsString(report);

        assertThat(host.writeValueAsString(report)).isEqualTo(json);
        assertThat(host.writerWithDefaultPrettyPrinter().writeValueAsString(report))
                .isEqualTo(ReportJson.pretty().writeValueAsString(report));
        assertThat(json).contains("\"language\":\"ru\"", "\"factor\":\"", "\"provisionStart\":");
    }

    @Test
    void withoutTheModuleAHostMapperWritesAnotherShape() throws Exception {
        String plain = new ObjectMapper().writeValueAsString(report);

        assertThat(plain).isNotEqualTo(ReportJson.compact().writeValueAsString(report))
                .contains("\"language\":\"RU\"")
                .doesNotContain("\"factor\":\"");
    }
}
