package org.adaldyq.risk.procurement.cardinal;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Cardinal's {@code coverage}: over line-delimited JSON, how many times each path holds a non-empty value.
 *
 * <p>Empty values are {@code null}, {@code ""}, and arrays and objects that hold only empty values
 * (recursively); numbers (also {@code 0}) and booleans (also {@code false}) are non-empty. A path is the
 * line itself ({@code ""}), then {@code /} for an object, its member's name, and {@code []} for an array
 * element: {@code {"a":[{"x":1}]}} counts {@code ""}, {@code /}, {@code /a}, {@code /a[]}, {@code /a[]/}
 * and {@code /a[]/x}, once each. Each non-empty occurrence counts once: every non-empty element of an
 * array at {@code …[]}, the array at its own path, an object both at its member path and at the
 * {@code /}-terminated path. Names are joined as they are, so the member {@code ""} has its object's path
 * ({@code {"":0}} counts {@code /} twice) and a member {@code x[]} shares the path of the elements of a
 * sibling {@code x}. Duplicate member names: only the last value is seen.
 *
 * <p>Lines are read by Cardinal's rules (see {@link JsonLines}): a blank line is skipped, a line that is
 * not valid UTF-8 or not one JSON text is handed to the caller as a {@link LineWarning} and skipped.
 * Nothing is printed. Not thread-safe.
 */
public final class Coverage {
    private final Map<String, long[]> counts = new HashMap<>();
    private final StringBuilder path = new StringBuilder();

    /** Counts one line's JSON value. */
    public void add(JsonNode value) {
        path.setLength(0);
        visit(value);
    }

    /**
     * Counts every JSON line of {@code lines} (read to its end, not closed); each line skipped goes to
     * {@code warnings}. Returns the number of lines counted.
     */
    public long read(InputStream lines, Consumer<LineWarning> warnings) throws IOException {
        long[] counted = {0};
        new JsonLines().read(lines, (line, value) -> {
            add(value);
            counted[0]++;
        }, warnings);
        return counted[0];
    }

    /** Path → number of non-empty occurrences, sorted by path. */
    public SortedMap<String, Long> counts() {
        SortedMap<String, Long> sorted = new TreeMap<>();
        counts.forEach((p, n) -> sorted.put(p, n[0]));
        return Collections.unmodifiableSortedMap(sorted);
    }

    /** Counts the non-empty parts of {@code value}, which sits at {@link #path}; is it non-empty? */
    private boolean visit(JsonNode value) {
        boolean nonEmpty;
        if (value.isArray()) {
            nonEmpty = false;
            int length = path.length();
            path.append("[]");
            for (JsonNode element : value) {
                nonEmpty |= visit(element);
            }
            path.setLength(length);
        } else if (value.isObject()) {
            nonEmpty = false;
            int length = path.length();
            path.append('/');
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                int objectPath = path.length();
                path.append(member.getKey());
                nonEmpty |= visit(member.getValue());
                path.setLength(objectPath);
            }
            if (nonEmpty) {
                count(); // the object at its "/"-terminated path
            }
            path.setLength(length);
        } else if (value.isTextual()) {
            nonEmpty = !value.textValue().isEmpty();
        } else {
            nonEmpty = value.isNumber() || value.isBoolean();
        }
        if (nonEmpty) {
            count();
        }
        return nonEmpty;
    }

    private void count() {
        counts.computeIfAbsent(path.toString(), p -> new long[1])[0]++;
    }
}
