package org.adaldyq.risk.isolation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.adaldyq.risk.extract.TextExtractor;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.regulation.ConfidenceTable;
import org.adaldyq.risk.report.ReportJson;

/**
 * Scans documents with rules from outside the team: the engine, author rules included, runs in child JVMs,
 * never in the caller's. Each child has its own heap cap ({@link Builder#heap}) and each input a
 * wall-clock limit ({@link Builder#timeoutPerInput}); a child past either is killed (or exits), that input
 * gets an error record ({@code RULE_LIMIT}, {@code TOO_LARGE}) and a fresh child takes the next. By default
 * each child runs behind a sandbox ({@link Builder#sandbox}) from its start, rule compilation included: no network, no
 * process, no {@code System.exit}, no file written outside a private temporary folder, and no file read but
 * the JDK, the class path and the rule folders (the caller reads each input and sends its bytes). Something refused there is
 * a {@code SANDBOX} error record. The model is Tika's {@code ForkParser}.
 *
 * <pre>{@code
 * try (IsolatedEngine engine = IsolatedEngine.builder().rules(Path.of("their-rules")).build()) {
 *     IsolatedScan scan = engine.scan(Path.of("draft.docx"));
 *     if (!scan.failed()) { ... scan.report().findings() ... }
 * }
 * }</pre>
 *
 * <p>Thread-safe: {@link Builder#children} child JVMs scan in parallel, a caller waits for a free one.
 * The rules are checked when the engine is built (the first child starts then), so rules that do not load
 * fail {@link Builder#build} with their messages. The sandbox uses the Security Manager of Java 17 to 23;
 * a later JVM does not start a sandboxed child, so {@link Builder#build} fails with the JVM's message unless
 * the sandbox is off (then run the children in a container).
 */
public final class IsolatedEngine implements AutoCloseable {
    /** How long a child may take to build its engine (author rules compile there). */
    static final Duration START_LIMIT = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What every child is started with; filled by the {@link Builder}. */
    record Settings(List<Path> rules, Language language, boolean builtInRules, String heap, Duration timeoutPerInput,
            boolean sandbox, String classPath, long maxInputBytes, double minConfidence) {
        /** The child's arguments that build its engine (see {@link IsolatedChild}). */
        List<String> engineArgs() {
            List<String> out = new ArrayList<>();
            rules.forEach(r -> out.addAll(List.of("--rules", r.toString())));
            if (language != null) {
                out.addAll(List.of("--lang", language.code()));
            }
            if (!builtInRules) {
                out.add("--no-builtin");
            }
            if (minConfidence > 0) {
                out.addAll(List.of("--min-confidence", Double.toString(minConfidence)));
            }
            return out;
        }
    }

    private final Settings settings;
    private final BlockingQueue<ChildJvm> idle;
    private final List<ChildJvm> children = new ArrayList<>();
    private volatile boolean closed;

    private IsolatedEngine(Settings settings, int count) throws IOException {
        this.settings = settings;
        this.idle = new ArrayBlockingQueue<>(count);
        for (int i = 0; i < count; i++) {
            ChildJvm child = new ChildJvm(settings);
            children.add(child);
            idle.add(child);
        }
        String problem = children.get(0).ensureStarted();
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    /** A builder: built-in rules, the language detected, one child of 512 MB, 60 s per input, sandboxed. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Scans one file in a child JVM. Never throws for what the file, the rules or the child do: every
     * input gets a report or an error record.
     */
    public IsolatedScan scan(Path file) {
        String source = file.toString();
        byte[] content;
        try {
            if (!Files.isRegularFile(file)) {
                return error(source, "IO", "not a regular file");
            }
            long size = Files.size(file);
            if (size > settings.maxInputBytes()) {
                return error(source, "TOO_LARGE", "larger than " + settings.maxInputBytes() + " bytes; not read");
            }
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            return error(source, "IO", "cannot read: " + e);
        }
        return scan(source, content);
    }

    /** Scans one document's bytes in a child JVM; {@code sourceName} names it in the report (its extension hints the format). */
    public IsolatedScan scan(InputStream in, String sourceName) {
        byte[] content;
        try {
            content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, settings.maxInputBytes() + 1));
        } catch (IOException e) {
            return error(sourceName, "IO", "cannot read: " + e);
        }
        if (content.length > settings.maxInputBytes()) {
            return error(sourceName, "TOO_LARGE", "larger than " + settings.maxInputBytes() + " bytes; not read");
        }
        return scan(sourceName, content);
    }

    private IsolatedScan scan(String source, byte[] content) {
        if (closed) {
            throw new IllegalStateException("this isolated engine is closed");
        }
        ChildJvm child;
        try {
            child = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(source, "INTERNAL", "interrupted");
        }
        try {
            return child.scan(source, content);
        } finally {
            idle.add(child);
        }
    }

    /** Ends the child JVMs (each gets 5 s to finish) and deletes their folders. */
    @Override
    public void close() {
        closed = true;
        children.forEach(ChildJvm::stop);
    }

    static IsolatedScan answer(String source, String line) {
        try {
            if (line.startsWith("ok ")) {
                String json = line.substring(3);
                return new IsolatedScan(source, ReportJson.readScanReport(json), json, null, null);
            }
            if (line.startsWith("error ")) {
                String json = line.substring(6);
                JsonNode record = JSON.readTree(json);
                return new IsolatedScan(source, null, json, record.path("reason").asText("INTERNAL"), record.path("error").asText(""));
            }
        } catch (IOException e) {
            return error(source, "INTERNAL", "the isolated scan's child JVM answered what is not a report: " + e.getMessage());
        }
        return error(source, "INTERNAL", "the isolated scan's child JVM answered what is not a report");
    }

    /** An error record made before any child saw the input (a folder entry that is no file) as an isolated scan. */
    public static IsolatedScan errorRecord(java.util.Map<String, Object> record) {
        return error(String.valueOf(record.get("source")), String.valueOf(record.get("reason")), String.valueOf(record.get("error")));
    }

    static IsolatedScan error(String source, String reason, String message) {
        try {
            String json = IsolatedChild.error(source, reason, message).substring("error ".length());
            return new IsolatedScan(source, null, json, reason, message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings of an {@link IsolatedEngine}. */
    public static final class Builder {
        private final List<Path> rules = new ArrayList<>();
        private Language language;
        private boolean builtInRules = true;
        private String heap = "512m";
        private Duration timeoutPerInput = Duration.ofSeconds(60);
        private int children = 1;
        private boolean sandbox = true;
        private String classPath = System.getProperty("java.class.path");
        private long maxInputBytes = TextExtractor.DEFAULT_MAX_INPUT_BYTES;
        private double minConfidence;

        private Builder() {
        }

        /** Keeps only findings of at least this confidence (as {@code RiskEngine.Builder#minConfidence}). */
        public Builder minConfidence(double min) {
            this.minConfidence = ConfidenceTable.requireMinimum(min);
            return this;
        }

        /** Adds a folder of author rules (as {@code RiskEngine.Builder#rules}); may be called more than once. */
        public Builder rules(Path directory) {
            rules.add(directory.toAbsolutePath());
            return this;
        }

        /** Reads every input in this language instead of detecting it. */
        public Builder language(Language language) {
            this.language = Objects.requireNonNull(language, "language");
            return this;
        }

        /** Whether the built-in rules run beside the author rules (default yes). */
        public Builder builtInRules(boolean builtIn) {
            this.builtInRules = builtIn;
            return this;
        }

        /** Each child JVM's heap, as {@code -Xmx} takes it ({@code 512m}, {@code 2g}). */
        public Builder heap(String heap) {
            if (!heap.matches("[1-9][0-9]*[kKmMgG]?")) {
                throw new IllegalArgumentException("a heap size like 512m or 2g: " + heap);
            }
            this.heap = heap;
            return this;
        }

        /** Wall-clock limit per input, reading and rules together; past it the child is killed. */
        public Builder timeoutPerInput(Duration limit) {
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("the time limit must be positive: " + limit);
            }
            this.timeoutPerInput = limit;
            return this;
        }

        /** How many child JVMs scan in parallel (default 1). */
        public Builder children(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("at least one child: " + count);
            }
            this.children = count;
            return this;
        }

        /** Whether the children run behind the sandbox (default yes); off, they may write files and connect. */
        public Builder sandbox(boolean on) {
            this.sandbox = on;
            return this;
        }

        /** The children's class path (default: this JVM's {@code java.class.path}); it must hold this library. */
        public Builder classPath(String classPath) {
            this.classPath = Objects.requireNonNull(classPath, "classPath");
            return this;
        }

        /** Largest input sent to a child, in bytes (default as {@link TextExtractor}); larger is {@code TOO_LARGE}. */
        public Builder maxInputBytes(long bytes) {
            if (bytes < 1 || bytes > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("between 1 byte and 2 GB: " + bytes);
            }
            this.maxInputBytes = bytes;
            return this;
        }

        /**
         * Starts the first child, which builds the engine and checks the rules.
         *
         * @throws IllegalStateException when the child does not start: the rules do not load (their
         *                               messages are in the exception's), or the JVM cannot start a sandboxed
         *                               child (Java 24 and later; the JVM's message is in the exception's)
         * @throws UncheckedIOException  when the child's folder or process cannot be created
         */
        public IsolatedEngine build() {
            try {
                return new IsolatedEngine(new Settings(List.copyOf(rules), language, builtInRules, heap, timeoutPerInput, sandbox,
                        classPath, maxInputBytes, minConfidence), children);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
