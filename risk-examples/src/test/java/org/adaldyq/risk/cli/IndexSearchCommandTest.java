package org.adaldyq.risk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code index} then {@code search} on the bundled samples (kk, ru, en). */
class IndexSearchCommandTest {

    private static final Path SAMPLES = Path.of("..", "data", "samples");


    @Test
    void indexThenSearchTheSamples(@TempDir Path tmp) throws Exception {
        String dir = tmp.resolve("idx").toString();
        CliRun indexed = CliRun.of("index", "--dir", dir, SAMPLES.toString());
        assertThat(indexed.exit()).as(indexed.err()).isZero();
        assertThat(indexed.out()).matches("(?s)added 3, unchanged 0, replaced 0, deleted 0, provisions \\d+, [\\d.]+ s\\s*");

        CliRun again = CliRun.of("index", "--dir", dir, SAMPLES.toString());
        assertThat(again.out()).startsWith("added 0, unchanged 3, replaced 0, deleted 0, provisions 0,");

        CliRun text = CliRun.of("search", "--dir", dir, "--lang", "kk", "инвесторға");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("kz-laws_kaz_104440 (kk)").contains("**").contains("provisions match")
                .contains("act: kz-laws_kaz_104440");

        CliRun json = CliRun.of("search", "--dir", dir, "--format", "json", "--sort", "score", "--limit", "3", "*:*");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("hits")).hasSize(3);
        assertThat(root.get("hits").get(0).get("score").asDouble()).isGreaterThanOrEqualTo(root.get("hits").get(2).get("score").asDouble());
        assertThat(root.get("facets").get("language").fieldNames()).toIterable().containsExactlyInAnyOrder("kk", "ru", "en");
        String factor = root.get("facets").get("factor").fieldNames().next();
        long count = root.get("facets").get("factor").get(factor).asLong();

        CliRun jsonl = CliRun.of("search", "--dir", dir, "--format", "jsonl", "--factor", factor, "--limit", "1000", "*:*");
        String[] lines = jsonl.out().strip().split("\n");
        assertThat(lines).hasSize((int) count + 1);
        assertThat(new ObjectMapper().readTree(lines[0]).get("factors").toString()).contains(factor);

        // a reference to an act by title, resolved to the indexed act; a list's lead-in found as such
        CliRun refs = CliRun.of("search", "--dir", dir, "--lang", "ru", "--format", "json", "\"экспертизу на соответствие законодательству\"");
        JsonNode ref = new ObjectMapper().readTree(refs.out()).get("hits").get(0).get("references").get(0);
        assertThat(ref.get("text").asText()).isEqualTo("о государственной поддержке прямых инвестиций");
        assertThat(ref.get("act").asText()).isEqualTo("kz-laws_rus_104440");
        CliRun leadIn = CliRun.of("search", "--dir", dir, "--lang", "ru", "--format", "json", "\"расторгнуть контракт\"");
        JsonNode lead = new ObjectMapper().readTree(leadIn.out()).get("hits").get(0);
        assertThat(lead.get("leadIn").asBoolean()).isTrue();
        assertThat(lead.get("citation").asText()).isEqualTo("Article 13, point 1");

        // the acts of the index, the riskiest first
        CliRun listed = CliRun.of("index", "--dir", dir, "--list");
        assertThat(listed.exit()).as(listed.err()).isZero();
        String[] rows = listed.out().strip().split("\n");
        assertThat(rows[0]).matches("ACT\\s+LANG\\s+PROVISIONS\\s+FINDINGS\\s+SCORE\\s+REVIEWED\\s+TITLE");
        assertThat(rows).hasSize(5);
        assertThat(rows[4]).startsWith("3 act(s), 0 reviewed");
        JsonNode acts = new ObjectMapper().readTree(CliRun.of("index", "--dir", dir, "--list", "--format", "json").out());
        assertThat(acts.get("total").asInt()).isEqualTo(3);
        assertThat(acts.get("acts")).extracting(a -> a.get("id").asText())
                .containsExactlyInAnyOrder("kz-laws_kaz_104440", "kz-laws_rus_104440", "BILLS-116s1014es");
        for (int i = 1; i < 3; i++) {
            assertThat(acts.get("acts").get(i - 1).get("score").asDouble()).isGreaterThanOrEqualTo(acts.get("acts").get(i).get("score").asDouble());
        }
        JsonNode ruAct = acts.get("acts").findParents("id").stream().filter(a -> a.get("id").asText().equals("kz-laws_rus_104440")).findFirst().orElseThrow();
        assertThat(ruAct.get("language").asText()).isEqualTo("ru");
        assertThat(ruAct.get("title").asText()).isEqualTo("О ГОСУДАРСТВЕННОЙ ПОДДЕРЖКЕ ПРЯМЫХ ИНВЕСТИЦИЙ");
        assertThat(ruAct.get("reviewed").asBoolean()).isFalse();
        assertThat(rows[1] + rows[2] + rows[3]).contains("kz-laws_rus_104440  ru  ");
        assertThat(CliRun.of("index", "--dir", dir, "--list", SAMPLES.toString()).exit()).isEqualTo(2);
        CliRun noneListed = CliRun.of("index", "--dir", tmp.resolve("none").toString(), "--list");
        assertThat(noneListed.exit()).isEqualTo(2);
        assertThat(noneListed.err()).contains("no index in");

        // for a spreadsheet: a header, then one record per hit, every field in its column
        CliRun csv = CliRun.of("search", "--dir", dir, "--format", "csv", "--factor", factor, "--limit", "1000", "*:*");
        assertThat(csv.exit()).as(csv.err()).isZero();
        java.util.List<java.util.List<String>> records = Csv.read(csv.out());
        assertThat(records.get(0)).isEqualTo(org.adaldyq.risk.index.SearchCsv.COLUMNS);
        assertThat(records).hasSize((int) count + 1);
        assertThat(records.subList(1, records.size())).allSatisfy(r -> {
            assertThat(r).hasSize(org.adaldyq.risk.index.SearchCsv.COLUMNS.size());
            assertThat(r.get(8)).contains(factor);
            assertThat(r.get(11)).isNotBlank();
        });

        CliRun deleted = CliRun.of("index", "--dir", dir, "--delete", "kz-laws_rus_104440");
        assertThat(deleted.out()).startsWith("added 0, unchanged 0, replaced 0, deleted 1,");
        CliRun ru = CliRun.of("search", "--dir", dir, "--lang", "ru", "--format", "json", "*:*");
        assertThat(new ObjectMapper().readTree(ru.out()).get("total").asLong()).isZero();
    }

    /**
     * The expert's review in the index: a factor struck out is not searchable, a confirmed and an added one are
     * marked and kept by {@code --confirmed}; the same file with a changed review is indexed again, with the
     * same review it is unchanged; a decision on a provision no longer in the file is named on stderr.
     */
    @Test
    void indexTheTextsAsTheExpertReviewedThem(@TempDir Path tmp) throws Exception {
        Path act = tmp.resolve("draft.txt");
        Files.copy(SAMPLES.resolve("ru").resolve("kz-laws_rus_104440.md"), act);
        Path worksheet = tmp.resolve("worksheet.jsonl");
        assertThat(CliRun.of("scan", "--format", "review", "--output", worksheet.toString(), act.toString()).exit()).isZero();
        ObjectMapper json = new ObjectMapper();
        java.util.List<com.fasterxml.jackson.databind.node.ObjectNode> lines = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(worksheet)) {
            lines.add((com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(line));
        }
        java.util.List<com.fasterxml.jackson.databind.node.ObjectNode> found = lines.stream().filter(l -> l.get("found").size() >= 1).toList();
        assertThat(found).hasSizeGreaterThanOrEqualTo(3);
        var struck = found.get(0);
        String struckCode = struck.get("found").get(0).asText();
        struck.putArray("factors"); // everything found in it struck out
        var confirmed = found.get(1);
        String confirmedCode = confirmed.get("found").get(0).asText();
        confirmed.putArray("confirmed").add(confirmedCode);
        var added = lines.stream().filter(l -> l.get("found").isEmpty() && l.get("text").asText().length() > 60).findFirst().orElseThrow();
        added.putArray("factors").add("MISSING_PROCEDURE");
        Path review = tmp.resolve("review.jsonl");
        Files.write(review, java.util.List.of(struck.toString(), confirmed.toString(), added.toString()));

        String dir = tmp.resolve("idx").toString();
        CliRun indexed = CliRun.of("index", "--dir", dir, "--review", review.toString(), act.toString());
        assertThat(indexed.exit()).as(indexed.err()).isZero();
        assertThat(indexed.out()).startsWith("added 1, unchanged 0,").contains("expert's decisions 3,");
        JsonNode listed = json.readTree(CliRun.of("index", "--dir", tmp.resolve("idx").toString(), "--list", "--format", "json").out());
        assertThat(listed.get("reviewed").asInt()).isEqualTo(1);
        assertThat(listed.get("acts").get(0).get("reviewed").asBoolean()).isTrue();
        assertThat(CliRun.of("index", "--dir", tmp.resolve("idx").toString(), "--list").out()).contains("  yes  ").contains("1 act(s), 1 reviewed");

        JsonNode all = json.readTree(CliRun.of("search", "--dir", dir, "--format", "json", "--limit", "1000", "*:*").out());
        JsonNode struckHit = hitAt(all, struck.get("start").asInt());
        assertThat(struckHit.get("factors").toString()).doesNotContain(struckCode);
        assertThat(hitAt(all, confirmed.get("start").asInt()).get("expert").get(confirmedCode).asText()).isEqualTo("confirmed");
        assertThat(hitAt(all, added.get("start").asInt()).get("expert").get("MISSING_PROCEDURE").asText()).isEqualTo("added");

        JsonNode kept = json.readTree(CliRun.of("search", "--dir", dir, "--format", "json", "--confirmed", "--limit", "1000", "*:*").out());
        assertThat(kept.get("total").asLong()).isEqualTo(2);
        JsonNode addedOnly = json.readTree(CliRun.of("search", "--dir", dir, "--format", "json", "--confirmed", "--factor", "MISSING_PROCEDURE",
                "--limit", "1000", "*:*").out());
        assertThat(addedOnly.get("total").asLong()).isEqualTo(1);
        CliRun text = CliRun.of("search", "--dir", dir, "--confirmed", "*:*");
        assertThat(text.out()).contains("MISSING_PROCEDURE (added)").contains(confirmedCode + " (confirmed)");

        // the same review: unchanged; the review changed: the act replaced; no review: replaced again, as scanned
        assertThat(CliRun.of("index", "--dir", dir, "--review", review.toString(), act.toString()).out()).startsWith("added 0, unchanged 1,");
        Files.write(review, java.util.List.of(struck.toString(), confirmed.toString()));
        assertThat(CliRun.of("index", "--dir", dir, "--review", review.toString(), act.toString()).out()).startsWith("added 0, unchanged 0, replaced 1,");
        assertThat(json.readTree(CliRun.of("search", "--dir", dir, "--format", "json", "--confirmed", "*:*").out()).get("total").asLong()).isEqualTo(1);
        assertThat(CliRun.of("index", "--dir", dir, act.toString()).out()).startsWith("added 0, unchanged 0, replaced 1,");
        assertThat(json.readTree(CliRun.of("search", "--dir", dir, "--format", "json", "--confirmed", "*:*").out()).get("total").asLong()).isZero();

        // a decision whose provision the file no longer holds, and one on a file this call does not index
        String changedText = Files.readString(act).replace(confirmed.get("text").asText().substring(0, 40), "Иначе сказано: ");
        Files.writeString(act, changedText);
        var elsewhere = added.deepCopy().put("act", "other.txt");
        Files.write(review, java.util.List.of(struck.toString(), confirmed.toString(), elsewhere.toString()));
        CliRun stale = CliRun.of("index", "--dir", dir, "--review", review.toString(), act.toString());
        assertThat(stale.exit()).as(stale.err()).isZero();
        assertThat(stale.out()).contains("expert's decisions 1 (1 not applied)");
        assertThat(stale.err()).contains("review: not applied, the provision is no longer as reviewed (read it again): draft.txt: "
                + confirmed.get("provision").asText())
                .contains("review: decisions on other.txt, which this call does not index: left unused");

        CliRun noFiles = CliRun.of("index", "--dir", dir, "--review", review.toString(), "--delete", "draft");
        assertThat(noFiles.exit()).isEqualTo(2);
        assertThat(noFiles.err()).contains("--review needs files to index");
    }

    /**
     * Version against version across the body of law: an act indexed again after its text changed says which factors
     * its provisions lost and gained (by citation), in text and in JSON; an unchanged act says nothing.
     */
    @Test
    void anActIndexedAgainSaysWhatRisksWentAndCame(@TempDir Path tmp) throws Exception {
        Path act = tmp.resolve("draft.txt");
        String article2 = "Статья 2. Порядок выдачи лицензии устанавливается уполномоченным органом.\n";
        Files.writeString(act, "Статья 1. Уполномоченный орган вправе отказать в выдаче лицензии по иным основаниям.\n" + article2);
        String dir = tmp.resolve("idx").toString();
        CliRun first = CliRun.of("index", "--dir", dir, act.toString());
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).doesNotContain("changed draft");

        Files.writeString(act, "Статья 1. Уполномоченный орган выдаёт лицензию в течение десяти рабочих дней со дня подачи заявления.\n"
                + article2 + "Статья 3. Заявитель представляет иные документы по требованию уполномоченного органа.\n");
        CliRun second = CliRun.of("index", "--dir", dir, act.toString());
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("replaced 1,").contains("changed draft: findings 4 -> 2")
                .contains("  gone: Article 1  OPTIONAL_POWER").contains("  gone: Article 1  WIDE_DISCRETION")
                .contains("  new:  Article 3  EXCESSIVE_REQUIREMENTS")
                .doesNotContain("Article 2  "); // its delegation stands in both versions

        Files.writeString(act, "Статья 1. Уполномоченный орган вправе отказать в выдаче лицензии по иным основаниям.\n");
        CliRun json = CliRun.of("index", "--dir", dir, "--format", "json", act.toString());
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(json.out());
        assertThat(summary.get("replaced").asInt()).isEqualTo(1);
        JsonNode change = summary.get("changes").get(0);
        assertThat(change.get("act").asText()).isEqualTo("draft");
        assertThat(change.get("gone")).extracting(g -> g.get("citation").asText() + " " + g.get("factor").asText())
                .containsExactly("Article 2 BLANKET_DELEGATION", "Article 3 EXCESSIVE_REQUIREMENTS");
        assertThat(change.get("added")).extracting(g -> g.get("citation").asText() + " " + g.get("factor").asText())
                .contains("Article 1 OPTIONAL_POWER");

        CliRun same = CliRun.of("index", "--dir", dir, "--format", "json", act.toString());
        assertThat(new ObjectMapper().readTree(same.out()).get("changes")).isEmpty();
        assertThat(CliRun.of("index", "--dir", dir, "--format", "xml", act.toString()).exit()).isEqualTo(2);
    }

    private static JsonNode hitAt(JsonNode results, int start) {
        for (JsonNode h : results.get("hits")) {
            if (h.get("start").asInt() == start && !h.get("leadIn").asBoolean()) {
                return h;
            }
        }
        throw new AssertionError("no hit at " + start + " in " + results);
    }

    @Test
    void badInputIsOneErrorLineAndExit2(@TempDir Path tmp) throws Exception {
        CliRun noIndex = CliRun.of("search", "--dir", tmp.resolve("none").toString(), "law");
        assertThat(noIndex.exit()).isEqualTo(2);
        assertThat(noIndex.err()).startsWith("error: no index in").doesNotContain("Exception");

        String dir = tmp.resolve("idx").toString();
        Path act = tmp.resolve("act.txt");
        Files.writeString(act, "Статья 1. Уполномоченный орган вправе отказать в выдаче лицензии.\n");
        assertThat(CliRun.of("index", "--dir", dir, act.toString()).exit()).isZero();
        CliRun badQuery = CliRun.of("search", "--dir", dir, "AND (");
        assertThat(badQuery.exit()).isEqualTo(2);
        assertThat(badQuery.err()).startsWith("error: bad query").doesNotContain("\tat ");
        CliRun badLang = CliRun.of("search", "--dir", dir, "--lang", "de", "law");
        assertThat(badLang.exit()).isEqualTo(2);
        assertThat(badLang.err()).contains("--lang must be kk, ru or en");
        CliRun badScore = CliRun.of("search", "--dir", dir, "--min-score", "7", "law");
        assertThat(badScore.exit()).isEqualTo(2);
        CliRun missing = CliRun.of("index", "--dir", dir, tmp.resolve("missing.md").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("missing.md").contains("no such file");
        CliRun unknownAct = CliRun.of("index", "--dir", dir, "--delete", "nope");
        assertThat(unknownAct.exit()).isEqualTo(2);
        assertThat(unknownAct.err()).contains("no act nope");
    }
}
