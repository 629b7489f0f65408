package org.adaldyq.risk.procurement.cardinal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.adaldyq.risk.procurement.IndicatorResults;
import org.adaldyq.risk.procurement.fact.Group;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
            organisationsAndMeta(g, r.organisations(), meta ? r.meta() : null);
            g.writeEndObject();
        }
    }

    /**
     * One entry of the {@code OCID} group as a distributed run writes it into a part file: a comma, then
     * {@code "id":{code: value, …}} exactly as {@link #write} writes it. The parts' entries, in input order,
     * go to {@link #write(InputStream, Map, Map, OutputStream)}.
     */
    public static String ocidEntry(String id, Map<String, Double> codes) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(b)) {
            g.writeStartObject();
            numbers(g, id, codes);
            g.writeEndObject();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("writing to memory", e);
        }
        byte[] entry = b.toByteArray();
        entry[0] = ',';
        return new String(entry, 0, entry.length - 1, StandardCharsets.UTF_8);
    }

    /**
     * Cardinal's JSON of a distributed run, the same bytes as {@link #write(IndicatorResults, boolean,
     * OutputStream)} for the same results: the {@code OCID} group from {@code ocidEntries} (the concatenated
     * {@link #ocidEntry} strings, in the order {@link IndicatorResults#forEachOcid} gives them), then the
     * organisation groups and {@code Meta} (omitted when empty).
     */
    public static void write(InputStream ocidEntries, Map<Group, Map<String, Map<String, Double>>> organisations,
                             Map<String, Map<String, Double>> meta, OutputStream out) throws IOException {
        out.write('{');
        int first = ocidEntries.read();
        boolean ocids = first == ',';
        if (ocids) {
            out.write(("\"" + Group.OCID.name() + "\":{").getBytes(StandardCharsets.UTF_8));
            ocidEntries.transferTo(out);
            out.write('}');
        } else if (first != -1) {
            throw new IllegalArgumentException("OCID entries must start with a comma");
        }
        ByteArrayOutputStream rest = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(rest)) {
            g.writeStartObject();
            organisationsAndMeta(g, organisations, meta);
            g.writeEndObject();
        }
        byte[] r = rest.toByteArray();
        if (r.length > 2) {
            if (ocids) {
                out.write(',');
            }
            out.write(r, 1, r.length - 2);
        }
        out.write('}');
    }

    private static void organisationsAndMeta(JsonGenerator g, Map<Group, Map<String, Map<String, Double>>> organisations,
                                             Map<String, Map<String, Double>> meta) throws IOException {
        for (Map.Entry<Group, Map<String, Map<String, Double>>> group : organisations.entrySet()) {
            g.writeObjectFieldStart(group.getKey().name());
            for (Map.Entry<String, Map<String, Double>> id : group.getValue().entrySet()) {
                numbers(g, id.getKey(), id.getValue());
            }
            g.writeEndObject();
        }
        if (meta != null && !meta.isEmpty()) {
            g.writeObjectFieldStart("Meta");
            for (Map.Entry<String, Map<String, Double>> m : meta.entrySet()) {
                numbers(g, m.getKey(), m.getValue());
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
