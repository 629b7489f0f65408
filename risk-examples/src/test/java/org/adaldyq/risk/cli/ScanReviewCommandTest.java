package org.adaldyq.risk.cli;

import static org.adaldyq.risk.cli.ScanDocxCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.adaldyq.risk.train.LabelledProvision;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The expert's review from the command line: {@code scan --format review} writes the worksheet (a line per
 * provision, an unreadable input on standard error only), a worksheet edited the way an expert would is read
 * back by {@code --review} in JSON and in the conclusion, the same file is labelled data for {@code train} and
 * {@code evaluate}, and a bad review file is a usage error naming its line.
 */
class ScanReviewCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aWorksheetEditedByTheExpertDecidesWhatTheReportsSay(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("empty.txt"), new byte[0]);
        Path worksheet = dir.resolve("worksheet.jsonl");
        StringWriter err = new StringWriter();
        int code = run(new StringWriter(), err, "scan", "--format", "review", "--output", worksheet.toString(),
                "../data/samples/ru", dir.resolve("empty.txt").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("empty.txt: ERROR (EMPTY)");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(worksheet)) {
            lines.add(JSON.readTree(line));
        }
        StringWriter json = new StringWriter();
        run(json, new StringWriter(), "scan", "--format", "json", "../data/samples/ru");
        JsonNode report = JSON.readTree(json.toString()).get(0);
        assertThat(lines).hasSize(report.get("provisionCount").asInt());
        assertThat(lines.stream().mapToInt(l -> l.get("found").size()).sum()).isEqualTo(report.get("findings").size());

        // the expert strikes one factor out by editing the factors, and adds one to a provision with none
        ObjectNode struck = (ObjectNode) lines.stream().filter(l -> l.get("found").size() == 1).findFirst().orElseThrow();
        String struckCode = struck.get("found").get(0).asText();
        struck.putArray("factors");
        ObjectNode added = (ObjectNode) lines.stream().filter(l -> l.get("found").isEmpty() && l.get("text").asText().length() > 60)
                .findFirst().orElseThrow();
        added.putArray("factors").add("MISSING_PROCEDURE");
        Path reviewed = dir.resolve("reviewed.jsonl");
        Files.write(reviewed, lines.stream().map(JsonNode::toString).toList());

        StringWriter after = new StringWriter();
        StringWriter said = new StringWriter();
        assertThat(run(after, said, "scan", "--format", "json", "--review", reviewed.toString(), "../data/samples/ru")).isZero();
        assertThat(said.toString()).contains("review: 2 decision(s) applied to ../data/samples/ru/kz-laws_rus_104440.md");
        JsonNode afterReport = JSON.readTree(after.toString()).get(0);
        assertThat(afterReport.get("findings").size()).isEqualTo(report.get("findings").size());
        assertThat(afterReport.get("findings")).noneMatch(f -> f.get("provision").asText().equals(struck.get("provision").asText())
                && f.get("factor").asText().equals(struckCode));
        assertThat(afterReport.get("findings")).filteredOn(f -> f.get("ruleId").asText().equals("review:added")).singleElement()
                .satisfies(f -> {
                    assertThat(f.get("factor").asText()).isEqualTo("MISSING_PROCEDURE");
                    assertThat(f.get("provision").asText()).isEqualTo(added.get("provision").asText());
                });

        Path conclusion = dir.resolve("conclusion.docx");
        StringWriter out = new StringWriter();
        assertThat(run(out, new StringWriter(), "scan", "--format", "conclusion", "--output", conclusion.toString(), "--review",
                reviewed.toString(), "../data/samples/ru")).isZero();
        try (var in = Files.newInputStream(conclusion); XWPFDocument doc = new XWPFDocument(in)) {
            assertThat(doc.getTables().get(1).getText()).contains("MISSING_PROCEDURE").contains("добавлено экспертом");
            assertThat(ScanConclusionCommandTest.counted(doc)).isEqualTo(afterReport.get("findings").size());
        }

        // the draft back with comments: one per finding as reviewed, the added one saying so
        Path docx = dir.resolve("reviewed.docx");
        assertThat(run(new StringWriter(), new StringWriter(), "scan", "--format", "docx", "--output", docx.toString(), "--review",
                reviewed.toString(), "../data/samples/ru/kz-laws_rus_104440.md")).isZero();
        try (var in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            assertThat(doc.getComments()).hasSize(afterReport.get("findings").size());
            assertThat(doc.getComments()).filteredOn(c -> c.getText().contains("added by the expert")).singleElement()
                    .satisfies(c -> assertThat(c.getText()).contains("MISSING_PROCEDURE"));
        }

        // the reviewed worksheet is labelled data: train and evaluate read it as it is
        List<LabelledProvision> labelled = LabelledProvision.read(reviewed);
        assertThat(labelled).hasSize(lines.size());
        assertThat(labelled).filteredOn(p -> p.id().equals(added.get("id").asText())).singleElement()
                .satisfies(p -> assertThat(p.factors()).isEqualTo(Set.of("MISSING_PROCEDURE")));
        assertThat(labelled).filteredOn(p -> p.id().equals(struck.get("id").asText())).singleElement()
                .satisfies(p -> assertThat(p.factors()).isEmpty());
        StringWriter evaluation = new StringWriter();
        assertThat(run(evaluation, new StringWriter(), "evaluate", "--data", reviewed.toString(), "--split", "all", "--bootstrap", "0"))
                .isZero();
        assertThat(evaluation.toString()).contains(lines.size() + " provisions");
    }

    @Test
    void aReviewOfAnotherVersionOrAnotherFileIsNamedNotApplied(@TempDir Path dir) throws Exception {
        Path worksheet = dir.resolve("worksheet.jsonl");
        run(new StringWriter(), new StringWriter(), "scan", "--format", "review", "--output", worksheet.toString(), "../data/samples/ru");
        List<String> lines = new ArrayList<>(Files.readAllLines(worksheet));
        int i = 0;
        while (JSON.readTree(lines.get(i)).get("found").isEmpty()) {
            i++;
        }
        ObjectNode decided = (ObjectNode) JSON.readTree(lines.get(i));
        decided.putArray("factors");
        lines.set(i, decided.toString());
        Files.write(worksheet, lines);

        // the next version: the same file name, a word changed in the decided provision
        Path next = dir.resolve("kz-laws_rus_104440.md");
        String text = Files.readString(Path.of("../data/samples/ru/kz-laws_rus_104440.md"));
        String words = decided.get("text").asText();
        String last = words.substring(words.lastIndexOf('\n') + 1);
        Files.writeString(next, text.replace(last, last.replaceFirst(" ", " (изм.) ")));
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        assertThat(run(out, err, "scan", "--review", worksheet.toString(), next.toString())).isZero();
        assertThat(err.toString()).contains("review: 1 decision(s) not applied to " + next + ", its words changed since: "
                + decided.get("provision").asText());

        err = new StringWriter();
        run(new StringWriter(), err, "scan", "--review", worksheet.toString(), "../data/samples/kk");
        assertThat(err.toString()).contains("review: decisions on file(s) not scanned here: kz-laws_rus_104440.md");
    }

    /**
     * The review of a draft goes on to its next version saved under another name: by itself when one text is
     * scanned and the review decides on one other text in its language, else as --earlier-version names it.
     */
    @Test
    void aReviewOfTheEarlierVersionGoesOnToTheNextUnderItsNewName(@TempDir Path dir) throws Exception {
        String text = Files.readString(Path.of("../data/samples/ru/kz-laws_rus_104440.md"));
        Path v1 = dir.resolve("draft-v1.md");
        Files.writeString(v1, text);
        Path worksheet = dir.resolve("draft-v1.review.jsonl");
        run(new StringWriter(), new StringWriter(), "scan", "--format", "review", "--output", worksheet.toString(), v1.toString());
        List<String> lines = new ArrayList<>(Files.readAllLines(worksheet));
        int i = 0;
        while (JSON.readTree(lines.get(i)).get("found").isEmpty()) {
            i++;
        }
        ObjectNode decided = (ObjectNode) JSON.readTree(lines.get(i));
        String code = decided.get("found").get(0).asText();
        decided.putArray("struck").add(code);
        decided.remove("factors");
        lines.set(i, decided.toString());
        Files.write(worksheet, lines);

        // the next version: a paragraph added at the top moves every provision
        Path v2 = dir.resolve("draft-v2.md");
        Files.writeString(v2, "Редакция, внесённая рабочей группой.\n\n" + text);
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        assertThat(run(out, err, "scan", "--format", "json", "--review", worksheet.toString(), v2.toString())).isZero();
        assertThat(err.toString()).contains("review: the decisions on draft-v1.md taken as made on an earlier version of " + v2)
                .contains("review: 1 decision(s) applied to " + v2).doesNotContain("not scanned here");
        JsonNode reviewed = JSON.readTree(out.toString()).get(0);
        StringWriter plain = new StringWriter();
        run(plain, new StringWriter(), "scan", "--format", "json", v2.toString());
        JsonNode scanned = JSON.readTree(plain.toString()).get(0);
        assertThat(reviewed.get("findings").size()).isEqualTo(scanned.get("findings").size() - 1);
        assertThat(reviewed.get("findings")).noneMatch(f -> f.get("provision").asText().equals(decided.get("provision").asText())
                && f.get("factor").asText().equals(code));

        // an input that cannot be read beside it: its error record, the text still reviewed as named
        out = new StringWriter();
        err = new StringWriter();
        assertThat(run(out, err, "scan", "--format", "jsonl", "--review", worksheet.toString(), "--earlier-version", "draft-v1.md=draft-v2.md",
                v2.toString(), dir.resolve("missing.md").toString())).isEqualTo(1);
        assertThat(out.toString().lines()).hasSize(2).last().satisfies(l -> assertThat(l).contains("\"reason\":\"NOT_FOUND\""));
        assertThat(err.toString()).contains("review: 1 decision(s) applied to " + v2);

        // two texts: which one is the next version is not guessed, it is named
        String kk = "../data/samples/kk/kz-laws_kaz_104440.md";
        err = new StringWriter();
        run(new StringWriter(), err, "scan", "--review", worksheet.toString(), v2.toString(), kk);
        assertThat(err.toString()).contains("review: decisions on file(s) not scanned here: draft-v1.md").doesNotContain("applied to");
        err = new StringWriter();
        run(new StringWriter(), err, "scan", "--review", worksheet.toString(), "--earlier-version", "draft-v1.md=draft-v2.md", v2.toString(), kk);
        assertThat(err.toString()).contains("review: 1 decision(s) applied to " + v2).doesNotContain("not scanned here");

        // two reviewed texts in the language that could both be the earlier version: none is taken, the choice is asked for
        Path other = dir.resolve("draft-v0.review.jsonl");
        Files.write(other, List.of(((ObjectNode) JSON.readTree(lines.get(i))).put("act", "draft-v0.md").toString()));
        err = new StringWriter();
        run(new StringWriter(), err, "scan", "--review", worksheet.toString(), "--review", other.toString(), v2.toString());
        assertThat(err.toString()).contains("review: " + v2 + " has no decisions of its own and 2 reviewed files in ru could be its earlier "
                + "version (draft-v0.md, draft-v1.md): name one with --earlier-version OLD=draft-v2.md").doesNotContain("applied to");

        err = new StringWriter();
        assertThat(run(new StringWriter(), err, "scan", "--review", worksheet.toString(), "--earlier-version", "draft.md=draft-v2.md",
                v2.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--earlier-version draft.md=draft-v2.md: the review decides nothing on draft.md (it decides on "
                + "draft-v1.md)");
    }

    /** With --pair, each version as the expert reviewed it: a factor struck out in the Russian version only is then found in one version. */
    @Test
    void thePairOfOfficialVersionsIsReportedAsReviewed(@TempDir Path dir) throws Exception {
        String kk = "../data/samples/kk/kz-laws_kaz_104440.md";
        String ru = "../data/samples/ru/kz-laws_rus_104440.md";
        StringWriter before = new StringWriter();
        run(before, new StringWriter(), "scan", "--pair", "--format", "json", kk, ru);
        JsonNode pair = JSON.readTree(before.toString());
        JsonNode both = null;
        for (JsonNode f : pair.get("findings")) {
            if (f.get("in").size() == 2) {
                both = f;
                break;
            }
        }
        assertThat(both).isNotNull();
        Path worksheet = dir.resolve("ru.review.jsonl");
        run(new StringWriter(), new StringWriter(), "scan", "--format", "review", "--output", worksheet.toString(), ru);
        String code = both.get("factor").asText();
        String provision = both.get("provision").asText();
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(worksheet)) {
            ObjectNode l = (ObjectNode) JSON.readTree(line);
            if (l.get("provision").asText().equals(provision)) {
                l.putArray("struck").add(code);
                l.remove("factors");
            }
            lines.add(l.toString());
        }
        Files.write(worksheet, lines);
        StringWriter after = new StringWriter();
        assertThat(run(after, new StringWriter(), "scan", "--pair", "--format", "json", "--review", worksheet.toString(), kk, ru)).isZero();
        JsonNode reviewed = JSON.readTree(after.toString());
        assertThat(reviewed.get("findings").size()).isEqualTo(pair.get("findings").size());
        assertThat(reviewed.get("findings")).filteredOn(f -> f.get("factor").asText().equals(code) && f.get("provision").asText().equals(provision))
                .singleElement().satisfies(f -> assertThat(f.get("in").toString()).isEqualTo("[\"kk\"]"));

        // the worksheet of the pair: both versions' lines in one file, the decision made kept in it
        Path pairSheet = dir.resolve("pair.review.jsonl");
        assertThat(run(new StringWriter(), new StringWriter(), "scan", "--pair", "--format", "review", "--review", worksheet.toString(),
                "--output", pairSheet.toString(), kk, ru)).isZero();
        List<JsonNode> sheet = new ArrayList<>();
        for (String line : Files.readAllLines(pairSheet)) {
            sheet.add(JSON.readTree(line));
        }
        assertThat(sheet.stream().map(l -> l.get("lang").asText()).distinct()).containsExactly("kk", "ru");
        assertThat(sheet).hasSize(pair.get("provisions").get("kk").asInt() + pair.get("provisions").get("ru").asInt());
        assertThat(sheet).filteredOn(l -> l.get("struck").size() > 0).singleElement().satisfies(l -> {
            assertThat(l.get("lang").asText()).isEqualTo("ru");
            assertThat(l.get("provision").asText()).isEqualTo(provision);
        });
    }

    @Test
    void aBadReviewFileIsAUsageErrorNamingItsLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "\n{\"act\": \"x.md\"}\n");
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "scan", "--review", bad.toString(), "../data/samples/ru")).isEqualTo(2);
        assertThat(err.toString()).contains("--review " + bad + ":2: no \"provision\"");
        err = new StringWriter();
        assertThat(run(new StringWriter(), err, "scan", "--review", dir.resolve("none.jsonl").toString(), "../data/samples/ru"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--review no such file: " + dir.resolve("none.jsonl"));
        err = new StringWriter();
        assertThat(run(new StringWriter(), err, "scan", "--isolate", "--format", "jsonl", "--review", bad.toString(), "../data/samples/ru"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--review applies to a scan in this JVM, not to --isolate");
    }
}
