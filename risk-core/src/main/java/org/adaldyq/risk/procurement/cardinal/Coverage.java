package org.adaldyq.risk.procurement.cardinal;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.TreeMap;

/**
 * Cardinal's {@code coverage}: for each JSON path, how many times it holds a non-empty value. A value is
 * non-empty when it is a number, a boolean, a non-empty string, or an object/array with a non-empty
 * member. Paths are {@code /}-separated with {@code []} for array elements ({@code /awards[]/id}); an
 * array is counted at its own path once per non-empty array, and each non-empty element at
 * {@code path[]}. The root object is counted at {@code /}. Not thread-safe.
 */
public final class Coverage {
    private final Map<String, Long> counts = new TreeMap<>();

    /** Adds one compiled release. */
    public void add(JsonNode release) {
        if (visit(release, new StringBuilder())) {
            counts.merge("/", 1L, Long::sum);
        }
    }

    private boolean visit(JsonNode v, StringBuilder path) {
        boolean nonEmpty = false;
        if (v.isObject()) {
            int len = path.length();
            for (Map.Entry<String, JsonNode> e : v.properties()) {
                path.append('/').append(e.getKey());
                if (visit(e.getValue(), path)) {
                    nonEmpty = true;
                    counts.merge(path.toString(), 1L, Long::sum);
                }
                path.setLength(len);
            }
        } else if (v.isArray()) {
            int len = path.length();
            path.append("[]");
            for (JsonNode e : v) {
                if (visit(e, path)) {
                    nonEmpty = true;
                    counts.merge(path.toString(), 1L, Long::sum);
                }
            }
            path.setLength(len);
        } else if (v.isTextual()) {
            nonEmpty = !v.asText().isEmpty();
        } else {
            nonEmpty = v.isNumber() || v.isBoolean();
        }
        return nonEmpty;
    }

    public Map<String, Long> counts() {
        return new TreeMap<>(counts);
    }
}
