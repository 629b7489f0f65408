package org.adaldyq.risk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.report.ReportJson;
import org.adaldyq.risk.report.ScannedDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code scan --isolate}: the engine, author rules included, runs in a child JVM with its own heap cap, and
 * each input gets a wall-clock limit; a child that passes it is killed, one that runs out of memory exits,
 * and either way that input gets one error record and a fresh child takes the next one. The model is
 * Tika's {@code ForkParser}. The parent never loads the author rules itself.
 *
 * <p>Protocol: the parent writes one JSON string (a path) per line on the child's stdin; the child answers
 * each with one line on its stdout, {@code @@risk ok N JSON} (a report with N findings) or {@code @@risk
 * error JSON} (an error record), after {@code @@risk ready} once its engine is built. Anything else the
 * child prints (logs) goes to its stderr, the parent's.
 */
final class IsolatedScanner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IsolatedScanner.class);
    private static final String PREFIX = "@@risk ";
    private static final String EOF = "\u0000eof";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long a child may take to build its engine (author rules compile there). */
    private static final Duration START_LIMIT = Duration.ofMinutes(5);

    /** One input's result from the child: the JSON line to print, its findings, whether it failed. */
    record Result(String json, long findings, boolean failed) {
    }

    private final List<String> engineArgs;
    private final String heap;
    private final Duration perInput;
    private Process child;
    private Writer toChild;
    private BlockingQueue<String> fromChild;

    /**
     * @param engineArgs what the child needs to build the same engine ({@code --rules DIR}, {@code --lang L},
     *                   {@code --no-builtin})
     * @param heap       the child's {@code -Xmx}, e.g. {@code 512m}
     * @param perInput   wall-clock limit per input, reading and rules together
     */
    IsolatedScanner(List<String> engineArgs, String heap, Duration perInput) {
        this.engineArgs = List.copyOf(engineArgs);
        this.heap = heap;
        this.perInput = perInput;
    }

    /** Starts the first child now, so that rules that do not load fail the command before any input. */
    void start() throws IOException {
        String problem = startChild();
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    /** Scans {@code file} in the child; never throws for what happens in the child. */
    synchronized Result scan(Path file) {
        try {
            if (child == null || !child.isAlive()) {
                String problem = startChild();
                if (problem != null) {
                    return error(file, "INTERNAL", problem);
                }
            }
            toChild.write(JSON.writeValueAsString(file.toString()) + "\n");
            toChild.flush();
            String line = fromChild.poll(perInput.toNanos(), TimeUnit.NANOSECONDS);
            if (line == null) {
                kill();
                return error(file, "RULE_LIMIT", "the isolated scan took longer than " + perInput.toSeconds()
                        + " s: its child JVM was killed");
            }
            if (line.equals(EOF)) {
                int code = child.waitFor();
                child = null;
                return code == 3
                        ? error(file, "TOO_LARGE", "the isolated scan ran out of memory (child JVM heap " + heap + "): its child JVM ended")
                        : error(file, "INTERNAL", "the isolated scan's child JVM ended with exit code " + code);
            }
            if (line.startsWith(PREFIX + "ok ")) {
                String rest = line.substring((PREFIX + "ok ").length());
                int space = rest.indexOf(' ');
                return new Result(rest.substring(space + 1), Long.parseLong(rest.substring(0, space)), false);
            }
            return new Result(line.substring((PREFIX + "error ").length()), 0, true);
        } catch (IOException e) {
            kill();
            return error(file, "INTERNAL", "cannot talk to the isolated scan's child JVM: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            return error(file, "INTERNAL", "interrupted");
        }
    }

    private String startChild() throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), IsolatedScanner.class.getName()));
        cmd.addAll(engineArgs);
        child = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        toChild = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        fromChild = queue;
        Process p = child;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith(PREFIX)) {
                        queue.add(line);
                    }
                }
            } catch (IOException e) {
                LOG.debug("child JVM output closed", e);
            }
            queue.add(EOF);
        }, "isolated-scan-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            String ready = queue.poll(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
            if (ready == null || !ready.equals(PREFIX + "ready")) {
                kill();
                return "the isolated scan's child JVM did not start (its messages are above)";
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            return "interrupted";
        }
    }

    private void kill() {
        if (child != null) {
            child.destroyForcibly();
            try {
                child.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            child = null;
        }
    }

    private static Result error(Path file, String reason, String message) {
        try {
            return new Result(ReportJson.compact().writeValueAsString(ScanInputs.error(file, reason, message).error()), 0, true);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (child != null) {
            try {
                toChild.close();
                if (!child.waitFor(5, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (IOException | InterruptedException e) {
                kill();
            }
        }
    }

    /** The child: builds the engine from {@code args}, then scans one path per line of stdin. */
    public static void main(String[] args) throws IOException {
        PrintStream protocol = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err); // nothing but the protocol on stdout
        RiskEngine.Builder builder = RiskEngine.builder();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rules" -> builder.rules(Path.of(args[++i]));
                case "--lang" -> builder.language(Language.fromCode(args[++i]).orElseThrow());
                case "--no-builtin" -> builder.builtInRules(false);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        RiskEngine engine;
        try {
            engine = builder.build();
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        protocol.println(PREFIX + "ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(protocol, true);
        String line;
        while ((line = in.readLine()) != null) {
            Path file = Path.of(JSON.readValue(line, String.class));
            Object done = ScanCommand.scanOne(engine, file);
            if (done instanceof ScannedDocument d) {
                out.println(PREFIX + "ok " + d.report().findings().size() + " " + ReportJson.compact().writeValueAsString(d.report()));
            } else {
                @SuppressWarnings("unchecked")
                Map<String, Object> record = (Map<String, Object>) done;
                out.println(PREFIX + "error " + ReportJson.compact().writeValueAsString(record));
            }
        }
    }
}
