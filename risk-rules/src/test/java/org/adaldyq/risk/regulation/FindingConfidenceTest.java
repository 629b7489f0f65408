package org.adaldyq.risk.regulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.finding.Evidence;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.finding.Severity;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.procurement.ProcessFlag;
import org.adaldyq.risk.report.ReportJson;
import org.adaldyq.risk.report.ScanReport;
import org.adaldyq.risk.report.ScannedDocument;
import org.adaldyq.risk.report.writer.DocxReview;
import org.adaldyq.risk.report.writer.HtmlReport;
import org.adaldyq.risk.rules.RuleCompilationException;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each regulation finding carries the confidence of its language × factor from the checked-in
 * {@code confidence.csv} (read here from the source file, not from the engine), says it in words, keeps it
 * through JSON and shows it in the HTML page and the Word comments; {@code minConfidence} drops the findings
 * below it; an author folder's table replaces rows.
 */
class FindingConfidenceTest {
    private static final Path TABLE = Path.of("src/main/resources/org/adaldyq/risk/rules/regulation/confidence.csv");
    /** One Russian provision with a factor the table trusts little (WIDE_DISCRETION) and one it trusts more (OPTIONAL_POWER). */
    private static final String RU = "1. Уполномоченный орган вправе приостановить действие лицензии и принимает решение по своему усмотрению.";

    private static RiskEngine engine;
    /** The checked-in table, parsed line by line here: lang/factor → {right, wrong, confidence}. */
    private static Map<String, String[]> rows;
    /** Its pair rows: languages/* → {right, wrong, confidence, set}. */
    private static Map<String, String[]> pairRows;

    @BeforeAll
    static void load() throws Exception {
        engine = RiskEngine.builder().build();
        rows = new java.util.HashMap<>();
        pairRows = new java.util.HashMap<>();
        for (String line : Files.readAllLines(TABLE)) {
            if (!line.startsWith("#") && !line.startsWith("lang,") && !line.isBlank()) {
                String[] cells = line.split(",");
                (cells[0].contains("+") ? pairRows : rows).put(cells[0] + "/" + cells[1], cells);
            }
        }
    }

    @Test
    void theBuiltInTableMapsEveryLanguageAndFactorOfTheFile() {
        ConfidenceTable table = RegulationRules.load(org.adaldyq.risk.rules.PackOptions.of(getClass().getClassLoader(), List.of()))
                .orThrow().confidence();
        // every factor of the catalogue in every language, nothing else
        assertThat(rows).hasSize(3 * engine.catalogue().codes().size());
        assertThat(table.rows()).hasSize(rows.size());
        for (String[] cells : rows.values()) {
            ConfidenceTable.Row row = table.get(Language.fromCode(cells[0]).orElseThrow(), cells[1]).orElseThrow();
            assertThat(row.right()).as(cells[1]).isEqualTo(Integer.parseInt(cells[2]));
            assertThat(row.wrong()).as(cells[1]).isEqualTo(Integer.parseInt(cells[3]));
            assertThat(row.confidence()).as(cells[1]).isEqualTo(Double.parseDouble(cells[4]));
            assertThat(row.set()).isEqualTo(cells[0].equals("kk") ? "dev" : "fresh");
        }
        assertThat(table.get(Language.RU, "NO_SUCH_FACTOR")).isEmpty();
        // one pair row, for the Kazakh and Russian versions of one act, in either order
        assertThat(pairRows).containsOnlyKeys("kk+ru/*");
        String[] cells = pairRows.get("kk+ru/*");
        ConfidenceTable.PairRow pair = table.pair(Language.RU, Language.KK).orElseThrow();
        assertThat(table.pair(Language.KK, Language.RU)).contains(pair);
        assertThat(List.of(pair.right(), pair.wrong())).containsExactly(Integer.parseInt(cells[2]), Integer.parseInt(cells[3]));
        assertThat(pair.confidence()).isEqualTo(Double.parseDouble(cells[4]));
        assertThat(pair.set()).isEqualTo("dev");
        assertThat(table.pair(Language.KK, Language.EN)).isEmpty();
    }

    @Test
    void aFindingCarriesTheConfidenceOfItsLanguageAndFactorAndSaysItInWords() {
        ScanReport report = engine.scan(RU, Language.RU);
        assertThat(report.findings()).extracting(Finding::code).contains("OPTIONAL_POWER", "WIDE_DISCRETION");
        for (Finding f : report.findings()) {
            String[] row = rows.get("ru/" + f.code());
            assertThat(f.confidence()).as(f.code()).isEqualTo(Double.parseDouble(row[4]));
            int right = Integer.parseInt(row[2]);
            int total = right + Integer.parseInt(row[3]);
            assertThat(f.evidence()).as(f.code()).containsExactly(Evidence.of(RegulationScanner.CONFIDENCE_EVIDENCE,
                    total == 0 ? "на размеченных положениях набора непрочитанного текста (fresh) этот фактор не выявлялся: взята точность всех факторов этого языка"
                            : "верно в " + right + " из " + total + " выявлений этого фактора на размеченных положениях, которых никто не читал"));
        }
        Finding en = engine.scan("The Secretary may suspend the license of any operator.", Language.EN).findings().get(0);
        assertThat(en.confidence()).isEqualTo(Double.parseDouble(rows.get("en/" + en.code())[4]));
        assertThat(en.evidence().get(0).value().toString()).startsWith("right in " + rows.get("en/" + en.code())[2] + " of ")
                .endsWith("findings of this factor on labelled provisions nobody had read");
    }

    @Test
    void minConfidenceDropsTheFindingsBelowItAndKeepsTheRest() {
        double wide = Double.parseDouble(rows.get("ru/WIDE_DISCRETION")[4]);
        double optional = Double.parseDouble(rows.get("ru/OPTIONAL_POWER")[4]);
        assertThat(wide).isLessThan(optional);

        ScanReport between = RiskEngine.builder().minConfidence((wide + optional) / 2).build().scan(RU, Language.RU);
        assertThat(between.findings()).extracting(Finding::code).contains("OPTIONAL_POWER").doesNotContain("WIDE_DISCRETION");
        assertThat(between.findings()).allSatisfy(f -> assertThat(f.confidence()).isGreaterThanOrEqualTo((wide + optional) / 2));
        assertThat(between.provisions()).singleElement().satisfies(p -> assertThat(p.factors()).doesNotContain("WIDE_DISCRETION"));

        // at exactly a finding's confidence it is kept; above every one, nothing is left, scores included
        assertThat(RiskEngine.builder().minConfidence(wide).build().scan(RU, Language.RU).findings())
                .extracting(Finding::code).contains("WIDE_DISCRETION");
        ScanReport none = RiskEngine.builder().minConfidence(1).build().scan(RU, Language.RU);
        assertThat(none.findings()).isEmpty();
        assertThat(none.provisions()).isEmpty();
        assertThat(none.score()).isZero();
    }

    @Test
    void aMinimumOutsideZeroToOneIsRefusedNamingIt() {
        RiskEngine engine = RiskEngine.builder().build();
        for (double bad : new double[] {1.5, -0.1, Double.NaN}) {
            assertThatThrownBy(() -> RiskEngine.builder().minConfidence(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(String.valueOf(bad));
            assertThatThrownBy(() -> engine.withMinConfidence(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(String.valueOf(bad));
        }
    }

    /** An engine derived for one request keeps what an engine built with the same minimum keeps, and shares the rules. */
    @Test
    void anEngineDerivedWithAMinimumScansAsOneBuiltWithIt() {
        double wide = Double.parseDouble(rows.get("ru/WIDE_DISCRETION")[4]);
        double optional = Double.parseDouble(rows.get("ru/OPTIONAL_POWER")[4]);
        RiskEngine all = RiskEngine.builder().build();
        assertThat(all.withMinConfidence(0)).isSameAs(all);
        RiskEngine derived = all.withMinConfidence((wide + optional) / 2);
        ScanReport built = RiskEngine.builder().minConfidence((wide + optional) / 2).build().scan(RU, Language.RU);
        assertThat(derived.scan(RU, Language.RU).findings()).isEqualTo(built.findings()).isNotEmpty();
        assertThat(derived.scan(RU, Language.RU).score()).isEqualTo(built.score());
        assertThat(all.scan(RU, Language.RU).findings()).extracting(Finding::code).contains("WIDE_DISCRETION"); // itself unchanged
        assertThat(derived.ruleExamples()).isSameAs(all.ruleExamples()); // the very rules in force, not a copy
    }

    @Test
    void jsonKeepsTheConfidenceAndLeavesItOutForAProcurementFlag() throws Exception {
        ScanReport report = engine.scan(RU, Language.RU);
        String json = ReportJson.compact().writeValueAsString(report);
        JsonNode first = new ObjectMapper().readTree(json).path("findings").get(0);
        assertThat(first.path("confidence").asDouble()).isEqualTo(report.findings().get(0).confidence());
        assertThat(first.path("evidence").get(0).path("path").asText()).isEqualTo("confidence");
        assertThat(ReportJson.readScanReport(json)).isEqualTo(report);

        Finding flag = new ProcessFlag("R003", "R003.short-period", Severity.MEDIUM, "Short submission period", "OCID", "ocds-1",
                1.0, 0.5, List.of(Evidence.of("tender.tenderPeriod", 3)), "why", "fix").finding();
        assertThat(flag.confidence()).isNull();
        JsonNode written = new ObjectMapper().readTree(ReportJson.compact().writeValueAsString(flag));
        assertThat(written.has("confidence")).isFalse();
        assertThat(written.path("flag").asText()).isEqualTo("R003");
        ScanReport withFlag = new ScanReport("x", Language.EN, "text/plain", 0.5, 1, List.of(), List.of(flag), Map.of());
        Finding back = ReportJson.readScanReport(ReportJson.compact().writeValueAsString(withFlag)).findings().get(0);
        assertThat(back).isEqualTo(flag);
    }

    @Test
    void theHtmlPageAndTheWordCommentsShowIt() throws Exception {
        ScannedDocument scanned = engine.scanDocument(new ByteArrayInputStream(RU.getBytes(StandardCharsets.UTF_8)), "draft.txt");
        Finding wide = scanned.report().findings().stream().filter(f -> f.code().equals("WIDE_DISCRETION")).findFirst().orElseThrow();
        String shown = String.format(java.util.Locale.ROOT, "%.2f", wide.confidence());

        StringWriter html = new StringWriter();
        try (HtmlReport page = new HtmlReport(html, engine.catalogue(), Language.RU)) {
            page.add(scanned);
        }
        assertThat(html.toString()).contains("data-factor=\"WIDE_DISCRETION\"")
                .contains("<span class=\"confidence\" title=\"" + HtmlReport.escape(wide.evidence().get(0).value().toString())
                        + "\">достоверность " + shown + "</span>");

        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        DocxReview.create(scanned, docx);
        List<String> comments = new ArrayList<>();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.toByteArray()))) {
            for (XWPFComment c : doc.getComments()) {
                comments.add(c.getText());
            }
        }
        assertThat(comments).anySatisfy(c -> assertThat(c).contains("[WIDE_DISCRETION, ").contains("confidence " + shown)
                .contains(wide.evidence().get(0).value().toString()));
    }

    @Test
    void anAuthorTableReplacesRowsAndAnUnknownFactorIsAnError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve(ConfidenceTable.FILE), "# ours\nlang,factor,right,wrong,confidence,set\n"
                + "ru,WIDE_DISCRETION,9,1,0.9,ministry-review\n");
        ScanReport report = RiskEngine.builder().rules(dir).build().scan(RU, Language.RU);
        Finding wide = report.findings().stream().filter(f -> f.code().equals("WIDE_DISCRETION")).findFirst().orElseThrow();
        assertThat(wide.confidence()).isEqualTo(0.9);
        assertThat(wide.evidence().get(0).value()).isEqualTo("верно в 9 из 10 выявлений этого фактора на размеченных положениях набора ministry-review");
        Finding optional = report.findings().stream().filter(f -> f.code().equals("OPTIONAL_POWER")).findFirst().orElseThrow();
        assertThat(optional.confidence()).isEqualTo(Double.parseDouble(rows.get("ru/OPTIONAL_POWER")[4]));

        Files.writeString(dir.resolve(ConfidenceTable.FILE), "ru,NO_SUCH_FACTOR,1,1,0.5,x\n");
        assertThatThrownBy(() -> RiskEngine.builder().rules(dir).build()).isInstanceOf(RuleCompilationException.class)
                .hasMessageContaining("unknown factor code NO_SUCH_FACTOR").hasMessageContaining("confidence.csv");
    }
}
