package org.adaldyq.risk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code similar} on the bundled samples: the investment law in Kazakh and Russian, and a US bill. */
class SimilarCommandTest {

    private static final Path SAMPLES = Path.of("..", "data", "samples");

    @TempDir
    static Path tmp;
    static String dir;


    @BeforeAll
    static void index() {
        dir = tmp.resolve("idx").toString();
        CliRun indexed = CliRun.of("index", "--dir", dir, SAMPLES.toString());
        assertThat(indexed.exit()).as(indexed.err()).isZero();
    }

    @Test
    void aProvisionListsItsTwinItsFormulasAndTheProvisionsAlike() {
        CliRun r = CliRun.of("similar", "--dir", dir, "--provision", "kz-laws_rus_104440#Article 12, point 3", "--limit", "3");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("kz-laws_rus_104440#Article 12, point 3 (ru)")
                .contains("SELECTIVE_EXCEPTION «В особых случаях»: in 0 other acts")
                .contains("other language version: kz-laws_kaz_104440")
                .contains("1. [twin] Article 12, point 3 — kz-laws_kaz_104440 (kk)  same citation")
                .contains("2. Article 12, point 2 — kz-laws_rus_104440 (ru)  relevance");
    }

    @Test
    void jsonAndText() throws Exception {
        CliRun r = CliRun.of("similar", "--dir", dir, "--format", "json", "--provision", "kz-laws_kaz_104440#Article 12, point 1");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("twinAct").asText()).isEqualTo("kz-laws_rus_104440");
        assertThat(root.get("similar").get(0).get("match").asText()).isEqualTo("twin");
        assertThat(root.get("similar").get(0).get("citation").asText()).isEqualTo("Article 12, point 1");
        assertThat(root.get("formulas").get(0).get("code").asText()).isEqualTo("BLANKET_DELEGATION");

        CliRun text = CliRun.of("similar", "--dir", dir, "--format", "jsonl", "--limit", "1", "--text",
                "инвестор не исполняет обязательства, оговоренные в контракте");
        assertThat(text.exit()).as(text.err()).isZero();
        JsonNode first = new ObjectMapper().readTree(text.out().strip());
        assertThat(first.get("citation").asText()).isEqualTo("Article 13, point 1, sub-point 2)");
        assertThat(first.get("language").asText()).isEqualTo("ru");
        assertThat(first.get("match").asText()).isEqualTo("text");
    }

    @Test
    void anUnknownProvisionOrABadReferenceIsOneErrorLine() {
        CliRun missing = CliRun.of("similar", "--dir", dir, "--provision", "kz-laws_rus_104440#Article 99");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).startsWith("error: ").contains("Article 99");
        CliRun bad = CliRun.of("similar", "--dir", dir, "--provision", "no-citation");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("ACT#CITATION");
    }
}
