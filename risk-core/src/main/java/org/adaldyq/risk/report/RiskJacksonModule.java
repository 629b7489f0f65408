package org.adaldyq.risk.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import org.adaldyq.risk.finding.Evidence;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.finding.ProcessLocation;
import org.adaldyq.risk.finding.ProvisionLocation;
import org.adaldyq.risk.lang.Language;

/**
 * The Jackson module that gives reports their JSON form, as described by {@code docs/scan-report.schema.json}:
 * register it on a host's own mapper ({@code new ObjectMapper().registerModule(new RiskJacksonModule())})
 * and {@link ScanReport}s and {@link PairReport}s come out exactly as {@link ReportJson} writes them. A
 * finding of a legal text is written flat: {@code factor}, {@code severity}, {@code score},
 * {@code provision}, {@code quote}, {@code start}, {@code end}, {@code explanation},
 * {@code recommendation}, plus {@code ruleId}, {@code title}, {@code provisionStart},
 * {@code provisionEnd}, {@code triggers}, and {@code confidence} and {@code evidence} when it has them (a procurement
 * flag has no confidence: the field is left out). These names are a public contract. The rest of a report is
 * plain records, which any Jackson since 2.12 writes by their components.
 *
 * <p>Only long-stable Jackson 2 API is used ({@link SimpleModule}, {@link StdSerializer}, the streaming
 * generator), so that it runs on the Jackson a host brings.
 */
public final class RiskJacksonModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    /** A module with the serialisers of {@link Finding}, {@link PairReport} and {@link Language}. */
    public RiskJacksonModule() {
        super("adaldyq-risk");
        addSerializer(Finding.class, new FindingSerializer());
        addSerializer(PairReport.class, new PairReportSerializer());
        addSerializer(Language.class, new LanguageSerializer());
    }

    /**
     * A pair scan: {@code sources}, {@code languages}, {@code provisions} (each version's count and
     * {@code aligned}), {@code counts} ({@code both} and one count per language for findings in that
     * version only), {@code findings} (each with {@code factor}, {@code provision}, {@code in}: the
     * languages whose version has it, {@code confidence} when known ({@link PairReport.PairedFinding#confidence}),
     * and the finding of each version under its language code), and the
     * two full {@code reports}.
     */
    private static final class PairReportSerializer extends StdSerializer<PairReport> {
        private static final long serialVersionUID = 1L;

        PairReportSerializer() {
            super(PairReport.class);
        }

        @Override
        public void serialize(PairReport r, JsonGenerator gen, SerializerProvider provider) throws IOException {
            String a = r.first().language().code();
            String b = r.second().language().code();
            String bKey = a.equals(b) ? b + "2" : b;
            gen.writeStartObject();
            gen.writeArrayFieldStart("sources");
            gen.writeString(r.first().source());
            gen.writeString(r.second().source());
            gen.writeEndArray();
            gen.writeArrayFieldStart("languages");
            gen.writeString(a);
            gen.writeString(b);
            gen.writeEndArray();
            gen.writeObjectFieldStart("provisions");
            gen.writeNumberField(a, r.firstProvisions());
            gen.writeNumberField(bKey, r.secondProvisions());
            gen.writeNumberField("aligned", r.aligned());
            gen.writeEndObject();
            gen.writeObjectFieldStart("counts");
            gen.writeNumberField("both", r.inBoth());
            gen.writeNumberField(a, r.firstOnly());
            gen.writeNumberField(bKey, r.secondOnly());
            gen.writeEndObject();
            if (r.minConfidence() > 0) {
                gen.writeNumberField("minConfidence", r.minConfidence());
            }
            gen.writeArrayFieldStart("findings");
            for (PairReport.PairedFinding f : r.findings()) {
                gen.writeStartObject();
                gen.writeStringField("factor", f.code());
                gen.writeStringField("provision", f.provision());
                gen.writeArrayFieldStart("in");
                if (f.first() != null) {
                    gen.writeString(a);
                }
                if (f.second() != null) {
                    gen.writeString(bKey);
                }
                gen.writeEndArray();
                if (f.confidence() != null) {
                    gen.writeNumberField("confidence", f.confidence());
                }
                if (f.first() != null) {
                    provider.defaultSerializeField(a, f.first(), gen);
                }
                if (f.second() != null) {
                    provider.defaultSerializeField(bKey, f.second(), gen);
                }
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeArrayFieldStart("reports");
            provider.defaultSerializeValue(r.first(), gen);
            provider.defaultSerializeValue(r.second(), gen);
            gen.writeEndArray();
            gen.writeEndObject();
        }
    }

    private static final class LanguageSerializer extends StdSerializer<Language> {
        private static final long serialVersionUID = 1L;

        LanguageSerializer() {
            super(Language.class);
        }

        @Override
        public void serialize(Language value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.code());
        }
    }

    private static final class FindingSerializer extends StdSerializer<Finding> {
        private static final long serialVersionUID = 1L;

        FindingSerializer() {
            super(Finding.class);
        }

        @Override
        public void serialize(Finding f, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeStartObject();
            if (f.location() instanceof ProvisionLocation p) {
                gen.writeStringField("factor", f.code());
            } else {
                gen.writeStringField("flag", f.code());
            }
            gen.writeStringField("ruleId", f.ruleId());
            gen.writeStringField("severity", f.severity().toString());
            gen.writeNumberField("score", f.score());
            if (f.confidence() != null) {
                gen.writeNumberField("confidence", f.confidence());
            }
            gen.writeStringField("title", f.title());
            if (f.location() instanceof ProvisionLocation p) {
                gen.writeStringField("provision", p.provision());
                gen.writeNumberField("provisionStart", p.provisionStart());
                gen.writeNumberField("provisionEnd", p.provisionEnd());
                gen.writeStringField("quote", p.quote());
                gen.writeNumberField("start", p.start());
                gen.writeNumberField("end", p.end());
            } else if (f.location() instanceof ProcessLocation p) {
                gen.writeStringField("group", p.group());
                gen.writeStringField("id", p.id());
            }
            gen.writeArrayFieldStart("triggers");
            for (String t : f.triggers()) {
                gen.writeString(t);
            }
            gen.writeEndArray();
            if (!f.evidence().isEmpty()) {
                gen.writeArrayFieldStart("evidence");
                for (Evidence e : f.evidence()) {
                    gen.writeStartObject();
                    gen.writeStringField("path", e.path());
                    provider.defaultSerializeField("value", e.value(), gen);
                    if (e.threshold() != null) {
                        provider.defaultSerializeField("threshold", e.threshold(), gen);
                    }
                    gen.writeEndObject();
                }
                gen.writeEndArray();
            }
            gen.writeStringField("explanation", f.explanation());
            gen.writeStringField("recommendation", f.recommendation());
            gen.writeEndObject();
        }
    }
}
