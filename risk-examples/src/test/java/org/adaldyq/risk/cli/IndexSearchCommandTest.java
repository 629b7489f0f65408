package org.adaldyq.risk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code index} then {@code search} on the bundled samples (kk, ru, en). */
class IndexSearchCommandTest {

    private static final Path SAMPLES = Path.of("..", "data", "samples");

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = RiskCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void indexThenSearchTheSamples(@TempDir Path tmp) throws Exception {
        String dir = tmp.resolve("idx").toString();
        Run indexed = run("index", "--dir", dir, SAMPLES.toString());
        assertThat(indexed.exit()).as(indexed.err()).isZero();
        assertThat(indexed.out()).matches("(?s)added 3, unchanged 0, replaced 0, deleted 0, provisions \\d+, [\\d.]+ s\\s*");

        Run again = run("index", "--dir", dir, SAMPLES.toString());
        assertThat(again.out()).startsWith("added 0, unchanged 3, replaced 0, deleted 0, provisions 0,");

        Run text = run("search", "--dir", dir, "--lang", "kk", "инвесторға");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("kz-laws_kaz_104440 (kk)").contains("**").contains("provisions match")
                .contains("act: kz-laws_kaz_104440");

        Run json = run("search", "--dir", dir, "--format", "json", "--sort", "score", "--limit", "3", "*:*");
        assertThat(json.exit()).as(json.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("hits")).hasSize(3);
        assertThat(root.get("hits").get(0).get("score").asDouble()).isGreaterThanOrEqualTo(root.get("hits").get(2).get("score").asDouble());
        assertThat(root.get("facets").get("language").fieldNames()).toIterable().containsExactlyInAnyOrder("kk", "ru", "en");
        String factor = root.get("facets").get("factor").fieldNames().next();
        long count = root.get("facets").get("factor").get(factor).asLong();

        Run jsonl = run("search", "--dir", dir, "--format", "jsonl", "--factor", factor, "--limit", "1000", "*:*");
        String[] lines = jsonl.out().strip().split("\n");
        assertThat(lines).hasSize((int) count + 1);
        assertThat(new ObjectMapper().readTree(lines[0]).get("factors").toString()).contains(factor);

        Run deleted = run("index", "--dir", dir, "--delete", "kz-laws_rus_104440");
        assertThat(deleted.out()).startsWith("added 0, unchanged 0, replaced 0, deleted 1,");
        Run ru = run("search", "--dir", dir, "--lang", "ru", "--format", "json", "*:*");
        assertThat(new ObjectMapper().readTree(ru.out()).get("total").asLong()).isZero();
    }

    @Test
    void badInputIsOneErrorLineAndExit2(@TempDir Path tmp) throws Exception {
        Run noIndex = run("search", "--dir", tmp.resolve("none").toString(), "law");
        assertThat(noIndex.exit()).isEqualTo(2);
        assertThat(noIndex.err()).startsWith("error: no index in").doesNotContain("Exception");

        String dir = tmp.resolve("idx").toString();
        Path act = tmp.resolve("act.txt");
        Files.writeString(act, "Статья 1. Уполномоченный орган вправе отказать в выдаче лицензии.\n");
        assertThat(run("index", "--dir", dir, act.toString()).exit()).isZero();
        Run badQuery = run("search", "--dir", dir, "AND (");
        assertThat(badQuery.exit()).isEqualTo(2);
        assertThat(badQuery.err()).startsWith("error: bad query").doesNotContain("\tat ");
        Run badLang = run("search", "--dir", dir, "--lang", "de", "law");
        assertThat(badLang.exit()).isEqualTo(2);
        assertThat(badLang.err()).contains("--lang must be kk, ru or en");
        Run badScore = run("search", "--dir", dir, "--min-score", "7", "law");
        assertThat(badScore.exit()).isEqualTo(2);
        Run missing = run("index", "--dir", dir, tmp.resolve("missing.md").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("missing.md").contains("no such file");
        Run unknownAct = run("index", "--dir", dir, "--delete", "nope");
        assertThat(unknownAct.exit()).isEqualTo(2);
        assertThat(unknownAct.err()).contains("no act nope");
    }
}
