package org.adaldyq.risk.report.writer;

import org.adaldyq.risk.structure.CitationText;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.finding.ProvisionLocation;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.report.ScannedDocument;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The draft conclusion, read back as Word reads it (Apache POI): the factors table and the provisions table
 * hold every finding of the text in the order of the text, each with its structural unit, its quote in bold
 * inside the provision's words, why and how to fix; an unread input and a text with no finding say so.
 */
class DocxConclusionTest {
    private static final Path SAMPLES = Path.of("../data/samples");
    private static RiskEngine engine;

    @BeforeAll
    static void engine() {
        engine = RiskEngine.builder().build();
    }

    @Test
    void everyFindingOfAKazakhLawIsARowInTheOrderOfTheText() throws Exception {
        ScannedDocument kk = engine.scanDocument(SAMPLES.resolve("kk/kz-laws_kaz_104440.md"));
        List<Finding> findings = kk.report().findings().stream()
                .sorted(Comparator.comparingInt((Finding f) -> ((ProvisionLocation) f.location()).start()).thenComparing(Finding::code))
                .toList();
        assertThat(findings).hasSizeGreaterThan(10);
        DocxConclusion conclusion = new DocxConclusion(engine.catalogue(), null);
        conclusion.add(kk);
        try (XWPFDocument doc = read(conclusion)) {
            assertThat(doc.getParagraphs().get(0).getText())
                    .isEqualTo("Сыбайлас жемқорлыққа қарсы сараптама нәтижелері бойынша қорытындының жобасы");
            // the line the registering office fills in
            assertThat(doc.getParagraphs().get(1).getText()).isEqualTo("№ __________ 20___ жылғы «____» ____________________");
            assertThat(doc.getTables()).hasSize(2);
            XWPFTable factors = doc.getTables().get(0);
            assertThat(factors.getRows()).hasSize(1 + (int) findings.stream().map(Finding::code).distinct().count());
            assertThat(factors.getRow(0).isRepeatHeader()).isTrue();
            assertThat(factors.getRow(0).getCell(1).getText()).isEqualTo("Қауіптілік");
            long optional = findings.stream().filter(f -> f.code().equals("OPTIONAL_POWER")).count();
            assertThat(factors.getRows()).anySatisfy(r -> {
                assertThat(r.getCell(0).getText()).endsWith("OPTIONAL_POWER");
                assertThat(r.getCell(2).getText()).isEqualTo(Long.toString(optional));
                assertThat(r.getCell(3).getText()).contains("RU Decree 96");
            });

            // a row per structural unit, in the order of the text, with every factor found in it
            java.util.Map<String, List<Finding>> byUnit = new java.util.LinkedHashMap<>();
            findings.forEach(f -> byUnit.computeIfAbsent(((ProvisionLocation) f.location()).provision(), u -> new java.util.ArrayList<>()).add(f));
            assertThat(byUnit.size()).isLessThan(findings.size()); // some provisions hold several factors
            XWPFTable provisions = doc.getTables().get(1);
            assertThat(provisions.getRows()).hasSize(1 + byUnit.size());
            int i = 0;
            for (var unit : byUnit.entrySet()) {
                XWPFTableRow row = provisions.getRow(++i);
                assertThat(row.getCell(0).getText()).isEqualTo(Integer.toString(i));
                assertThat(row.getCell(1).getText()).isEqualTo(CitationText.of(unit.getKey(), Language.KK));
                String bold = boldText(row.getCell(2).getParagraphs());
                for (Finding f : unit.getValue()) {
                    assertThat(bold).as("row %d", i).contains(((ProvisionLocation) f.location()).quote());
                    assertThat(row.getCell(3).getText()).contains(f.title(), f.code());
                    assertThat(row.getCell(4).getText()).contains(f.explanation());
                    assertThat(row.getCell(5).getText()).contains(f.recommendation());
                }
                if (unit.getValue().size() > 1) {
                    assertThat(row.getCell(4).getText()).startsWith("1) ").contains("2) ");
                }
            }
            assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText).contains("Барлығы анықталған сыбайлас жемқорлық "
                    + "факторлары: " + findings.size() + ", құрылымдық бөліктерде: " + byUnit.size() + ", тексерілген мәтіндерде: 1; "
                    + "әрқайсысын сарапшы растауы тиіс және расталса, ұсынысқа сәйкес жойылуы тиіс.");
        }
    }

    /**
     * A quote in the lead-in of a list item («… мынадай жеңілдіктер мен преференцияларды бере алады: 1) …»)
     * is shown in its line, followed by the item's own words.
     */
    @Test
    void aQuoteInTheLeadInIsShownWithTheItemItHoldsFor() throws Exception {
        ScannedDocument kk = engine.scanDocument(SAMPLES.resolve("kk/kz-laws_kaz_104440.md"));
        Finding leadIn = kk.report().findings().stream().filter(f -> {
            ProvisionLocation at = (ProvisionLocation) f.location();
            return at.start() < at.provisionStart();
        }).findFirst().orElseThrow();
        ProvisionLocation at = (ProvisionLocation) leadIn.location();
        String item = kk.document().text().substring(at.provisionStart(), at.provisionEnd()).strip();
        DocxConclusion conclusion = new DocxConclusion(engine.catalogue(), Language.KK);
        conclusion.add(kk);
        try (XWPFDocument doc = read(conclusion)) {
            String firstLine = item.lines().findFirst().orElseThrow();
            assertThat(doc.getTables().get(1).getRows()).anySatisfy(r -> {
                String wording = r.getCell(2).getText();
                assertThat(wording).contains(at.quote());
                assertThat(wording.indexOf(firstLine)).isGreaterThan(wording.indexOf(at.quote()));
            });
        }
    }

    /**
     * The two official versions of one act: a row per factor and provision with each version's words, the one a
     * version lacks saying so, and whether both versions have it.
     */
    @Test
    void bothOfficialVersionsShareOneTable() throws Exception {
        ScannedDocument kk = engine.scanVersion(SAMPLES.resolve("kk/kz-laws_kaz_104440.md"));
        ScannedDocument ru = engine.scanVersion(SAMPLES.resolve("ru/kz-laws_rus_104440.md"));
        org.adaldyq.risk.report.PairReport pair = engine.pair(kk, ru);
        assertThat(pair.inBoth()).isPositive();
        assertThat(pair.firstOnly() + pair.secondOnly()).isPositive();
        DocxConclusion conclusion = new DocxConclusion(engine.catalogue(), null);
        conclusion.addPair(pair, kk, ru);
        try (XWPFDocument doc = read(conclusion)) {
            XWPFTable provisions = doc.getTables().get(1);
            assertThat(provisions.getRow(0).getTableCells()).hasSize(7);
            assertThat(provisions.getRow(0).getCell(2).getText()).endsWith("— kk");
            assertThat(provisions.getRow(0).getCell(3).getText()).endsWith("— ru");
            java.util.Map<String, List<org.adaldyq.risk.report.PairReport.PairedFinding>> byUnit = new java.util.LinkedHashMap<>();
            pair.findings().forEach(f -> byUnit.computeIfAbsent(f.provision(), u -> new java.util.ArrayList<>()).add(f));
            assertThat(provisions.getRows()).hasSize(1 + byUnit.size());
            int i = 0;
            for (var unit : byUnit.values()) {
                XWPFTableRow row = provisions.getRow(++i);
                for (int v = 0; v < 2; v++) {
                    int version = v;
                    List<Finding> found = unit.stream().map(f -> version == 0 ? f.first() : f.second()).filter(java.util.Objects::nonNull).toList();
                    if (found.isEmpty()) {
                        assertThat(row.getCell(2 + v).getText()).startsWith("Бұл нұсқада анықталмады");
                    }
                    String bold = boldText(row.getCell(2 + v).getParagraphs());
                    found.forEach(f -> assertThat(bold).contains(((ProvisionLocation) f.location()).quote()));
                }
                for (org.adaldyq.risk.report.PairReport.PairedFinding f : unit) {
                    assertThat(row.getCell(4).getText()).contains(f.code())
                            .contains(f.inBoth() ? "екі нұсқада да" : "тек " + f.onlyIn(pair) + " нұсқасында");
                    // why and how to fix in the labels' language (Kazakh) when the Kazakh version has the finding
                    Finding shown = f.first() != null ? f.first() : f.second();
                    assertThat(row.getCell(6).getText()).contains(shown.recommendation());
                }
            }
        }
    }

    @Test
    void aTextWithoutFindingsAndAnUnreadFileAreAccountedFor() throws Exception {
        DocxConclusion conclusion = new DocxConclusion(engine.catalogue(), Language.RU);
        conclusion.add(engine.scanDocument(new ByteArrayInputStream(
                "Статья 1. Настоящий Закон вступает в силу с 1 января 2027 года.".getBytes(StandardCharsets.UTF_8)), "plain.txt"));
        conclusion.addUnread("broken.docx", "MALFORMED: not a zip file");
        try (XWPFDocument doc = read(conclusion)) {
            assertThat(doc.getTables()).isEmpty();
            List<String> texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(texts).containsSubsequence("plain.txt", "Коррупциогенные факторы в тексте не выявлены.", "broken.docx",
                    "Не проверено: файл не удалось прочитать (MALFORMED: not a zip file).", "Вывод",
                    "Всего выявлено коррупциогенных факторов: 0, в структурных единицах: 0, в проверенных текстах: 1; каждый подлежит"
                    + " подтверждению экспертом и, если подтверждён, устранению согласно предложению. Не проверено (не удалось"
                    + " прочитать): 1.");
            assertThat(texts.get(texts.size() - 1)).startsWith("Эксперт: ___").contains("Дата: ___");
        }
    }

    /** The act's title, when its file gives one (a USLM bill's, a Markdown draft's first heading), stands under the file's name. */
    @Test
    void theActsTitleStandsUnderItsName() throws Exception {
        ScannedDocument en = engine.scanDocument(SAMPLES.resolve("en/BILLS-116s1014es.xml"));
        DocxConclusion conclusion = new DocxConclusion(engine.catalogue(), null);
        conclusion.add(en);
        try (XWPFDocument doc = read(conclusion)) {
            List<String> texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(texts).containsSubsequence(en.report().source(),
                    "116 S 1014 ES: To establish the Route 66 Centennial Commission, and for other purposes.");
            assertThat(texts.get(0)).isEqualTo("Anti-corruption review of a draft: draft conclusion");
        }
        DocxConclusion kk = new DocxConclusion(engine.catalogue(), null);
        kk.add(engine.scanDocument(SAMPLES.resolve("kk/kz-laws_kaz_104440.md")));
        kk.add(engine.scanDocument(new ByteArrayInputStream("## Not a title\n\nСтатья 1. Текст.".getBytes(StandardCharsets.UTF_8)),
                "second.md"));
        try (XWPFDocument doc = read(kk)) {
            List<String> texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(texts).containsSubsequence("../data/samples/kk/kz-laws_kaz_104440.md", "Тiкелей инвестицияларды мемлекеттiк қолдау туралы");
            assertThat(texts.get(texts.indexOf("second.md") + 1)).startsWith("Тіл: ");
        }
    }

    /** Markup, quotes, control characters and a long provision: the document stays well-formed and the words cut. */
    @Test
    void hostileAndLongWordingIsEscapedAndCut() throws Exception {
        String filler = "и иные сведения о порядке " .repeat(60);
        String text = "Статья 5. Уполномоченный орган <script>alert(\"x\")</script> & «ко\u0001»\n"
                + "1. " + filler + " уполномоченный орган вправе отказать в выдаче разрешения " + filler + ".";
        ScannedDocument scanned = engine.scanDocument(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "hostile.txt");
        Finding f = scanned.report().findings().stream().filter(x -> x.code().equals("OPTIONAL_POWER")).findFirst().orElseThrow();
        DocxConclusion conclusion = new DocxConclusion(engine.catalogue(), Language.RU);
        conclusion.add(scanned);
        conclusion.addUnread("<b>&.docx", "reason with <tags> & \"quotes\"");
        try (XWPFDocument doc = read(conclusion)) {
            String wording = doc.getTables().get(1).getRows().stream().map(r -> r.getCell(2).getText())
                    .filter(w -> w.contains(((ProvisionLocation) f.location()).quote())).findFirst().orElseThrow();
            assertThat(wording).startsWith("… ").endsWith(" …");
            assertThat(wording.length()).isLessThan(2 * DocxConclusion.CONTEXT + 200);
            assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText).contains("<b>&.docx")
                    .anySatisfy(p -> assertThat(p).contains("reason with <tags> & \"quotes\""));
        }
    }

    /** After an expert's review: a factor struck out has no row, one added says so and bolds nothing, one confirmed says so. */
    @Test
    void aReviewedTextShowsWhatTheExpertAddedAndConfirmed() throws Exception {
        ScannedDocument ru = engine.scanDocument(SAMPLES.resolve("ru/kz-laws_rus_104440.md"));
        Finding struck = ru.report().findings().get(0);
        Finding confirmed = ru.report().findings().get(1);
        org.adaldyq.risk.structure.Provision quiet = ru.document().provisions().stream()
                .filter(p -> ru.report().provisions().stream().noneMatch(s -> s.start() == p.start()) && p.end() - p.start() > 60)
                .findFirst().orElseThrow();
        String text = ru.document().text();
        List<org.adaldyq.risk.review.Review.Decision> decisions = new java.util.ArrayList<>();
        ProvisionLocation s = (ProvisionLocation) struck.location();
        ProvisionLocation c = (ProvisionLocation) confirmed.location();
        org.adaldyq.risk.structure.Provision sp = ru.document().provisions().stream().filter(p -> p.start() == s.provisionStart()).findFirst().orElseThrow();
        org.adaldyq.risk.structure.Provision cp = ru.document().provisions().stream().filter(p -> p.start() == c.provisionStart()).findFirst().orElseThrow();
        decisions.add(new org.adaldyq.risk.review.Review.Decision("kz-laws_rus_104440.md", sp.start(), sp.end(), sp.citation(), Language.RU,
                sp.textWithLeadIn(text), java.util.Set.of(struck.code()), java.util.Set.of(), java.util.Set.of(struck.code()), java.util.Set.of()));
        decisions.add(new org.adaldyq.risk.review.Review.Decision("kz-laws_rus_104440.md", cp.start(), cp.end(), cp.citation(), Language.RU,
                cp.textWithLeadIn(text), java.util.Set.of(confirmed.code()), java.util.Set.of(confirmed.code()), java.util.Set.of(), java.util.Set.of(),
                java.util.Map.of(confirmed.code(), "Указать сроки и основания в самом законе.")));
        decisions.add(new org.adaldyq.risk.review.Review.Decision("kz-laws_rus_104440.md", quiet.start(), quiet.end(), quiet.citation(), Language.RU,
                quiet.textWithLeadIn(text), java.util.Set.of(), java.util.Set.of(), java.util.Set.of(), java.util.Set.of("NON_TRANSPARENCY")));
        ScannedDocument reviewed = org.adaldyq.risk.review.Review.of(decisions).apply(ru, engine.catalogue()).document();
        DocxConclusion conclusion = new DocxConclusion(engine.catalogue(), null);
        conclusion.add(reviewed);
        try (XWPFDocument doc = read(conclusion)) {
            XWPFTable provisions = doc.getTables().get(1);
            XWPFTableRow added = provisions.getRows().stream()
                    .filter(r -> r.getCell(1).getText().equals(CitationText.of(quiet.citation(), Language.RU))).findFirst().orElseThrow();
            assertThat(added.getCell(3).getText()).contains("NON_TRANSPARENCY", "добавлено экспертом");
            assertThat(added.getCell(2).getText()).contains(text.substring(quiet.start(), quiet.start() + 40).strip());
            assertThat(boldText(added.getCell(2).getParagraphs())).isEmpty();
            XWPFTableRow kept = provisions.getRows().stream()
                    .filter(r -> r.getCell(1).getText().equals(CitationText.of(c.provision(), Language.RU))).findFirst().orElseThrow();
            assertThat(kept.getCell(3).getText()).contains(confirmed.code(), "подтверждено экспертом");
            assertThat(kept.getCell(5).getText()).contains(confirmed.recommendation(), "Примечание эксперта: Указать сроки и основания в самом законе.");
            // the struck factor is gone from its structural unit's row (the row is gone with it when it held nothing else)
            String struckUnit = CitationText.of(s.provision(), Language.RU);
            provisions.getRows().stream().filter(r -> r.getCell(1).getText().equals(struckUnit))
                    .forEach(r -> assertThat(r.getCell(3).getText()).doesNotContain(struck.code()));
            assertThat(provisions.getRows()).hasSize(1 + reviewed.report().provisions().size());
            assertThat(doc.getParagraphs()).extracting(XWPFParagraph::getText).contains(
                    "Проверено экспертом: подтверждено выявленных факторов — 1, добавлено — 1; исключённые экспертом факторы не приводятся.");
        }
    }

    private static XWPFDocument read(DocxConclusion conclusion) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        conclusion.write(out);
        return new XWPFDocument(new ByteArrayInputStream(out.toByteArray()));
    }

    private static String boldText(List<XWPFParagraph> paragraphs) {
        StringBuilder b = new StringBuilder();
        for (XWPFParagraph p : paragraphs) {
            for (XWPFRun r : p.getRuns()) {
                if (r.isBold()) {
                    b.append(r.text());
                }
            }
        }
        return b.toString();
    }
}
