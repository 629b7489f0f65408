package org.adaldyq.risk.procurement.cardinal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.adaldyq.risk.procurement.IndicatorResults;
import org.adaldyq.risk.procurement.fact.Group;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Writes results as Cardinal's {@code indicators} JSON object: {@code {"OCID": {id: {code: value}},
 * "Buyer": …, "ProcuringEntity": …, "Tenderer": …, "Meta": {code: {statistic: value}}}}. Groups without
 * results are omitted, as are {@code Meta} when empty or not wanted. Values are JSON numbers ({@code 1.0}).
 */
public final class CardinalJson {
    private static final JsonFactory JSON = new JsonFactory();

    private CardinalJson() {
    }

    /** Writes {@code r} to {@code out} (left open), with {@code Meta} when {@code meta} is true. */
    public static void write(IndicatorResults r, boolean meta, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeStartObject();
            boolean[] open = {false};
            IOException[] failure = {null};
            r.forEachOcid((id, codes) -> {
                try {
                    if (!open[0]) {
                        g.writeObjectFieldStart(Group.OCID.name());
                        open[0] = true;
                    }
                    numbers(g, id, codes);
                } catch (IOException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            if (open[0]) {
                g.writeEndObject();
            }
            for (Map.Entry<Group, Map<String, Map<String, Double>>> group : r.organisations().entrySet()) {
                g.writeObjectFieldStart(group.getKey().name());
                for (Map.Entry<String, Map<String, Double>> id : group.getValue().entrySet()) {
                    numbers(g, id.getKey(), id.getValue());
                }
                g.writeEndObject();
            }
            if (meta && !r.meta().isEmpty()) {
                g.writeObjectFieldStart("Meta");
                for (Map.Entry<String, Map<String, Double>> m : r.meta().entrySet()) {
                    numbers(g, m.getKey(), m.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
    }

    /** Cardinal's {@code --count}: group → code → number of results. */
    public static void writeCounts(IndicatorResults r, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeStartObject();
            for (Map.Entry<Group, Map<String, Long>> e : r.countByGroupAndCode().entrySet()) {
                g.writeObjectFieldStart(e.getKey().name());
                for (Map.Entry<String, Long> c : e.getValue().entrySet()) {
                    g.writeNumberField(c.getKey(), c.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndObject();
        }
    }

    private static void numbers(JsonGenerator g, String field, Map<String, Double> values) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, Double> v : values.entrySet()) {
            double d = v.getValue();
            if (Double.isFinite(d)) {
                g.writeNumberField(v.getKey(), d);
            } else {
                g.writeNullField(v.getKey()); // as serde_json writes non-finite numbers
            }
        }
        g.writeEndObject();
    }
}
