package org.adaldyq.risk.report.writer;

import org.adaldyq.risk.report.ScannedDocument;
import org.adaldyq.risk.report.ScanReport;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.finding.ProvisionLocation;
import org.adaldyq.risk.finding.Severity;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.regulation.FactorCatalogue;

/**
 * Writes scan results as one SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format), the
 * format code-review tools ingest: one run whose rules are the factor catalogue and whose results are the
 * findings, each with the artifact, a region (line, column and character offsets) and a fingerprint that
 * stays the same across runs while the provision keeps its citation and wording.
 *
 * <p>Regions index the text as the document was read: one paragraph per line, columns in UTF-16 code
 * units. For plain text and Markdown that is the file's own text; for DOCX, PDF or HTML it is the text
 * those files hold, and the region's {@code snippet} carries the quoted words. Results are streamed as
 * documents are added, so a batch of any size is written in bounded memory (artifacts are kept, one small
 * entry each). Not thread-safe: add documents from one thread.
 *
 * <pre>{@code
 * try (SarifWriter sarif = new SarifWriter(out, engine.catalogue())) {
 *     sarif.add(engine.scanDocument(Path.of("draft.docx")));
 * }
 * }</pre>
 */
public final class SarifWriter implements Closeable {

    /** The key of the fingerprint in each result's {@code partialFingerprints}. */
    public static final String FINGERPRINT = "adaldyqFinding/v1";

    private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final String TOOL = "Adaldyq Risk";
    private static final String INFORMATION_URI = "https://github.com/adaldyq/adaldyq-risk";

    private final JsonGenerator json;
    private final Map<String, Integer> ruleIndex = new HashMap<>();
    private final List<Artifact> artifacts = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private boolean closed;

    private record Artifact(String uri, String mediaType, Language language, double score, int provisions, int findings) {
    }

    private record Problem(String uri, String reason, String message) {
    }

    /**
     * Starts a log on {@code out} (UTF-8, indented) with the rules of {@code catalogue}. The stream is not
     * closed by {@link #close()}.
     *
     * @throws IOException when the stream cannot be written
     */
    public SarifWriter(OutputStream out, FactorCatalogue catalogue) throws IOException {
        this(new JsonFactory().createGenerator(out, JsonEncoding.UTF8), catalogue);
    }

    /**
     * Starts a log on a character stream (indented) with the rules of {@code catalogue}. The writer is not
     * closed by {@link #close()}.
     *
     * @throws IOException when the stream cannot be written
     */
    public SarifWriter(Writer out, FactorCatalogue catalogue) throws IOException {
        this(new JsonFactory().createGenerator(out), catalogue);
    }

    private SarifWriter(JsonGenerator generator, FactorCatalogue catalogue) throws IOException {
        json = generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).setPrettyPrinter(new DefaultPrettyPrinter());
        json.writeStartObject();
        json.writeStringField("$schema", SCHEMA);
        json.writeStringField("version", "2.1.0");
        json.writeArrayFieldStart("runs");
        json.writeStartObject();
        writeTool(catalogue);
        json.writeStringField("columnKind", "utf16CodeUnits");
        json.writeArrayFieldStart("results");
    }

    private void writeTool(FactorCatalogue catalogue) throws IOException {
        json.writeObjectFieldStart("tool");
        json.writeObjectFieldStart("driver");
        json.writeStringField("name", TOOL);
        String version = SarifWriter.class.getPackage().getImplementationVersion();
        if (version != null) {
            json.writeStringField("version", version);
        }
        json.writeStringField("informationUri", INFORMATION_URI);
        json.writeArrayFieldStart("rules");
        int i = 0;
        for (String code : new TreeSet<>(catalogue.codes())) {
            FactorCatalogue.Factor f = catalogue.get(code).orElseThrow();
            ruleIndex.put(code, i++);
            json.writeStartObject();
            json.writeStringField("id", code);
            json.writeStringField("name", ruleName(code));
            text(json, "shortDescription", f.title(Language.EN));
            text(json, "fullDescription", withoutTriggers(f.explanation(Language.EN)));
            text(json, "help", withoutTriggers(f.explanation(Language.EN)) + " " + f.recommendation(Language.EN));
            json.writeObjectFieldStart("defaultConfiguration");
            json.writeStringField("level", level(f.severity()));
            json.writeEndObject();
            json.writeObjectFieldStart("properties");
            json.writeStringField("severity", f.severity().toString());
            json.writeStringField("scope", f.level());
            json.writeStringField("methodology", f.methodology());
            json.writeObjectFieldStart("title");
            for (Map.Entry<String, String> t : f.title().entrySet()) {
                json.writeStringField(t.getKey(), t.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
    }

    /**
     * Adds the findings of one scanned document as results, and the document as an artifact.
     *
     * @throws IOException when the stream cannot be written
     */
    public void add(ScannedDocument scanned) throws IOException {
        ensureOpen();
        ScanReport report = scanned.report();
        String text = scanned.document().text();
        String uri = uri(report.source());
        int artifact = artifacts.size();
        artifacts.add(new Artifact(uri, report.mediaType(), report.language(), report.score(), report.provisionCount(),
                report.findings().size()));
        LineIndex lines = new LineIndex(text);
        Map<String, Integer> seen = new HashMap<>();
        for (Finding f : report.findings()) {
            ProvisionLocation at = (ProvisionLocation) f.location();
            json.writeStartObject();
            json.writeStringField("ruleId", f.code());
            Integer index = ruleIndex.get(f.code());
            if (index != null) {
                json.writeNumberField("ruleIndex", index);
            }
            json.writeStringField("level", level(f.severity()));
            json.writeObjectFieldStart("message");
            json.writeStringField("text", f.title() + ": " + f.explanation());
            json.writeEndObject();
            json.writeArrayFieldStart("locations");
            json.writeStartObject();
            json.writeObjectFieldStart("physicalLocation");
            json.writeObjectFieldStart("artifactLocation");
            json.writeStringField("uri", uri);
            json.writeNumberField("index", artifact);
            json.writeEndObject();
            region(json, "region", lines, at.start(), at.end(), at.quote());
            // The provision, widened to the quote when the quote lies in a list item's lead-in (SARIF wants a superset).
            region(json, "contextRegion", lines, Math.min(at.provisionStart(), at.start()), Math.max(at.provisionEnd(), at.end()), null);
            json.writeEndObject();
            json.writeArrayFieldStart("logicalLocations");
            json.writeStartObject();
            json.writeStringField("name", at.provision());
            json.writeStringField("fullyQualifiedName", report.source() + "#" + at.provision());
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            String key = f.code() + '\u0000' + at.provision() + '\u0000' + normalise(at.quote());
            int occurrence = seen.merge(key, 1, Integer::sum);
            json.writeObjectFieldStart("partialFingerprints");
            json.writeStringField(FINGERPRINT, sha256(key + '\u0000' + occurrence));
            json.writeEndObject();
            json.writeObjectFieldStart("properties");
            json.writeNumberField("score", f.score());
            if (f.confidence() != null) {
                json.writeNumberField("confidence", f.confidence());
            }
            json.writeStringField("provision", at.provision());
            json.writeArrayFieldStart("triggers");
            for (String t : f.triggers()) {
                json.writeString(t);
            }
            json.writeEndArray();
            json.writeStringField("recommendation", f.recommendation());
            json.writeStringField("language", report.language().code());
            json.writeEndObject();
            json.writeEndObject();
        }
        json.flush();
    }

    /**
     * Records an input that could not be scanned: a notification of the run's invocation (so the log says
     * the run was not complete), never a silent gap.
     *
     * @param source  the input as the caller named it
     * @param reason  a short code ({@code UNREADABLE}, {@code TOO_LARGE}, …)
     * @param message what went wrong, for people
     */
    public void addError(String source, String reason, String message) {
        ensureOpen();
        problems.add(new Problem(uri(source), reason, message));
    }

    /**
     * Ends the log: the artifacts, the invocation (successful when no input failed) and the closing brackets.
     *
     * @throws IOException when the stream cannot be written
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        json.writeEndArray();
        json.writeArrayFieldStart("artifacts");
        for (Artifact a : artifacts) {
            json.writeStartObject();
            json.writeObjectFieldStart("location");
            json.writeStringField("uri", a.uri());
            json.writeEndObject();
            json.writeStringField("mimeType", a.mediaType());
            json.writeStringField("sourceLanguage", a.language().code());
            json.writeObjectFieldStart("properties");
            json.writeNumberField("score", a.score());
            json.writeNumberField("provisions", a.provisions());
            json.writeNumberField("findings", a.findings());
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("invocations");
        json.writeStartObject();
        json.writeBooleanField("executionSuccessful", problems.isEmpty());
        if (!problems.isEmpty()) {
            json.writeArrayFieldStart("toolExecutionNotifications");
            for (Problem p : problems) {
                json.writeStartObject();
                json.writeStringField("level", "error");
                json.writeObjectFieldStart("message");
                json.writeStringField("text", p.message());
                json.writeEndObject();
                json.writeObjectFieldStart("descriptor");
                json.writeStringField("id", p.reason());
                json.writeEndObject();
                json.writeArrayFieldStart("locations");
                json.writeStartObject();
                json.writeObjectFieldStart("physicalLocation");
                json.writeObjectFieldStart("artifactLocation");
                json.writeStringField("uri", p.uri());
                json.writeEndObject();
                json.writeEndObject();
                json.writeEndObject();
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
        json.writeRaw('\n');
        json.close();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the SARIF log is closed");
        }
    }

    /** SARIF levels: high → error, medium → warning, low → note. */
    static String level(Severity s) {
        return switch (s) {
            case HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW -> "note";
        };
    }

    /** OPTIONAL_POWER → OptionalPower: SARIF's rule names are identifiers, distinct from the id. */
    static String ruleName(String code) {
        StringBuilder b = new StringBuilder();
        for (String part : code.toLowerCase(Locale.ROOT).split("_")) {
            if (!part.isEmpty()) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
            }
        }
        return b.toString();
    }

    private static String withoutTriggers(String explanation) {
        return explanation.replace(" ({triggers})", "").replace("({triggers})", "").replace("{triggers}", "…");
    }

    private static void text(JsonGenerator json, String field, String text) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeStringField("text", text);
        json.writeEndObject();
    }

    private static void region(JsonGenerator json, String field, LineIndex lines, int start, int end, String snippet)
            throws IOException {
        json.writeObjectFieldStart(field);
        // SARIF counts lines and columns from 1
        json.writeNumberField("startLine", lines.lineOf(start) + 1);
        json.writeNumberField("startColumn", start - lines.start(lines.lineOf(start)) + 1);
        json.writeNumberField("endLine", lines.lineOf(end) + 1);
        json.writeNumberField("endColumn", end - lines.start(lines.lineOf(end)) + 1);
        json.writeNumberField("charOffset", start);
        json.writeNumberField("charLength", end - start);
        if (snippet != null) {
            json.writeObjectFieldStart("snippet");
            json.writeStringField("text", snippet);
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    /**
     * The artifact URI of a source: a relative path stays relative (with {@code /} separators, percent-encoded),
     * an absolute one becomes a {@code file:} URI, a name that is no path is encoded as it is.
     */
    static String uri(String source) {
        try {
            Path p = Path.of(source);
            if (p.isAbsolute()) {
                return p.toUri().toASCIIString();
            }
            return new URI(null, null, source.replace('\\', '/'), null).toASCIIString();
        } catch (InvalidPathException | URISyntaxException e) {
            return percentEncoded(source);
        }
    }

    private static String normalise(String quote) {
        return quote.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** Percent-encoding of a name that is not a path (every byte outside the unreserved set). */
    private static String percentEncoded(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }
}
