package org.adaldyq.risk.procurement.cardinal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.adaldyq.risk.procurement.ocds.LineReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads line-delimited JSON as Cardinal does (Rust's {@code BufRead::lines} then {@code serde_json}), one
 * line at a time, so memory stays flat whatever the file size.
 *
 * <ul>
 *   <li>Lines end at {@code \n}; a trailing {@code \r} is dropped. Line numbers are 1-based and count
 *   every line.</li>
 *   <li>A line of only spaces, tabs and {@code \r} is blank: skipped silently.</li>
 *   <li>A line is checked to be valid UTF-8 (strictly: no overlong forms, no encoded surrogates) before it
 *   is parsed, as {@code lines()} does; then it must hold exactly one JSON text of any type (trailing
 *   content is an error). A byte-order mark is not skipped: serde_json rejects it too.</li>
 *   <li>What serde_json rejects beyond RFC 8259 is rejected too: nesting deeper than 127 arrays and
 *   objects (serde_json's recursion limit of 128), a {@code \\u} escape of an unpaired surrogate, a
 *   number too large for a double ({@code 1e400}). Jackson's length limits on numbers and strings, which
 *   serde_json does not have, are lifted.</li>
 *   <li>Duplicate member names: the last value wins, kept at the first member's position.</li>
 * </ul>
 *
 * Floating-point numbers are read as {@link java.math.BigDecimal} without stripping zeros, so that a
 * corrected release written back keeps its amounts exactly ({@code 1.50} stays {@code 1.50}). Not
 * thread-safe: one instance per reading thread.
 */
final class JsonLines {
    /** The longest line Java can hold in one array; Cardinal has no cap of its own. */
    static final int MAX_LINE_BYTES = Integer.MAX_VALUE - 8;

    /** Parses and writes the trees of both commands. Thread-safe. */
    static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(127)
                            .maxNumberLength(Integer.MAX_VALUE)
                            .maxStringLength(Integer.MAX_VALUE)
                            .maxNameLength(Integer.MAX_VALUE)
                            .build())
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** Receives each line that holds one valid JSON text. */
    @FunctionalInterface
    interface Handler {
        void value(long line, JsonNode value) throws IOException;
    }

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder(); // reports malformed input
    private CharBuffer chars = CharBuffer.allocate(1 << 12);

    /**
     * Reads {@code in} to its end (without closing it): every JSON line goes to {@code handler}, every
     * invalid one to {@code warnings}. I/O errors propagate.
     */
    void read(InputStream in, Handler handler, Consumer<LineWarning> warnings) throws IOException {
        LineReader lines = new LineReader(in, MAX_LINE_BYTES);
        long n = 0;
        byte[] line;
        while ((line = lines.next()) != null) {
            n++;
            if (line == LineReader.TOO_LONG) {
                warnings.accept(new LineWarning(n, "line longer than " + MAX_LINE_BYTES + " bytes"));
            } else if (!blank(line)) {
                String problem = decode(line);
                JsonNode value = null;
                if (problem == null) {
                    try {
                        value = parse();
                        problem = unsupported(value);
                    } catch (JsonProcessingException e) {
                        problem = e.getOriginalMessage()
                                + (e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr());
                    } catch (NumberFormatException e) {
                        // a number Jackson cannot hold even as a BigDecimal (an exponent of many digits):
                        // out of range for serde_json too
                        problem = "number out of range";
                    }
                }
                if (problem == null) {
                    handler.value(n, value);
                } else {
                    warnings.accept(new LineWarning(n, problem));
                }
            }
        }
    }

    private static boolean blank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Decodes the line into {@link #chars}; the reason when it is not valid UTF-8, else null. */
    private String decode(byte[] line) {
        if (chars.capacity() < line.length) { // UTF-8 never decodes to more chars than bytes
            chars = CharBuffer.allocate(line.length);
        }
        chars.clear();
        utf8.reset();
        ByteBuffer bytes = ByteBuffer.wrap(line);
        CoderResult r = utf8.decode(bytes, chars, true);
        if (!r.isError()) {
            r = utf8.flush(chars);
        }
        if (r.isError()) {
            return "invalid UTF-8 at byte " + (bytes.position() + 1);
        }
        chars.flip();
        return null;
    }

    private JsonNode parse() throws IOException {
        try (JsonParser p = MAPPER.getFactory().createParser(chars.array(), 0, chars.limit())) {
            JsonNode value = MAPPER.readTree(p);
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "trailing characters", p.currentTokenLocation());
            }
            return value;
        }
    }

    /** What serde_json rejects and Jackson accepts: an unpaired surrogate, a number out of range. */
    private static String unsupported(JsonNode value) {
        if (value.isTextual()) {
            return unpairedSurrogate(value.textValue()) ? "unpaired surrogate in a \\u escape" : null;
        }
        if (value.isNumber()) {
            return Double.isFinite(value.doubleValue()) ? null : "number out of range: " + value;
        }
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                if (unpairedSurrogate(member.getKey())) {
                    return "unpaired surrogate in a \\u escape";
                }
                String problem = unsupported(member.getValue());
                if (problem != null) {
                    return problem;
                }
            }
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                String problem = unsupported(element);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static boolean unpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
