package org.adaldyq.risk.procurement.ocds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Compiles releases of the same {@code ocid} into one compiled release, newest wins: releases are ordered
 * by {@code date} (stable, so equal dates keep input order) and merged with the OCDS merge rules, simplified:
 * objects merge recursively, arrays of objects with {@code id} merge by {@code id}, other arrays and scalars
 * are replaced by the later value, {@code null} removes. Holds the releases of the ocids it is given until
 * {@link #flush}. Not thread-safe.
 */
public final class ReleaseMerger {
    private record Pending(long line, String date, ObjectNode release) {
    }

    private final Map<String, List<Pending>> byOcid = new LinkedHashMap<>();

    /** Holds {@code release}, read at {@code line}, for the process {@code ocid}. */
    public void add(String ocid, long line, ObjectNode release) {
        JsonNode d = release.path("date");
        byOcid.computeIfAbsent(ocid, k -> new ArrayList<>()).add(new Pending(line, d.isTextual() ? d.asText() : "", release));
    }

    /** True when no release is held. */
    public boolean isEmpty() {
        return byOcid.isEmpty();
    }

    /** Emits every held process (first line seen, compiled release) in order of first appearance, then forgets them. */
    public void flush(BiConsumer<Long, ObjectNode> sink) {
        for (List<Pending> releases : byOcid.values()) {
            releases.sort(Comparator.comparing(Pending::date));
            ObjectNode compiled = JsonNodeFactory.instance.objectNode();
            long line = Long.MAX_VALUE;
            for (Pending p : releases) {
                merge(compiled, p.release());
                line = Math.min(line, p.line());
            }
            if (releases.size() > 1) {
                compiled.set("tag", JsonNodeFactory.instance.arrayNode().add("compiled"));
            }
            sink.accept(line, compiled);
        }
        byOcid.clear();
    }

    static void merge(ObjectNode target, JsonNode source) {
        for (Map.Entry<String, JsonNode> e : source.properties()) {
            JsonNode value = e.getValue();
            JsonNode existing = target.get(e.getKey());
            if (value.isNull()) {
                target.remove(e.getKey());
            } else if (value.isObject() && existing != null && existing.isObject()) {
                merge((ObjectNode) existing, value);
            } else if (value.isArray() && existing != null && existing.isArray() && identified(value)) {
                target.set(e.getKey(), mergeById((ArrayNode) existing, (ArrayNode) value));
            } else {
                target.set(e.getKey(), value.deepCopy());
            }
        }
    }

    private static boolean identified(JsonNode array) {
        if (array.isEmpty()) {
            return false;
        }
        for (JsonNode o : array) {
            if (!o.isObject() || !o.has("id")) {
                return false;
            }
        }
        return true;
    }

    private static ArrayNode mergeById(ArrayNode existing, ArrayNode update) {
        Map<String, ObjectNode> byId = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (JsonNode o : existing) {
            if (o.isObject()) {
                byId.put(o.path("id").asText(), (ObjectNode) o);
            }
        }
        for (JsonNode o : update) {
            String id = o.path("id").asText();
            seen.merge(id, 1, Integer::sum);
            ObjectNode old = byId.get(id);
            if (old == null) {
                byId.put(id, ((ObjectNode) o).deepCopy());
            } else {
                merge(old, o);
            }
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        byId.values().forEach(out::add);
        return out;
    }
}
