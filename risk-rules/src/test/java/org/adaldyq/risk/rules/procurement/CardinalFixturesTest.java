package org.adaldyq.risk.rules.procurement;

import org.adaldyq.risk.procurement.catalogue.IndicatorCatalogue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.adaldyq.risk.procurement.IndicatorResults;
import org.adaldyq.risk.procurement.ProcessListener;
import org.adaldyq.risk.procurement.ProcurementEngine;
import org.adaldyq.risk.procurement.cardinal.CardinalJson;
import org.adaldyq.risk.procurement.settings.Settings;
import org.adaldyq.risk.procurement.ocds.OcdsReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each flag against hand-written processes: {@code DIR/NAME.jsonl} run with {@code DIR/NAME.ini} must give
 * {@code DIR/NAME.expected.json} in Cardinal's format (compared with {@code Meta} only when the expected
 * file has one). {@code cardinal/}: the eleven Cardinal flags, compared exactly, bit for bit;
 * {@code extended/}: the beyond-Cardinal flags, numbers compared to 1e-12 (their expected values were
 * computed independently, in Python). Run with one and with two threads: results must not depend on it.
 */
class CardinalFixturesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> fixtures() throws IOException, URISyntaxException {
        List<String> out = new ArrayList<>();
        for (String set : List.of("cardinal", "extended")) {
            Path dir = Path.of(CardinalFixturesTest.class.getResource("/procurement/" + set).toURI());
            try (Stream<Path> files = Files.list(dir)) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsonl")).sorted()
                        .forEach(n -> out.add(set + "/" + n.substring(0, n.length() - ".jsonl".length())));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void matchesExpected(String name) throws Exception {
        Path dir = Path.of(CardinalFixturesTest.class.getResource("/procurement").toURI());
        boolean exact = name.startsWith("cardinal/");
        List<String> codes = new ArrayList<>(IndicatorCatalogue.builtIn().codes());
        JsonNode expected = JSON.readTree(dir.resolve(name + ".expected.json").toFile());
        for (int threads : new int[] {1, 2}) {
            ProcurementEngine engine = ProcurementEngine.builder()
                    .settings(Settings.read(dir.resolve(name + ".ini")))
                    .codes(codes)
                    .threads(threads)
                    .batchSize(3) // several rule batches even in small fixtures
                    .build();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (IndicatorResults r = engine.run(OcdsReader.inputs(dir.resolve(name + ".jsonl").toString()), ProcessListener.NONE)) {
                CardinalJson.write(r, expected.has("Meta"), out);
            }
            ObjectNode actual = (ObjectNode) JSON.readTree(out.toByteArray());
            ObjectNode want = ((ObjectNode) expected).deepCopy();
            want.properties().removeIf(e -> e.getValue().isObject() && e.getValue().isEmpty());
            if (exact) {
                assertThat(actual).as(name + " with " + threads + " thread(s)").isEqualTo(want);
            } else {
                assertThat(close(actual, want)).as(name + " with " + threads + " thread(s): " + actual + " vs " + want).isTrue();
            }
        }
    }

    /** Same structure and keys; numbers equal within 1e-12 (relative). */
    static boolean close(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            double x = a.asDouble();
            double y = b.asDouble();
            return Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(y));
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            Iterator<String> names = b.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (!a.has(n) || !close(a.get(n), b.get(n))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
