package org.adaldyq.risk.procurement.ocds;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads OCDS from files, directories or standard input, in every common shape, streaming.
 *
 * <p>Shapes: line-delimited JSON (each line a compiled release, a record, or a package); a pretty-printed
 * release package, record package, record or release; a JSON array of any of those. Gzip is recognised
 * by its magic bytes. A line-delimited input is recognised by its first line being one complete JSON
 * object (or its second, when the first is broken), or by not starting with <code>{</code> or <code>[</code>. Thread-safe: one instance may read many inputs; {@link #parseLine} may run on any thread.
 */
public final class OcdsReader {
    /** Default cap on one line: longer lines are skipped with a warning. */
    public static final int DEFAULT_MAX_LINE_BYTES = 64 << 20;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Non-blank lines looked at, after a broken first line, to tell line-delimited input from a document. */
    private static final int DETECTION_LINES = 64;
    /** Bytes read after a broken first line, at most, to decide. */
    private static final int DETECTION_BYTES = 1 << 20;
    private final int maxLineBytes;

    /** A reader that skips lines over {@link #DEFAULT_MAX_LINE_BYTES}. */
    public OcdsReader() {
        this(DEFAULT_MAX_LINE_BYTES);
    }

    /** A reader that skips lines over {@code maxLineBytes} bytes. */
    public OcdsReader(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    /** Receives what the reader finds, in input order, on the reading thread. */
    public interface Sink {
        /** A raw line of a line-delimited input, to be parsed with {@link #parseLine} (on any thread). */
        void line(String source, long line, byte[] json);

        /** A unit already parsed (document inputs, and problems). */
        void parsed(ParsedUnit unit);
    }

    /** One input to read: a display name and a way to open it. */
    public record Input(String name, IoSupplier open) {
    }

    /** Opens an input; may throw, unlike {@link java.util.function.Supplier}. */
    @FunctionalInterface
    public interface IoSupplier {
        /** A new stream over the input; the caller closes it. */
        InputStream get() throws IOException;
    }

    /** The inputs named by {@code arg}: {@code -} is standard input, a directory is every JSON file in it. */
    public static List<Input> inputs(String arg) {
        if ("-".equals(arg)) {
            return List.of(new Input("<stdin>", () -> System.in));
        }
        Path p = Path.of(arg);
        if (Files.isDirectory(p)) {
            try (Stream<Path> files = Files.walk(p)) {
                List<Input> out = new ArrayList<>();
                files.filter(Files::isRegularFile)
                        .filter(f -> {
                            String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                            return n.endsWith(".json") || n.endsWith(".jsonl") || n.endsWith(".gz");
                        })
                        .sorted()
                        .forEach(f -> out.add(new Input(f.toString(), () -> Files.newInputStream(f))));
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.of(new Input(arg, () -> Files.newInputStream(p)));
    }

    /** Reads one input to its end. I/O errors propagate; bad content becomes problems. */
    public void read(String source, InputStream raw, Sink sink) throws IOException {
        BufferedInputStream data = decompressed(raw);
        int first = firstNonBlank(data);
        if (first < 0) {
            return;
        }
        // A document starts with an object or an array; anything else is read line by line, so that a
        // broken first line is one problem and the lines after it still count.
        if (first != '{' && first != '[' || first == '{' && firstLineIsComplete(data)) {
            readLines(source, data, sink);
        } else {
            readDocument(source, data, sink);
        }
    }

    /** {@code raw}, buffered, and gunzipped when it starts with gzip's magic bytes (whatever its name). */
    public static BufferedInputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        }
        return in;
    }

    private static int firstNonBlank(BufferedInputStream in) throws IOException {
        while (true) {
            in.mark(1);
            int c = in.read();
            if (c < 0) {
                return -1;
            }
            if (c == 0xEF) { // UTF-8 byte order mark
                in.read();
                in.read();
                continue;
            }
            if (!Character.isWhitespace(c)) {
                in.reset();
                return c;
            }
        }
    }

    /**
     * Line-delimited when the first line is one complete JSON value; when it is broken, when the second
     * line is one (a pretty-printed document's second line never is).
     */
    private boolean firstLineIsComplete(BufferedInputStream in) throws IOException {
        // The mark must outlast what is read while detecting: the first line (up to the cap), the lines
        // after it (up to DETECTION_BYTES) and the line reader's read-ahead (one buffer).
        int bound = maxLineBytes + DETECTION_BYTES + 1;
        in.mark(bound + LineReader.BUFFER_BYTES);
        try {
            // never read past the mark, even to skip a first line longer than the cap
            LineReader lines = new LineReader(new BoundedInput(in, bound), maxLineBytes);
            byte[] first = lines.next();
            if (first == null || first == LineReader.TOO_LONG) {
                return first == LineReader.TOO_LONG;
            }
            if (complete(first)) {
                return true;
            }
            // The first line is broken: line-delimited when the next non-blank line is a complete object, or
            // when two of the next lines are (a pretty-printed document may end with one complete object on
            // a line, its last array element, but never has two).
            int completeLines = 0;
            byte[] next;
            boolean firstOfRest = true;
            long read = 0;
            for (int seen = 0; seen < DETECTION_LINES && (next = lines.next()) != null; ) {
                if (next == LineReader.TOO_LONG) {
                    return false;
                }
                read += next.length + 1L;
                if (read > DETECTION_BYTES) {
                    return false; // stay inside the mark: it must be reset
                }
                if (blank(next)) {
                    continue;
                }
                seen++;
                if (complete(next)) {
                    if (firstOfRest || ++completeLines >= 2) {
                        return true;
                    }
                }
                firstOfRest = false;
            }
            return false;
        } finally {
            in.reset();
            in.mark(0); // drop the mark: a live 64 MiB mark makes the stream buffer and shift everything after it
        }
    }

    private static boolean complete(byte[] line) {
        try (JsonParser p = MAPPER.getFactory().createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private void readLines(String source, InputStream in, Sink sink) throws IOException {
        LineReader lines = new LineReader(in, maxLineBytes);
        long n = 0;
        byte[] line;
        while ((line = lines.next()) != null) {
            n++;
            if (line == LineReader.TOO_LONG) {
                sink.parsed(ParsedUnit.problem(new InputProblem(source, n, null, InputProblem.Kind.LINE_TOO_LONG,
                        "line longer than " + maxLineBytes + " bytes skipped")));
            } else if (!blank(line)) {
                sink.line(source, n, line);
            }
        }
    }

    private static boolean blank(byte[] line) {
        for (byte b : line) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }

    /** Parses one line of a line-delimited input. Safe on any thread. */
    public static ParsedUnit parseLine(String source, long line, byte[] json) {
        JsonNode root;
        try (JsonParser p = MAPPER.getFactory().createParser(json)) {
            root = MAPPER.readTree(p);
            if (p.nextToken() != null) {
                return ParsedUnit.problem(new InputProblem(source, line, null, InputProblem.Kind.INVALID_JSON,
                        "trailing content after the JSON value"));
            }
        } catch (IOException e) {
            return ParsedUnit.problem(new InputProblem(source, line, null, InputProblem.Kind.INVALID_JSON,
                    firstLine(e.getMessage())));
        }
        return classify(source, line, root);
    }

    /** Sorts a parsed top-level value into compiled releases and releases to compile. */
    static ParsedUnit classify(String source, long line, JsonNode root) {
        if (root == null || !root.isObject()) {
            return ParsedUnit.problem(new InputProblem(source, line, null, InputProblem.Kind.NOT_AN_OBJECT,
                    "expected a JSON object, found " + (root == null ? "nothing" : root.getNodeType())));
        }
        List<JsonNode> ready = new ArrayList<>();
        List<ObjectNode> toCompile = new ArrayList<>();
        if (root.path("records").isArray()) {
            for (JsonNode record : root.path("records")) {
                addRecord(record, ready, toCompile);
            }
        } else if (root.path("releases").isArray() && !root.has("ocid")) {
            for (JsonNode release : root.path("releases")) {
                addRelease(release, ready, toCompile);
            }
        } else if (root.has("compiledRelease") || (root.has("ocid") && root.path("releases").isArray())) {
            addRecord(root, ready, toCompile);
        } else {
            ready.add(root);
        }
        return new ParsedUnit(source, line, ready, toCompile, null);
    }

    private static void addRecord(JsonNode record, List<JsonNode> ready, List<ObjectNode> toCompile) {
        if (record.path("compiledRelease").isObject()) {
            ready.add(record.path("compiledRelease"));
            return;
        }
        for (JsonNode release : record.path("releases")) {
            if (release.isObject() && release.has("ocid") && !release.has("url")) {
                toCompile.add((ObjectNode) release);
            }
        }
    }

    private static void addRelease(JsonNode release, List<JsonNode> ready, List<ObjectNode> toCompile) {
        if (!release.isObject()) {
            return;
        }
        boolean compiled = false;
        for (JsonNode t : release.path("tag")) {
            compiled |= "compiled".equals(t.asText());
        }
        if (compiled || !release.path("ocid").isTextual()) {
            ready.add(release);
        } else {
            toCompile.add((ObjectNode) release);
        }
    }

    /** A pretty-printed document: stream the members of {@code releases}/{@code records}, or array elements. */
    private void readDocument(String source, InputStream in, Sink sink) throws IOException {
        JsonFactory f = MAPPER.getFactory();
        try (JsonParser p = f.createParser(new NoCloseInput(in))) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        long line = p.currentTokenLocation().getLineNr();
                        JsonNode element = MAPPER.readTree(p);
                        sink.parsed(classify(source, line, element));
                    }
                } else if (t == JsonToken.START_OBJECT) {
                    readObject(source, p, sink);
                } else {
                    sink.parsed(ParsedUnit.problem(new InputProblem(source, p.currentTokenLocation().getLineNr(),
                            null, InputProblem.Kind.NOT_AN_OBJECT, "unexpected " + t)));
                }
            }
        } catch (IOException e) {
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe) {
                long line = jpe.getLocation() == null ? 0 : jpe.getLocation().getLineNr();
                sink.parsed(ParsedUnit.problem(new InputProblem(source, line, null, InputProblem.Kind.INVALID_JSON,
                        firstLine(e.getMessage()) + "; the rest of this input is skipped")));
            } else {
                throw e;
            }
        }
    }

    /** Streams one top-level object: a package's {@code releases}/{@code records} element by element. */
    private static void readObject(String source, JsonParser p, Sink sink) throws IOException {
        long start = p.currentTokenLocation().getLineNr();
        ObjectNode head = MAPPER.createObjectNode();
        boolean streamed = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_ARRAY && (name.equals("releases") || name.equals("records"))
                    && !head.has("ocid")) {
                streamed = true;
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    long line = p.currentTokenLocation().getLineNr();
                    JsonNode element = MAPPER.readTree(p);
                    ObjectNode wrapper = MAPPER.createObjectNode();
                    wrapper.putArray(name).add(element);
                    sink.parsed(classify(source, line, wrapper));
                }
            } else {
                head.set(name, MAPPER.readTree(p));
            }
        }
        if (!streamed) {
            sink.parsed(classify(source, start, head));
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** At most {@code limit} bytes of the shared stream, never closing it. */
    private static final class BoundedInput extends java.io.FilterInputStream {
        private long left;

        BoundedInput(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }

        @Override
        public void close() {
        }
    }

    /** Keeps Jackson from closing the shared stream. */
    private static final class NoCloseInput extends java.io.FilterInputStream {
        NoCloseInput(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
