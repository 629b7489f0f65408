package org.adaldyq.risk.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adaldyq.risk.finding.Evidence;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.finding.Location;
import org.adaldyq.risk.finding.ProcessLocation;
import org.adaldyq.risk.finding.ProvisionLocation;
import org.adaldyq.risk.finding.Severity;
import org.adaldyq.risk.lang.Language;

/**
 * Writers of reports in their JSON form ({@code docs/scan-report.schema.json}): a mapper with nothing but
 * {@link RiskJacksonModule} registered. Writers are immutable and thread-safe, so no caller can change how
 * another's reports are written; share them. A host that has its own mapper registers
 * {@link RiskJacksonModule} on it instead. {@link #readScanReport} reads a report back from that form.
 */
public final class ReportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new RiskJacksonModule());
    private static final ObjectWriter COMPACT = MAPPER.writer();
    private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    private ReportJson() {
    }

    /** One-line JSON (for JSON Lines output). */
    public static ObjectWriter compact() {
        return COMPACT;
    }

    /** Indented JSON. */
    public static ObjectWriter pretty() {
        return PRETTY;
    }

    /**
     * Reads a scan report back from its JSON form, as {@link #compact()} writes it: the same source,
     * language, scores, provisions and findings (evidence values as JSON numbers, strings, lists and maps).
     *
     * @throws IOException when {@code json} is not JSON or not a scan report
     */
    public static ScanReport readScanReport(String json) throws IOException {
        JsonNode r = MAPPER.readTree(json);
        if (r == null || !r.isObject() || !r.path("findings").isArray() || !r.path("provisions").isArray()) {
            throw new IOException("not a scan report: no findings and provisions");
        }
        try {
            List<ProvisionScore> provisions = new ArrayList<>();
            for (JsonNode p : r.path("provisions")) {
                provisions.add(new ProvisionScore(p.path("provision").asText(), p.path("start").asInt(), p.path("end").asInt(),
                        p.path("score").asDouble(), strings(p.path("factors"))));
            }
            List<Finding> findings = new ArrayList<>();
            for (JsonNode f : r.path("findings")) {
                findings.add(finding(f));
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            r.path("metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
            Language language = Language.fromCode(r.path("language").asText())
                    .orElseThrow(() -> new IOException("not a scan report: unknown language " + r.path("language")));
            return new ScanReport(text(r, "source"), language, text(r, "mediaType"), r.path("score").asDouble(),
                    r.path("provisionCount").asInt(), provisions, findings, metadata);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IOException("not a scan report: " + e.getMessage(), e);
        }
    }

    private static Finding finding(JsonNode f) throws IOException {
        Location location;
        String code;
        if (f.has("factor")) {
            code = f.path("factor").asText();
            location = new ProvisionLocation(text(f, "provision"), f.path("provisionStart").asInt(), f.path("provisionEnd").asInt(),
                    text(f, "quote"), f.path("start").asInt(), f.path("end").asInt());
        } else {
            code = f.path("flag").asText(null);
            location = new ProcessLocation(text(f, "group"), text(f, "id"));
        }
        List<Evidence> evidence = new ArrayList<>();
        for (JsonNode e : f.path("evidence")) {
            evidence.add(new Evidence(text(e, "path"), value(e.get("value")), value(e.get("threshold"))));
        }
        return new Finding(code, text(f, "ruleId"), Severity.parse(f.path("severity").asText()), f.path("score").asDouble(),
                text(f, "title"), location, strings(f.path("triggers")), evidence, text(f, "explanation"), text(f, "recommendation"),
                f.hasNonNull("confidence") ? f.get("confidence").asDouble() : null);
    }

    private static Object value(JsonNode node) throws IOException {
        return node == null || node.isNull() ? null : MAPPER.treeToValue(node, Object.class);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
