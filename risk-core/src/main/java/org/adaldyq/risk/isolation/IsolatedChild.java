package org.adaldyq.risk.isolation;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.extract.DocumentReadException;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.report.ReportJson;
import org.adaldyq.risk.report.ScanReport;
import org.adaldyq.risk.rules.RuleLimitException;

/**
 * The child JVM of an {@link IsolatedEngine}: builds the engine from its arguments (behind the sandbox
 * when the parent started it with a policy: see {@link SandboxPolicy}), answers {@code @@risk ready}, then scans one framed input after
 * another from stdin and answers each with one line on stdout: {@code @@risk ok JSON} or {@code @@risk
 * error JSON}. A frame is the name's length and UTF-8 bytes, then the content's length and bytes. Anything
 * else the child writes goes to stderr, which the parent logs.
 */
final class IsolatedChild {
    static final String PREFIX = "@@risk ";
    /** Exit code: the engine did not build (the rules are broken); the message is on stderr. */
    static final int EXIT_RULES = 2;

    private IsolatedChild() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err); // nothing but the protocol on stdout
        RiskEngine engine;
        try {
            engine = engine(args);
        } catch (RuntimeException e) {
            System.err.println(e.getMessage());
            System.exit(EXIT_RULES);
            return;
        }
        protocol.println(PREFIX + "ready");
        DataInputStream in = new DataInputStream(new BufferedInputStream(System.in));
        while (true) {
            String name;
            byte[] content;
            try {
                name = new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
                content = in.readNBytes(in.readInt());
            } catch (EOFException e) {
                return; // the parent closed the stream: done
            }
            protocol.println(PREFIX + answer(engine, name, content));
        }
    }

    private static RiskEngine engine(String[] args) {
        RiskEngine.Builder builder = RiskEngine.builder();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rules" -> builder.rules(Path.of(args[++i]));
                case "--lang" -> builder.language(Language.fromCode(args[++i]).orElseThrow());
                case "--no-builtin" -> builder.builtInRules(false);
                case "--min-confidence" -> builder.minConfidence(Double.parseDouble(args[++i]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return builder.build();
    }

    /** {@code ok JSON} or {@code error JSON} for one input; never throws for what the input or rules do. */
    static String answer(RiskEngine engine, String name, byte[] content) throws IOException {
        try {
            // read under the file's name, as a scan in process reads a path: the same format hints and messages
            Path fileName = Path.of(name).getFileName();
            ScanReport r = engine.scanDocument(new ByteArrayInputStream(content), fileName == null ? name : fileName.toString()).report();
            ScanReport report = new ScanReport(name, r.language(), r.mediaType(), r.score(), r.provisionCount(), r.provisions(),
                    r.findings(), r.metadata());
            return "ok " + ReportJson.compact().writeValueAsString(report);
        } catch (DocumentReadException e) {
            return error(name, e.reason().name(), e.getMessage());
        } catch (RuleLimitException e) {
            return error(name, "RULE_LIMIT", e.getMessage());
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            SecurityException refused = refusal(e);
            if (refused != null) {
                return error(name, "SANDBOX", "the isolated scan refused what a rule or parser tried: " + refused.getMessage());
            }
            if (e instanceof org.kie.api.runtime.rule.ConsequenceException) {
                return error(name, "RULE_ERROR", e.getMessage()); // as a scan in process names a rule that threw
            }
            e.printStackTrace();
            return error(name, "INTERNAL", e.toString());
        } catch (OutOfMemoryError e) {
            return error(name, "TOO_LARGE", "the document needs more memory than the isolated scan has (" + e.getMessage() + ")");
        }
    }

    private static SecurityException refusal(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SecurityException s) {
                return s;
            }
        }
        return null;
    }

    static String error(String source, String reason, String message) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("error", message);
        m.put("reason", reason);
        return "error " + ReportJson.compact().writeValueAsString(m);
    }
}
