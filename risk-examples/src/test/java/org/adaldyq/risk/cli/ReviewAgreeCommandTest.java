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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code review agree}: two experts review the worksheet of the Russian sample, one striking out a finding the other
 * confirms; the command counts, gives kappa, names the provision, and writes the review a third expert finishes,
 * which {@code scan --review} reads as it is.
 */
class ReviewAgreeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RU = "../data/samples/ru/kz-laws_rus_104440.md";

    @Test
    void twoExpertsReviewsAreComparedAndTheirDisputeGoesToAThird(@TempDir Path dir) throws Exception {
        Path worksheet = dir.resolve("worksheet.jsonl");
        assertThat(run(new StringWriter(), new StringWriter(), "scan", "--format", "review", "--output", worksheet.toString(), RU)).isZero();
        List<String> lines = Files.readAllLines(worksheet);
        int disputed = -1;
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        String code = null;
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode a = (ObjectNode) JSON.readTree(lines.get(i));
            ObjectNode b = a.deepCopy();
            if (disputed < 0 && a.get("found").size() > 0) {
                disputed = i;
                code = a.get("found").get(0).asText();
                a.putArray("struck").add(code);
                a.putObject("notes").put(code, "a deadline is set in Article 3");
                b.putArray("confirmed").add(code);
                a.remove("factors");
                b.remove("factors");
            }
            first.add(a.toString());
            second.add(b.toString());
        }
        Path a = Files.write(dir.resolve("expert-a.jsonl"), first);
        Path b = Files.write(dir.resolve("expert-b.jsonl"), second);
        Path adjudicate = dir.resolve("adjudicate.jsonl");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(out, err, "review", "agree", a.toString(), b.toString(), "--adjudicate", adjudicate.toString())).isZero();
        String provision = JSON.readTree(lines.get(disputed)).get("provision").asText();
        assertThat(out.toString()).contains(lines.size() + " provision(s) in both (0 only in the first, 0 only in the second), 1 decided on by both")
                .contains("same factors: " + (lines.size() - 1) + " of " + lines.size())
                .contains("differ: kz-laws_rus_104440.md " + provision + ": [] / [" + code + "]");
        assertThat(err.toString()).contains("1 provision(s) with a \"dispute\" to decide");

        StringWriter json = new StringWriter();
        assertThat(run(json, new StringWriter(), "review", "agree", "--format", "json", a.toString(), b.toString())).isZero();
        JsonNode g = JSON.readTree(json.toString());
        assertThat(g.get("sameFactors").asInt()).isEqualTo(lines.size() - 1);
        assertThat(g.get("factors").get(code).get("first").asInt() + 1).isEqualTo(g.get("factors").get(code).get("second").asInt());
        assertThat(g.get("factors").get(code).get("kappa").asDouble()).isBetween(0.0, 1.0);
        assertThat(g.get("disputed")).singleElement().satisfies(d -> assertThat(d.get("provision").asText()).isEqualTo(provision));

        // the review to adjudicate: every provision, the disputed one as scanned with what each expert decided
        List<JsonNode> review = new ArrayList<>();
        for (String line : Files.readAllLines(adjudicate)) {
            review.add(JSON.readTree(line));
        }
        assertThat(review).hasSize(lines.size());
        String decided = code;
        assertThat(review).filteredOn(l -> l.has("dispute")).singleElement().satisfies(l -> {
            assertThat(l.get("provision").asText()).isEqualTo(provision);
            assertThat(l.get("struck")).isEmpty();
            assertThat(l.get("dispute").get(decided).asText())
                    .isEqualTo("expert-a.jsonl: исключает («a deadline is set in Article 3») / expert-b.jsonl: подтверждает");
        });
        // the third expert sides with the first: the finding goes
        ObjectNode third = (ObjectNode) review.stream().filter(l -> l.has("dispute")).findFirst().orElseThrow();
        third.putArray("factors");
        List<String> finished = new ArrayList<>();
        review.forEach(l -> finished.add(l.toString()));
        Files.write(adjudicate, finished);
        StringWriter reviewed = new StringWriter();
        StringWriter said = new StringWriter();
        assertThat(run(reviewed, said, "scan", "--format", "json", "--review", adjudicate.toString(), RU)).isZero();
        assertThat(said.toString()).contains("review: 1 decision(s) applied");
        JsonNode report = JSON.readTree(reviewed.toString()).get(0);
        assertThat(report.get("findings")).noneMatch(f -> f.get("provision").asText().equals(provision) && f.get("factor").asText().equals(decided));

        err = new StringWriter();
        assertThat(run(new StringWriter(), err, "review", "agree", a.toString(), dir.resolve("none.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no such file: " + dir.resolve("none.jsonl"));
        Files.writeString(dir.resolve("bad.jsonl"), "{\"act\": 1}\n");
        err = new StringWriter();
        assertThat(run(new StringWriter(), err, "review", "agree", a.toString(), dir.resolve("bad.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString()).contains(dir.resolve("bad.jsonl") + ":1:");
    }

    /**
     * A panel of three: two strike out a finding the third keeps, one adds a factor the others do not; the command
     * gives Fleiss' kappa, names the two provisions, and the review for the chair holds the majority's factors and
     * what each expert decided, which {@code scan --review} reads as it is.
     */
    @Test
    void aPanelOfThreeIsComparedAndItsChairGetsTheMajority(@TempDir Path dir) throws Exception {
        Path worksheet = dir.resolve("worksheet.jsonl");
        assertThat(run(new StringWriter(), new StringWriter(), "scan", "--format", "review", "--output", worksheet.toString(), RU)).isZero();
        List<String> lines = Files.readAllLines(worksheet);
        List<List<String>> experts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        int struckAt = -1;
        int addedAt = -1;
        String code = null;
        for (int i = 0; i < lines.size(); i++) {
            ObjectNode line = (ObjectNode) JSON.readTree(lines.get(i));
            line.remove("factors");
            List<ObjectNode> mine = List.of(line.deepCopy(), line.deepCopy(), line.deepCopy());
            if (struckAt < 0 && line.get("found").size() > 0) {
                struckAt = i;
                code = line.get("found").get(0).asText();
                mine.get(0).putArray("struck").add(code);
                mine.get(1).putArray("struck").add(code);
            } else if (addedAt < 0 && line.get("found").isEmpty() && line.get("text").asText().length() > 60) {
                addedAt = i;
                mine.get(2).putArray("added").add("WIDE_DISCRETION");
            }
            for (int e = 0; e < 3; e++) {
                experts.get(e).add(mine.get(e).toString());
            }
        }
        Path a = Files.write(dir.resolve("a.jsonl"), experts.get(0));
        Path b = Files.write(dir.resolve("b.jsonl"), experts.get(1));
        Path c = Files.write(dir.resolve("c.jsonl"), experts.get(2));
        Path chair = dir.resolve("chair.jsonl");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(out, err, "review", "agree", a.toString(), b.toString(), c.toString(), "--adjudicate", chair.toString())).isZero();
        assertThat(out.toString()).startsWith("panel of 3: a.jsonl, b.jsonl, c.jsonl: " + lines.size() + " provision(s) reviewed by all, "
                + (lines.size() - 2) + " given the same factors by all")
                .contains("pairs, Cohen's kappa pooled: #1/#2 1.000, #1/#3 ")
                .containsPattern("(?m)^WIDE_DISCRETION +(\\d+) +\\1 +\\d+ +0\\.\\d{3}$");
        assertThat(out.toString().lines().filter(l -> l.startsWith("differ: kz-laws_rus_104440.md "))).hasSize(2);
        assertThat(err.toString()).contains("2 provision(s) with a \"dispute\" to decide");

        StringWriter json = new StringWriter();
        assertThat(run(json, new StringWriter(), "review", "agree", "--format", "json", a.toString(), b.toString(), c.toString())).isZero();
        JsonNode g = JSON.readTree(json.toString());
        assertThat(g.get("panel")).hasSize(3);
        assertThat(g.get("disputed")).hasSize(2);
        JsonNode given = g.get("factors").get("WIDE_DISCRETION").get("given");
        assertThat(given.get(0).asInt()).isEqualTo(given.get(1).asInt());
        assertThat(given.get(2).asInt()).isEqualTo(given.get(0).asInt() + 1);
        assertThat(g.get("pooledKappa").asDouble()).isBetween(0.0, 1.0);

        List<JsonNode> review = new ArrayList<>();
        for (String line : Files.readAllLines(chair)) {
            review.add(JSON.readTree(line));
        }
        String struckCode = code;
        assertThat(review.get(struckAt).get("struck").toString()).isEqualTo("[\"" + struckCode + "\"]"); // two of three
        assertThat(review.get(struckAt).get("dispute").get(struckCode).asText()).contains("a.jsonl: исключает").contains("c.jsonl: оставляет");
        assertThat(review.get(addedAt).get("added")).isEmpty(); // one of three
        assertThat(review.get(addedAt).get("dispute").get("WIDE_DISCRETION").asText()).contains("c.jsonl: добавляет");
        assertThat(run(new StringWriter(), new StringWriter(), "scan", "--format", "json", "--review", chair.toString(), RU)).isZero();
    }
}
