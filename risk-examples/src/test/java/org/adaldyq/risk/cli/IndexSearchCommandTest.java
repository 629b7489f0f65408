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

        CliRun deleted = CliRun.of("index", "--dir", dir, "--delete", "kz-laws_rus_104440");
        assertThat(deleted.out()).startsWith("added 0, unchanged 0, replaced 0, deleted 1,");
        CliRun ru = CliRun.of("search", "--dir", dir, "--lang", "ru", "--format", "json", "*:*");
        assertThat(new ObjectMapper().readTree(ru.out()).get("total").asLong()).isZero();
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
