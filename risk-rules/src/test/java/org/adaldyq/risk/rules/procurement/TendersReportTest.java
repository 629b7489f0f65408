package org.adaldyq.risk.rules.procurement;

import org.adaldyq.risk.procurement.catalogue.IndicatorCatalogue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.adaldyq.risk.procurement.ProcurementEngine;
import org.adaldyq.risk.procurement.settings.Settings;
import org.adaldyq.risk.procurement.ocds.OcdsReader;
import org.adaldyq.risk.procurement.report.TendersReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Scores and the native report: CRI excludes what is not computable; weights; evidence; summaries. */
class TendersReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    List<JsonNode> report(Path tmp, String ini, String... lines) throws Exception {
        return report(tmp, ini, org.adaldyq.risk.lang.Language.EN, lines);
    }

    List<JsonNode> report(Path tmp, String ini, org.adaldyq.risk.lang.Language language, String... lines) throws Exception {
        Path in = tmp.resolve("in.jsonl");
        Files.writeString(in, String.join("\n", lines) + "\n");
        List<String> codes = new ArrayList<>(IndicatorCatalogue.builtIn().codes());
        ProcurementEngine engine = ProcurementEngine.builder().settings(Settings.parse(ini)).codes(codes)
                .language(language).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (org.adaldyq.risk.procurement.Assessment a = engine.assess(in)) {
            new TendersReport(TendersReport.Format.JSONL).write(a, out);
        }
        List<JsonNode> records = new ArrayList<>();
        for (String l : out.toString(StandardCharsets.UTF_8).split("\n")) {
            records.add(JSON.readTree(l));
        }
        return records;
    }

    @Test
    void criIsTheMeanOfAvailableComponents(@TempDir Path tmp) throws Exception {
        String ini = "[R003]\n[R018]\n[R030]\n[weights]\nR003 = 1\nR018 = 3\n";
        List<JsonNode> r = report(tmp, ini,
                // R003 flagged, R018 computable and not flagged, R030 not computable (no bids)
                "{\"ocid\":\"p\",\"buyer\":{\"id\":\"B\"},\"tender\":{\"procurementMethod\":\"open\",\"numberOfTenderers\":3,"
                        + "\"value\":{\"amount\":1000,\"currency\":\"KZT\"},"
                        + "\"tenderPeriod\":{\"startDate\":\"2020-01-01T00:00:00Z\",\"endDate\":\"2020-01-05T00:00:00Z\"}}}",
                "{\"ocid\":\"q\",\"buyer\":{\"id\":\"B\"},\"tender\":{\"procurementMethod\":\"open\"}}",
                "{\"ocid\":\"x\",\"tender\":{\"status\":\"cancelled\"}}");
        JsonNode p = r.get(0);
        assertThat(p.path("type").asText()).isEqualTo("process");
        assertThat(p.path("scores").path("cri").asDouble()).isEqualTo(0.5);
        assertThat(p.path("scores").path("weighted").asDouble()).isCloseTo(0.25, within(1e-12));
        assertThat(p.path("scores").path("priority").asDouble()).isCloseTo(250, within(1e-9));
        assertThat(p.path("notFlagged").toString()).isEqualTo("[\"R018\"]");
        assertThat(p.path("notComputable").toString()).isEqualTo("[\"R030\"]");
        JsonNode finding = p.path("findings").get(0);
        assertThat(finding.path("code").asText()).isEqualTo("R003");
        assertThat(finding.path("evidence").get(0).path("value").asLong()).isEqualTo(4);
        assertThat(finding.path("evidence").get(0).path("threshold").asDouble()).isEqualTo(15.0);
        assertThat(finding.path("explanation").asText()).isNotBlank();

        JsonNode q = r.get(1);
        assertThat(q.path("scores").path("cri").isNull()).isTrue(); // nothing computable: no score, not 0
        assertThat(r.get(2).path("status").asText()).isEqualTo("skipped: cancelled");

        JsonNode buyer = r.stream().filter(n -> n.path("type").asText().equals("buyer")).findFirst().orElseThrow();
        assertThat(buyer.path("processes").asLong()).isEqualTo(2);
        assertThat(buyer.path("flaggedProcesses").asLong()).isEqualTo(1);
        assertThat(buyer.path("scores").path("meanCri").asDouble()).isEqualTo(0.5);
        JsonNode summary = r.get(r.size() - 1);
        assertThat(summary.path("skippedCancelled").asLong()).isEqualTo(1);
        assertThat(summary.path("notComputable").path("R030").asLong()).isEqualTo(2);
    }

    @Test
    void datasetFlagsReachTheirProcessesAndSuppliers(@TempDir Path tmp) throws Exception {
        String bids = "\"bids\":{\"details\":[{\"status\":\"valid\",\"value\":{\"amount\":100,\"currency\":\"USD\"},\"tenderers\":[{\"id\":\"w\"}]},"
                + "{\"status\":\"valid\",\"value\":{\"amount\":%s,\"currency\":\"USD\"},\"tenderers\":[{\"id\":\"s\"}]}]},"
                + "\"awards\":[{\"id\":\"a\",\"status\":\"active\",\"suppliers\":[{\"id\":\"w\"}]}]";
        List<JsonNode> r = report(tmp, "[R058]\nthreshold = 0.5\n",
                "{\"ocid\":\"cheap\"," + bids.formatted("200") + "}",
                "{\"ocid\":\"close\"," + bids.formatted("110") + "}");
        assertThat(r.get(0).path("flags").path("R058").asDouble()).isEqualTo(1.0);
        assertThat(r.get(1).path("flags").has("R058")).isFalse();
        JsonNode w = r.stream().filter(n -> n.path("type").asText().equals("supplier") && n.path("id").asText().equals("w"))
                .findFirst().orElseThrow();
        assertThat(w.path("flags").path("R058").asDouble()).isEqualTo(0.0);
        assertThat(w.path("processFlags").path("R058").asLong()).isEqualTo(1);
    }

    /**
     * Names: each process record names the organisations its parties name; a buyer's or supplier's name is the
     * one the first reviewed process naming it gives (a cancelled process first in the file does not count, a
     * later process's other name does not replace it); an organisation no party names has none.
     */
    @Test
    void organisationsAreNamedAsTheirFirstReviewedProcessNamesThem(@TempDir Path tmp) throws Exception {
        String award = "\"awards\":[{\"id\":\"a\",\"status\":\"active\",\"suppliers\":[{\"id\":\"S\"},{\"id\":\"T\"}]}]";
        List<JsonNode> r = report(tmp, "",
                "{\"ocid\":\"gone\",\"buyer\":{\"id\":\"B\"},\"tender\":{\"status\":\"cancelled\"},"
                        + "\"parties\":[{\"id\":\"B\",\"name\":\"Name of a cancelled tender\",\"roles\":[\"buyer\"]}]}",
                "{\"ocid\":\"one\",\"buyer\":{\"id\":\"B\"},\"tender\":{\"procuringEntity\":{\"id\":\"P\"}}," + award + ","
                        + "\"parties\":[{\"id\":\"B\",\"name\":\"  Ministry of Roads, North \",\"roles\":[\"buyer\"]},"
                        + "{\"id\":\"P\",\"name\":\"Roads Agency\",\"roles\":[\"procuringEntity\"]},"
                        + "{\"id\":\"S\",\"name\":\"\",\"roles\":[\"supplier\"]},{\"id\":\"X\",\"name\":\"Not in this process's roles\"}]}",
                "{\"ocid\":\"two\",\"buyer\":{\"id\":\"B\"}," + award + ","
                        + "\"parties\":[{\"id\":\"B\",\"name\":\"Ministry renamed\"},{\"id\":\"S\",\"name\":\"Stroy LLP\"}]}");
        // the cancelled process's record names its buyer, but the buyer's summary does not take that name
        assertThat(r.get(0).path("names").toString()).isEqualTo("{\"B\":\"Name of a cancelled tender\"}");
        assertThat(r.get(1).path("names").toString())
                .isEqualTo("{\"B\":\"Ministry of Roads, North\",\"P\":\"Roads Agency\"}");
        assertThat(r.get(2).path("names").toString()).isEqualTo("{\"B\":\"Ministry renamed\",\"S\":\"Stroy LLP\"}");
        java.util.Map<String, JsonNode> organisations = new java.util.HashMap<>();
        for (JsonNode n : r) {
            if (!n.path("type").asText().equals("process") && n.has("id")) {
                organisations.put(n.path("type").asText() + ":" + n.path("id").asText(), n);
            }
        }
        assertThat(organisations.get("buyer:B").path("name").asText()).isEqualTo("Ministry of Roads, North");
        assertThat(organisations.get("buyer:B").path("processes").asLong()).isEqualTo(2);
        assertThat(organisations.get("supplier:S").path("name").asText()).isEqualTo("Stroy LLP"); // blank in "one"
        assertThat(organisations.get("supplier:T").path("name").isNull()).isTrue();

        // CSV: the last column, the organisation's name (a process row: its buyer's), quoted when it has a comma
        ProcurementEngine engine = ProcurementEngine.builder().codes(new ArrayList<>(IndicatorCatalogue.builtIn().codes())).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (org.adaldyq.risk.procurement.Assessment a = engine.assess(tmp.resolve("in.jsonl"))) {
            new TendersReport(TendersReport.Format.CSV).write(a, out);
        }
        List<String> rows = List.of(out.toString(StandardCharsets.UTF_8).split("\r?\n"));
        assertThat(rows.get(0)).endsWith(",evidence,name");
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("buyer,B,").endsWith(",\"Ministry of Roads, North\""));
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("process,two,B,").endsWith(",Ministry renamed"));
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("supplier,T,").endsWith(","));
    }

    /**
     * The CSV is opened in spreadsheets, and its names and ids are the publisher's: a name or id that a spreadsheet
     * would run as a formula is written as text (a leading apostrophe); amounts stay numbers, negative ones too.
     */
    @Test
    void csvCellsFromTheDataAreNeverFormulas(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in.jsonl");
        Files.writeString(in, "{\"ocid\":\"@ocid-1\",\"buyer\":{\"id\":\"=B\"},"
                + "\"tender\":{\"value\":{\"amount\":-250.5,\"currency\":\"KZT\"}},"
                + "\"parties\":[{\"id\":\"=B\",\"name\":\"=HYPERLINK(\\\"http://x.example\\\",\\\"Ministry\\\")\"}]}\n");
        ProcurementEngine engine = ProcurementEngine.builder().codes(new ArrayList<>(IndicatorCatalogue.builtIn().codes())).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (org.adaldyq.risk.procurement.Assessment a = engine.assess(in)) {
            new TendersReport(TendersReport.Format.CSV).write(a, out);
        }
        List<String> rows = List.of(out.toString(StandardCharsets.UTF_8).split("\r?\n"));
        assertThat(rows).anySatisfy(row -> assertThat(row)
                .startsWith("process,'@ocid-1,'=B,,-250.5,KZT,")
                .endsWith(",\"'=HYPERLINK(\"\"http://x.example\"\",\"\"Ministry\"\")\""));
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("buyer,'=B,"));
        for (String row : rows) {
            for (String cell : row.split(",")) {
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("@").doesNotStartWith("\"=");
            }
        }
    }

    /**
     * Names where the data gives no party {@code name}: a party's {@code identifier.legalName}; a buyer no party
     * names, by the {@code buyer} reference's own name (older OCDS data has no {@code parties} at all).
     */
    @Test
    void namesFromTheLegalNameAndFromTheBuyerReference(@TempDir Path tmp) throws Exception {
        List<JsonNode> r = report(tmp, "",
                "{\"ocid\":\"a\",\"buyer\":{\"id\":\"B\",\"name\":\"Ignored: a party names B\"},"
                        + "\"tender\":{\"procuringEntity\":{\"id\":\"P\"}},"
                        + "\"parties\":[{\"id\":\"B\",\"name\":\"Akimat of Almaty\"},"
                        + "{\"id\":\"P\",\"name\":\" \",\"identifier\":{\"scheme\":\"KZ-BIN\",\"legalName\":\"Procurement Centre LLP\"}}]}",
                "{\"ocid\":\"b\",\"buyer\":{\"id\":\"C\",\"identifier\":{\"legalName\":\"School No. 5\"}}}",
                "{\"ocid\":\"c\",\"buyer\":{\"id\":\"D\",\"name\":\"Hospital No. 2\",\"identifier\":{\"legalName\":\"Hospital 2 SOE\"}}}");
        assertThat(r.get(0).path("names").toString()).isEqualTo("{\"B\":\"Akimat of Almaty\",\"P\":\"Procurement Centre LLP\"}");
        assertThat(r.get(1).path("names").toString()).isEqualTo("{\"C\":\"School No. 5\"}");
        assertThat(r.get(2).path("names").toString()).isEqualTo("{\"D\":\"Hospital No. 2\"}");
    }

    /**
     * A report in Kazakh or Russian names an organisation by the data's variant in that language ({@code name_kk},
     * {@code name_ru}) where it gives one, else by its {@code name}: in the process records and the summaries alike.
     */
    @Test
    void organisationsAreNamedInTheReportsLanguageWhereTheDataGivesIt(@TempDir Path tmp) throws Exception {
        String line = "{\"ocid\":\"kz-1\",\"buyer\":{\"id\":\"B\"},"
                + "\"awards\":[{\"id\":\"1\",\"status\":\"active\",\"suppliers\":[{\"id\":\"S\"}]}],"
                + "\"parties\":[{\"id\":\"B\",\"name\":\"Акимат города Алматы\",\"name_kk\":\"Алматы қаласының әкімдігі\"},"
                + "{\"id\":\"S\",\"name\":\"ТОО Альфа\",\"name_en\":\"Alfa LLP\"}]}";
        Map<org.adaldyq.risk.lang.Language, String> expected = Map.of(
                org.adaldyq.risk.lang.Language.KK, "{\"B\":\"Алматы қаласының әкімдігі\",\"S\":\"ТОО Альфа\"}",
                org.adaldyq.risk.lang.Language.RU, "{\"B\":\"Акимат города Алматы\",\"S\":\"ТОО Альфа\"}",
                org.adaldyq.risk.lang.Language.EN, "{\"B\":\"Акимат города Алматы\",\"S\":\"Alfa LLP\"}");
        for (Map.Entry<org.adaldyq.risk.lang.Language, String> e : expected.entrySet()) {
            List<JsonNode> r = report(tmp, "", e.getKey(), line);
            assertThat(r.get(0).path("names").toString()).as(e.getKey().code()).isEqualTo(e.getValue());
            JsonNode names = JSON.readTree(e.getValue());
            assertThat(r).filteredOn(n -> n.path("type").asText().equals("buyer")).singleElement()
                    .satisfies(b -> assertThat(b.path("name").asText()).isEqualTo(names.path("B").asText()));
            assertThat(r).filteredOn(n -> n.path("type").asText().equals("supplier")).singleElement()
                    .satisfies(b -> assertThat(b.path("name").asText()).isEqualTo(names.path("S").asText()));
        }
    }
}
