package org.adaldyq.risk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan --pair} on the bundled Kazakh/Russian twin, and {@code train} rebuilding models byte for byte. */
class PairAndTrainCommandTest {

    static final String KK = "../data/samples/kk/kz-laws_kaz_104440.md";
    static final String RU = "../data/samples/ru/kz-laws_rus_104440.md";

    @TempDir
    Path dir;

    static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = RiskCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new String[] {String.valueOf(exit), out.toString(), err.toString()};
    }

    @Test
    void pairAsAPageShowsEachFindingAsBothVersionsHaveIt() throws Exception {
        JsonNode counts = new ObjectMapper().readTree(run("scan", "--pair", "--format", "json", KK, RU)[1]).get("counts");
        int both = counts.get("both").asInt();
        int oneSided = counts.get("kk").asInt() + counts.get("ru").asInt();
        assertThat(both).isPositive();
        assertThat(oneSided).isPositive();
        Path page = dir.resolve("pair.html");
        String[] r = run("scan", "--pair", "--format", "html", "--output", page.toString(), KK, RU);
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).isEmpty();
        String html = Files.readString(page);
        // one script, the review's, allowed by its hash; each version's review lines as data
        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("script-src " + org.adaldyq.risk.report.writer.HtmlPairReport.scriptSource() + "\"")
                .contains("kz-laws_kaz_104440.md", "kz-laws_rus_104440.md", "Екі ресми нұсқа");
        assertThat(count(html, "<script>")).isEqualTo(1);
        assertThat(count(html, "<script type=\"application/json\" class=\"review-data\"")).isEqualTo(2);
        // a note per version that has the finding, a placeholder where the other has none
        assertThat(count(html, "<aside class=\"note\"")).isEqualTo(2 * both + oneSided);
        assertThat(count(html, "<div class=\"missing\"")).isEqualTo(oneSided);
        assertThat(html.indexOf("Екі нұсқада да анықталды")).isPositive().isLessThan(html.indexOf("Тек бір нұсқада анықталды"));
    }

    @Test
    void pairRefusesSarifAndWantsAFolderForWordFiles() throws Exception {
        String[] sarif = run("scan", "--pair", "--format", "sarif", KK, RU);
        assertThat(sarif[0]).isEqualTo("2");
        assertThat(sarif[2]).contains("not sarif");
        Path file = Files.writeString(dir.resolve("a-file.docx"), "");
        for (List<String> output : List.of(List.<String>of(), List.of("--output", file.toString()))) {
            List<String> args = new java.util.ArrayList<>(List.of("scan", "--pair", "--format", "docx"));
            args.addAll(output);
            args.addAll(List.of(KK, RU));
            String[] r = run(args.toArray(String[]::new));
            assertThat(r[0]).as(output.toString()).isEqualTo("2");
            assertThat(r[2]).as(output.toString()).contains("give it --output FOLDER");
        }
    }

    @Test
    void pairAsWordFilesTellsEachVersionWhatTheOtherHas() throws Exception {
        JsonNode counts = new ObjectMapper().readTree(run("scan", "--pair", "--format", "json", KK, RU)[1]).get("counts");
        int both = counts.get("both").asInt();
        int kkOnly = counts.get("kk").asInt();
        int ruOnly = counts.get("ru").asInt();
        assertThat(ruOnly).isPositive();
        Path out = dir.resolve("reviews");
        String[] r = run("scan", "--pair", "--format", "docx", "--output", out.toString(), KK, RU);
        assertThat(r[0]).isEqualTo("0");
        List<String> kk = comments(out.resolve("kz-laws_kaz_104440.review.docx"));
        List<String> ru = comments(out.resolve("kz-laws_rus_104440.review.docx"));
        // every finding of the pair is a comment in each version's file, its own or the other's
        assertThat(kk).hasSize(both + kkOnly + ruOnly);
        assertThat(ru).hasSize(both + kkOnly + ruOnly);
        assertThat(kk.stream().filter(c -> c.contains(" — kk+ru ["))).hasSize(both);
        assertThat(kk.stream().filter(c -> c.contains(" — тек ru [") && c.contains("ru нұсқасында осы нормада бұл фактор анықталды"))).hasSize(ruOnly);
        assertThat(ru.stream().filter(c -> c.contains(" — только ru [") && c.contains("В версии kk здесь такой фактор не выявлен"))).hasSize(ruOnly);
    }

    /**
     * At --min-confidence 0.7 a finding both versions have stays, in both Word files, with the confidence measured
     * for that case (the pair row, above 0.7) and says so in words; the Russian rows of several of those factors
     * are below 0.7. (A comment kept below the minimum because the other version reached it, which happens
     * without a pair row: PairMinimumConfidenceTest.)
     */
    @Test
    void aWordCommentOfAFindingBothVersionsHaveCarriesThePairsConfidence() throws Exception {
        JsonNode pair = new ObjectMapper().readTree(run("scan", "--pair", "--format", "json", "--min-confidence", "0.7", KK, RU)[1]);
        int both = 0;
        for (JsonNode f : pair.get("findings")) {
            if (f.get("in").size() == 2) {
                both++;
                assertThat(f.get("ru").get("confidence").asDouble()).isEqualTo(f.get("kk").get("confidence").asDouble())
                        .isEqualTo(f.get("confidence").asDouble()).isGreaterThan(0.7);
            }
        }
        assertThat(both).isPositive();
        Path out = dir.resolve("reviews-0.7");
        assertThat(run("scan", "--pair", "--format", "docx", "--min-confidence", "0.7", "--output", out.toString(), KK, RU)[0]).isEqualTo("0");
        List<String> ru = comments(out.resolve("kz-laws_rus_104440.review.docx"));
        assertThat(ru).hasSize(pair.get("findings").size());
        assertThat(ru.stream().filter(c -> c.contains("есть в обеих официальных версиях: верно в"))).hasSize(both);
        assertThat(ru).noneMatch(c -> c.contains("Показан, хотя его достоверность ниже"));
        List<String> kk = comments(out.resolve("kz-laws_kaz_104440.review.docx"));
        assertThat(kk.stream().filter(c -> c.contains("екі ресми нұсқада да бар"))).hasSize(both);
    }

    @Test
    void aWordOriginalKeepsItsTextAndGetsTheOtherVersionsFindingOnItsProvision() throws Exception {
        Path kk = docx(dir.resolve("kk.docx"), "1-бап. Рұқсаттар", "1. Уәкілетті орган өтінішті он жұмыс күні ішінде қарайды.");
        Path ru = docx(dir.resolve("ru.docx"), "Статья 1. Разрешения",
                "1. Уполномоченный орган вправе отказать в выдаче разрешения по иным основаниям.");
        Path out = dir.resolve("reviews");
        String[] r = run("scan", "--pair", "--format", "docx", "--output", out.toString(), kk.toString(), ru.toString());
        assertThat(r[0]).as(r[1] + r[2]).isEqualTo("0");
        assertThat(r[1]).contains("0 only in kk").doesNotContain("not anchored");
        try (var in = Files.newInputStream(out.resolve("kk.review.docx"));
                var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(in)) {
            assertThat(doc.getParagraphs()).extracting(org.apache.poi.xwpf.usermodel.XWPFParagraph::getText)
                    .containsExactly("1-бап. Рұқсаттар", "1. Уәкілетті орган өтінішті он жұмыс күні ішінде қарайды.");
            assertThat(doc.getComments()).isNotEmpty().allSatisfy(c -> assertThat(c.getText()).contains("— тек ru [", "ru нұсқасында осы нормада"));
        }
    }

    private static Path docx(Path file, String... paragraphs) throws Exception {
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(); var out = Files.newOutputStream(file)) {
            for (String p : paragraphs) {
                doc.createParagraph().createRun().setText(p);
            }
            doc.write(out);
        }
        return file;
    }

    /** The text of each comment of a DOCX, its paragraphs joined by " | ". */
    private static List<String> comments(Path docx) throws Exception {
        try (var zip = new java.util.zip.ZipFile(docx.toFile())) {
            String xml = new String(zip.getInputStream(zip.getEntry("word/comments.xml")).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            List<String> out = new java.util.ArrayList<>();
            java.util.regex.Matcher comment = java.util.regex.Pattern.compile("<w:comment .*?</w:comment>", java.util.regex.Pattern.DOTALL).matcher(xml);
            while (comment.find()) {
                java.util.regex.Matcher t = java.util.regex.Pattern.compile("<w:t[^>]*>([^<]*)</w:t>").matcher(comment.group());
                List<String> parts = new java.util.ArrayList<>();
                while (t.find()) {
                    parts.add(t.group(1));
                }
                out.add(String.join(" | ", parts));
            }
            return out;
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void pairAlignsTheTwoOfficialVersionsAndMarksOneSidedFindings() throws Exception {
        String[] r = run("scan", "--pair", "--format", "json", KK, RU);
        assertThat(r[0]).isEqualTo("0");
        JsonNode pair = new ObjectMapper().readTree(r[1]);
        assertThat(pair.get("languages").toString()).isEqualTo("[\"kk\",\"ru\"]");
        int aligned = pair.get("provisions").get("aligned").asInt();
        assertThat(aligned).isGreaterThan(40).isLessThanOrEqualTo(Math.min(pair.get("provisions").get("kk").asInt(),
                pair.get("provisions").get("ru").asInt()));
        JsonNode counts = pair.get("counts");
        JsonNode findings = pair.get("findings");
        assertThat(counts.get("both").asInt() + counts.get("kk").asInt() + counts.get("ru").asInt()).isEqualTo(findings.size());
        int both = 0;
        for (JsonNode f : findings) {
            List<String> in = Stream.of(f.get("in")).flatMap(n -> java.util.stream.StreamSupport.stream(n.spliterator(), false))
                    .map(JsonNode::asText).toList();
            assertThat(in).isNotEmpty();
            for (String lang : in) {
                JsonNode finding = f.get(lang);
                assertThat(finding.get("factor").asText()).isEqualTo(f.get("factor").asText());
                assertThat(finding.get("provision").asText()).isEqualTo(f.get("provision").asText());
            }
            both += in.size() == 2 ? 1 : 0;
        }
        assertThat(both).isEqualTo(counts.get("both").asInt()).isGreaterThan(0);
        // the union holds every finding of each version's own report
        assertThat(pair.get("reports").get(0).get("findings").size()).isEqualTo(counts.get("both").asInt() + counts.get("kk").asInt());
        assertThat(pair.get("reports").get(1).get("findings").size()).isEqualTo(counts.get("both").asInt() + counts.get("ru").asInt());
    }

    @Test
    void pairNeedsExactlyTwoFiles() {
        String[] r = run("scan", "--pair", KK);
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--pair takes exactly two files");
    }

    @Test
    void trainRebuildsTheSameModelsByteForByte() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        for (Path out : List.of(a, b)) {
            String[] r = run("train", "--data", "../data/annotated", "--out", out.resolve("models").toString(),
                    "--thresholds", out.resolve("thresholds.csv").toString());
            assertThat(r[0]).as(r[2]).isEqualTo("0");
            assertThat(r[1]).contains("wrote");
        }
        List<Path> models;
        try (Stream<Path> s = Files.list(a.resolve("models"))) {
            models = s.sorted().toList();
        }
        assertThat(models).anyMatch(p -> p.toString().endsWith("OPTIONAL_POWER.model"));
        for (Path m : models) {
            assertThat(Files.readAllBytes(b.resolve("models").resolve(m.getFileName()))).as(m.getFileName().toString())
                    .isEqualTo(Files.readAllBytes(m));
        }
        assertThat(Files.readString(b.resolve("thresholds.csv"))).isEqualTo(Files.readString(a.resolve("thresholds.csv")))
                .contains("OPTIONAL_POWER.signal.accept,");
        // the folder the models were written to is an author folder the engine can load
        String[] scan = run("scan", "--rules", a.toString(), "--format", "jsonl", KK);
        assertThat(scan[0]).as(scan[2]).isEqualTo("0");
    }

    @Test
    void trainWritesEachProvisionsOutOfFoldScoreWithItsLabelAndTheRulesVerdict() throws Exception {
        Path oof = dir.resolve("oof.tsv");
        String[] r = run("train", "--data", "../data/annotated", "--out", dir.resolve("m").toString(),
                "--thresholds", dir.resolve("t.csv").toString(), "--oof", oof.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        List<String> lines = Files.readAllLines(oof);
        assertThat(lines.get(0)).isEqualTo("id\tlang\tact\tfactor\tlabelled\trules\tscore");
        java.util.Map<String, java.util.Set<String>> labelled = new java.util.HashMap<>();
        for (var p : org.adaldyq.risk.train.LabelledProvision.read(List.of(Path.of("../data/annotated")))) {
            labelled.put(p.id(), p.factors());
        }
        java.util.Set<String> factors = new java.util.TreeSet<>();
        int positives = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            assertThat(f).hasSize(7);
            assertThat(labelled).containsKey(f[0]);
            // the label column is the provision's own label for that factor
            assertThat(f[4]).isEqualTo(labelled.get(f[0]).contains(f[3]) ? "1" : "0");
            assertThat(Double.parseDouble(f[6])).isBetween(0.0, 1.0);
            factors.add(f[3]);
            positives += f[4].equals("1") ? 1 : 0;
        }
        // every provision once per trained factor
        assertThat(lines).hasSize(1 + labelled.size() * factors.size());
        assertThat(factors).contains("OPTIONAL_POWER", "BLANKET_DELEGATION");
        assertThat(positives).isPositive();
    }

    @Test
    void evaluateByRuleCountsEachRulesRightAndWrongProvisions() throws Exception {
        Path data = dir.resolve("labelled.jsonl");
        Files.writeString(data, String.join("\n",
                "{\"id\":\"a\",\"lang\":\"ru\",\"text\":\"Уполномоченный орган вправе приостановить действие лицензии.\",\"factors\":[\"OPTIONAL_POWER\"]}",
                "{\"id\":\"b\",\"lang\":\"ru\",\"text\":\"Таможенный орган вправе отказать в выдаче разрешения.\",\"factors\":[]}",
                "{\"id\":\"c\",\"lang\":\"ru\",\"text\":\"Заявление рассматривается в течение десяти рабочих дней.\",\"factors\":[]}") + "\n");
        String[] r = run("evaluate", "--data", data.toString(), "--bootstrap", "0", "--by-rule");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        // right in a, wrong in b (labelled nothing), the only rule to find the factor in both; nothing in c
        assertThat(r[1]).containsPattern("(?m)^ru +OPTIONAL_POWER\\.body-may-act +1 +1 +0\\.500 +1 +1$");
        assertThat(run("evaluate", "--data", data.toString(), "--bootstrap", "0")[1]).doesNotContain("Per rule");
    }

    @Test
    void badLabelledDataIsOneClearLineNamingFileAndLine() throws Exception {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"id\":\"x\",\"lang\":\"kk\",\"text\":\"Мәтін\",\"factors\":[]}\n{not json\n");
        for (String command : List.of("train", "evaluate")) {
            String[] r = command.equals("train")
                    ? run("train", "--data", bad.toString(), "--out", dir.resolve("m").toString(), "--thresholds", dir.resolve("t.csv").toString())
                    : run("evaluate", "--data", bad.toString());
            assertThat(r[0]).isEqualTo("1");
            assertThat(r[2].strip()).startsWith("risk-cli: cannot read labelled provisions: " + bad + ":2: not JSON")
                    .doesNotContain("\tat ");
        }
        Files.writeString(bad, "{\"id\":\"x\",\"lang\":\"de\",\"text\":\"Text\",\"factors\":[]}\n");
        assertThat(run("evaluate", "--data", bad.toString())[2]).contains(bad + ":1: \"lang\" must be kk, ru or en");
        assertThat(run("train", "--learn-from", "train,test")[2]).contains("the test split is never learnt from");
        assertThat(run("train", "--learn-from", "train", "--tune-on", "calib")[2]).contains("--tune-on splits must be among --learn-from [train]");
    }
}
