package org.adaldyq.risk.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The labelled corpus's test split is frozen: its provisions and labels hash to the value committed in
 * {@code data/corpus/TEST_SPLIT.sha256}, no act sits in two splits, and no act the rules were first tuned
 * on ({@code data/annotated}) is in the test split.
 */
class FrozenTestSplitTest {

    static final Path CORPUS = Path.of("../data/corpus");

    @Test
    void theTestSplitIsTheFrozenOne() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        ObjectMapper json = new ObjectMapper();
        int test = 0;
        for (String lang : List.of("en", "kk", "ru")) {
            for (String line : Files.readAllLines(CORPUS.resolve("gold").resolve(lang + ".jsonl"), StandardCharsets.UTF_8)) {
                if (json.readTree(line).path("split").asText().equals("test")) {
                    sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
                    test++;
                }
            }
        }
        assertThat(test).isGreaterThan(1000);
        assertThat(HexFormat.of().formatHex(sha.digest()))
                .isEqualTo(Files.readString(CORPUS.resolve("TEST_SPLIT.sha256")).strip());
    }

    @Test
    void splitsAreByActAndTheTunedActsStayOutOfTest() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> splitOfAct = new HashMap<>();
        for (String lang : List.of("en", "kk", "ru")) {
            for (String line : Files.readAllLines(CORPUS.resolve("gold").resolve(lang + ".jsonl"), StandardCharsets.UTF_8)) {
                JsonNode r = json.readTree(line);
                String before = splitOfAct.putIfAbsent(r.get("act").asText(), r.get("split").asText());
                assertThat(before == null || before.equals(r.get("split").asText()))
                        .as("act %s in two splits", r.get("act").asText()).isTrue();
            }
        }
        Set<String> tuned = new HashSet<>();
        for (String f : List.of("kk-dev", "ru-parallel-dev")) {
            for (String line : Files.readAllLines(Path.of("../data/annotated/" + f + ".jsonl"), StandardCharsets.UTF_8)) {
                String path = json.readTree(line).get("source").get("path").asText();
                tuned.add("kz-" + path.replaceAll("\\D", ""));
            }
        }
        for (String act : tuned) {
            assertThat(splitOfAct.getOrDefault(act, "train")).as(act).isNotEqualTo("test");
        }
    }

    @Test
    void theSetsBesideTheCorpusHoldOnlyUnlabelledProvisionsOfTrainingActsEachOnce() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, String> splitOfAct = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (String lang : List.of("en", "kk", "ru")) {
            for (String line : Files.readAllLines(CORPUS.resolve("gold").resolve(lang + ".jsonl"), StandardCharsets.UTF_8)) {
                JsonNode r = json.readTree(line);
                splitOfAct.put(r.get("act").asText(), r.get("split").asText());
                seen.add(r.get("id").asText());
            }
        }
        for (String set : List.of("fresh", "dev2", "calib")) {
            int n = 0;
            for (String lang : List.of("en", "ru")) {
                for (String line : Files.readAllLines(CORPUS.resolve(set).resolve(lang + ".jsonl"), StandardCharsets.UTF_8)) {
                    JsonNode r = json.readTree(line);
                    assertThat(r.get("split").asText()).isEqualTo(set);
                    // never a provision the corpus or another set already holds, never an act of the frozen test split
                    assertThat(seen.add(r.get("id").asText())).as(r.get("id").asText()).isTrue();
                    assertThat(splitOfAct.get(r.get("act").asText())).as(r.get("act").asText()).isEqualTo("train");
                    n++;
                }
            }
            assertThat(n).as(set).isGreaterThan(1000);
        }
    }
}
