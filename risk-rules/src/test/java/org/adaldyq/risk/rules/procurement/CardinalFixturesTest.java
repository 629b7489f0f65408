package org.adaldyq.risk.rules.procurement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.adaldyq.risk.procurement.IndicatorResults;
import org.adaldyq.risk.procurement.ProcessListener;
import org.adaldyq.risk.procurement.ProcurementEngine;
import org.adaldyq.risk.procurement.cardinal.CardinalJson;
import org.adaldyq.risk.procurement.cardinal.Settings;
import org.adaldyq.risk.procurement.ocds.OcdsReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each Cardinal flag against hand-written processes: {@code NAME.jsonl} run with {@code NAME.ini} must give
 * {@code NAME.expected.json} (compared with {@code Meta} only when the expected file has one). Run with
 * one and with two parser threads: results must not depend on it.
 */
class CardinalFixturesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> fixtures() throws IOException, URISyntaxException {
        Path dir = Path.of(CardinalFixturesTest.class.getResource("/procurement/cardinal").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsonl"))
                    .map(n -> n.substring(0, n.length() - ".jsonl".length())).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void matchesExpected(String name) throws Exception {
        Path dir = Path.of(CardinalFixturesTest.class.getResource("/procurement/cardinal").toURI());
        JsonNode expected = JSON.readTree(dir.resolve(name + ".expected.json").toFile());
        for (int threads : new int[] {1, 2}) {
            ProcurementEngine engine = ProcurementEngine.builder()
                    .settings(Settings.read(dir.resolve(name + ".ini")))
                    .threads(threads)
                    .batchSize(3) // several rule batches even in small fixtures
                    .build();
            IndicatorResults r = engine.run(OcdsReader.inputs(dir.resolve(name + ".jsonl").toString()), ProcessListener.NONE);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CardinalJson.write(r, expected.has("Meta"), out);
            ObjectNode actual = (ObjectNode) JSON.readTree(out.toByteArray());
            ObjectNode want = ((ObjectNode) expected).deepCopy();
            want.properties().removeIf(e -> e.getValue().isObject() && e.getValue().isEmpty());
            assertThat(actual).as(name + " with " + threads + " thread(s)").isEqualTo(want);
        }
    }
}
