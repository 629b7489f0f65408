package org.adaldyq.risk.procurement.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.adaldyq.risk.finding.Evidence;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.finding.ProcessLocation;
import org.adaldyq.risk.finding.Severity;
import org.adaldyq.risk.procurement.IndicatorResults;
import org.adaldyq.risk.procurement.ProcessListener;
import org.adaldyq.risk.procurement.ProcurementEngine;
import org.adaldyq.risk.procurement.RunCounts;
import org.adaldyq.risk.procurement.fact.Computability;
import org.adaldyq.risk.procurement.fact.Flag;
import org.adaldyq.risk.procurement.fact.Group;
import org.adaldyq.risk.procurement.model.Award;
import org.adaldyq.risk.procurement.model.ContractingProcess;
import org.adaldyq.risk.procurement.ocds.OcdsReader;
import org.adaldyq.risk.procurement.rules.RuleInfo;
import org.adaldyq.risk.procurement.score.ProcessScore;
import org.adaldyq.risk.procurement.score.ScoreCard;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code tenders} report. One pass over the input runs the rules; each process's record (flags with
 * evidence, computability) is spilled to a temporary file, because the dataset flags (fences, windows)
 * are only known at the end; a second pass over the spill adds them, scores each process and writes
 * it, then the buyer and supplier summaries and the run's counts. Memory stays flat: only aggregates per
 * organisation and the dataset flags are held.
 */
public final class TendersReport {
    public enum Format { JSONL, CSV }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] CSV_HEADER = {"type", "id", "buyer", "procuring_entity", "value", "currency",
            "status", "cri", "weighted", "priority", "processes", "flagged_processes", "flags", "not_computable",
            "evidence"};

    private final ProcurementEngine engine;
    private final Format format;
    private final ScoreCard scores;
    private final Properties texts = new Properties();

    public TendersReport(ProcurementEngine engine, Format format) {
        this.engine = engine;
        this.format = format;
        this.scores = new ScoreCard(engine.settings(), engine.rules().rules());
        try (InputStream in = TendersReport.class.getResourceAsStream("flag-texts.properties")) {
            texts.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Process-level codes this run computes. */
    private List<String> processCodes() {
        List<String> out = new ArrayList<>();
        for (String c : engine.codes()) {
            if (engine.settings().enabled(c) && ScoreCard.PROCESS_CODES.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    public RunCounts write(List<OcdsReader.Input> inputs, OutputStream out) throws IOException {
        Path spill = Files.createTempFile("tenders", ".jsonl");
        try {
            List<String> codes = processCodes();
            IndicatorResults results;
            try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(spill), StandardCharsets.UTF_8), 1 << 16)) {
                results = engine.run(inputs, (p, f, skip, flags) -> spill(w, p, f == null ? null : codes.stream()
                        .filter(c -> Computability.computable(c, p, f)).toList(), skip, flags));
            }
            Map<String, List<Flag>> datasetByProcess = new HashMap<>();
            for (Flag f : results.datasetFlags()) {
                if (f.getProcessOcid() != null) {
                    datasetByProcess.computeIfAbsent(f.getProcessOcid(), k -> new ArrayList<>()).add(f);
                }
            }
            finish(spill, codes, datasetByProcess, results, out);
            results.close();
            return results.counts();
        } finally {
            Files.deleteIfExists(spill);
        }
    }

    private static void spill(Writer w, ContractingProcess p, List<String> computable, String skip, List<Flag> flags) {
        try {
            Map<String, Object> rec = new LinkedHashMap<>();
            rec.put("ocid", p.ocid());
            rec.put("line", p.line());
            rec.put("buyer", p.buyerId());
            rec.put("procuringEntity", p.procuringEntityId());
            Set<String> suppliers = new LinkedHashSet<>();
            double awarded = 0;
            String awardCurrency = null;
            boolean awardValue = false;
            for (Award a : p.awards()) {
                if (a.active()) {
                    suppliers.addAll(a.supplierIds());
                    if (a.value().complete() && (awardCurrency == null || awardCurrency.equals(a.value().currency()))) {
                        awarded += a.value().amount();
                        awardCurrency = a.value().currency();
                        awardValue = true;
                    }
                }
            }
            rec.put("suppliers", suppliers);
            if (p.tenderValue().complete()) {
                rec.put("value", p.tenderValue().amount());
                rec.put("currency", p.tenderValue().currency());
            } else if (awardValue) {
                rec.put("value", awarded);
                rec.put("currency", awardCurrency);
            }
            rec.put("skipped", skip);
            rec.put("computable", computable);
            rec.put("flags", flags.stream().map(TendersReport::flagMap).toList());
            w.write(JSON.writeValueAsString(rec));
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> flagMap(Flag f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", f.getCode());
        m.put("group", f.getGroup().name());
        m.put("id", f.getId());
        m.put("value", f.getValue());
        List<Map<String, Object>> ev = new ArrayList<>();
        for (Evidence e : f.getEvidence()) {
            Map<String, Object> em = new LinkedHashMap<>();
            em.put("path", e.path());
            em.put("value", e.value() instanceof Set<?> s ? new TreeSet<>(s.stream().map(String::valueOf).toList()) : e.value());
            em.put("threshold", e.threshold() instanceof Set<?> s ? new TreeSet<>(s.stream().map(String::valueOf).toList()) : e.threshold());
            ev.add(em);
        }
        m.put("evidence", ev);
        return m;
    }

    /** Per buyer or supplier: processes, flagged processes, score sums, flag counts. */
    private static final class Summary {
        long processes;
        long flagged;
        long scored;
        double criSum;
        double weightedSum;
        double prioritySum;
        final Map<String, Long> flags = new TreeMap<>();
    }

    private void finish(Path spill, List<String> codes, Map<String, List<Flag>> datasetByProcess,
                        IndicatorResults results, OutputStream out) throws IOException {
        Map<String, Summary> buyers = new TreeMap<>();
        Map<String, Summary> suppliers = new TreeMap<>();
        Sheet sheet = new Sheet(out);
        try (BufferedReader r = Files.newBufferedReader(spill, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                JsonNode rec = JSON.readTree(line);
                String ocid = rec.path("ocid").isTextual() ? rec.path("ocid").asText() : null;
                List<Flag> flags = new ArrayList<>();
                for (JsonNode f : rec.path("flags")) {
                    flags.add(flagOf(f));
                }
                if (ocid != null && rec.path("skipped").isNull()) {
                    flags.addAll(datasetByProcess.getOrDefault(ocid, List.of()));
                }
                // rule sessions return flags in no fixed order: sort, so output never depends on batching
                flags.sort(java.util.Comparator.comparing(Flag::getCode).thenComparing(Flag::getGroup).thenComparing(Flag::getId)
                        .thenComparing(f -> f.getEvidence().toString()));
                List<Finding> findings = findings(flags);
                Set<String> computable = new LinkedHashSet<>();
                rec.path("computable").forEach(c -> computable.add(c.asText()));
                Set<String> flagged = new TreeSet<>();
                for (Flag f : flags) {
                    if (f.getGroup() == Group.OCID) {
                        flagged.add(f.getCode());
                        computable.add(f.getCode());
                    }
                }
                Double value = rec.path("value").isNumber() ? rec.path("value").asDouble() : null;
                boolean skipped = !rec.path("skipped").isNull();
                ProcessScore score = skipped ? new ProcessScore(null, null, null, 0, 0) : scores.score(computable, flagged, value);
                List<String> notComputable = skipped ? List.of() : codes.stream().filter(c -> !computable.contains(c)).toList();
                List<String> notFlagged = skipped ? List.of() : codes.stream().filter(c -> computable.contains(c) && !flagged.contains(c)).toList();
                sheet.process(rec, findings, flags, score, notFlagged, notComputable);
                if (!skipped) {
                    if (rec.path("buyer").isTextual()) {
                        add(buyers.computeIfAbsent(rec.path("buyer").asText(), k -> new Summary()), score, flagged);
                    }
                    for (JsonNode s : rec.path("suppliers")) {
                        add(suppliers.computeIfAbsent(s.asText(), k -> new Summary()), score, flagged);
                    }
                }
            }
        }
        Map<String, Map<String, Double>> buyerFlags = results.organisations().getOrDefault(Group.Buyer, Map.of());
        Map<String, Map<String, Double>> tendererFlags = results.organisations().getOrDefault(Group.Tenderer, Map.of());
        for (Map.Entry<String, Summary> b : buyers.entrySet()) {
            sheet.organisation("buyer", b.getKey(), b.getValue(), buyerFlags.getOrDefault(b.getKey(), Map.of()));
        }
        for (String id : buyerFlags.keySet()) {
            if (!buyers.containsKey(id)) {
                sheet.organisation("buyer", id, new Summary(), buyerFlags.get(id));
            }
        }
        for (Map.Entry<String, Summary> s : suppliers.entrySet()) {
            sheet.organisation("supplier", s.getKey(), s.getValue(), tendererFlags.getOrDefault(s.getKey(), Map.of()));
        }
        for (String id : tendererFlags.keySet()) {
            if (!suppliers.containsKey(id)) {
                sheet.organisation("supplier", id, new Summary(), tendererFlags.get(id));
            }
        }
        sheet.summary(results.counts());
        sheet.close();
    }

    private static void add(Summary s, ProcessScore score, Set<String> flagged) {
        s.processes++;
        if (!flagged.isEmpty()) {
            s.flagged++;
        }
        if (score.cri() != null) {
            s.scored++;
            s.criSum += score.cri();
            s.weightedSum += score.weighted();
        }
        if (score.priority() != null) {
            s.prioritySum += score.priority();
        }
        flagged.forEach(c -> s.flags.merge(c, 1L, Long::sum));
    }

    private static Flag flagOf(JsonNode f) {
        Flag flag = new Flag(f.path("code").asText(), Group.valueOf(f.path("group").asText()), f.path("id").asText(),
                f.path("value").asDouble());
        for (JsonNode e : f.path("evidence")) {
            flag.because(e.path("path").asText(), plain(e.path("value")), plain(e.path("threshold")));
        }
        return flag;
    }

    private static Object plain(JsonNode n) {
        if (n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isNumber()) {
            return n.numberValue();
        }
        if (n.isTextual()) {
            return n.asText();
        }
        return JSON.convertValue(n, Object.class);
    }

    /** One finding per (code, group, id) of a process, evidence merged. */
    private List<Finding> findings(List<Flag> flags) {
        Map<String, List<Flag>> byKey = new LinkedHashMap<>();
        for (Flag f : flags) {
            byKey.computeIfAbsent(f.getCode() + "\u0000" + f.getGroup() + "\u0000" + f.getId(), k -> new ArrayList<>()).add(f);
        }
        List<Finding> out = new ArrayList<>();
        for (List<Flag> same : byKey.values()) {
            Flag first = same.get(0);
            RuleInfo rule = engine.rules().rules().get(first.getCode());
            Severity severity = rule == null ? Severity.MEDIUM : rule.severity();
            List<Evidence> evidence = new ArrayList<>();
            Set<String> triggers = new LinkedHashSet<>();
            for (Flag f : same) {
                for (Evidence e : f.getEvidence()) {
                    if (!evidence.contains(e)) {
                        evidence.add(e);
                    }
                    triggers.add(e.path());
                }
            }
            out.add(new Finding(first.getCode(), rule == null ? first.getCode() : rule.id(), severity,
                    first.getGroup() == Group.OCID ? scores.weight(first.getCode()) : severity.weight(),
                    rule == null ? first.getCode() : rule.title(),
                    new ProcessLocation(first.getGroup().name(), first.getId()), List.copyOf(triggers), evidence,
                    texts.getProperty(first.getCode() + ".explanation"), texts.getProperty(first.getCode() + ".recommendation")));
        }
        return out;
    }

    /** Writes records in the chosen format. */
    private final class Sheet {
        private final JsonGenerator json;
        private final Writer csv;
        private final OutputStream out;

        Sheet(OutputStream out) throws IOException {
            this.out = out;
            if (format == Format.JSONL) {
                json = JSON.getFactory().createGenerator(out);
                json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                json.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
                csv = null;
            } else {
                json = null;
                csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                row((Object[]) CSV_HEADER);
            }
        }

        void process(JsonNode rec, List<Finding> findings, List<Flag> flags, ProcessScore score,
                     List<String> notFlagged, List<String> notComputable) throws IOException {
            String status = rec.path("skipped").isNull() ? "reviewed" : "skipped: " + rec.path("skipped").asText();
            Map<String, Double> values = new TreeMap<>();
            for (Flag f : flags) {
                if (f.getGroup() == Group.OCID) {
                    values.put(f.getCode(), f.getValue());
                }
            }
            if (json != null) {
                json.writeStartObject();
                json.writeStringField("type", "process");
                json.writeStringField("ocid", text(rec.path("ocid")));
                json.writeNumberField("line", rec.path("line").asLong());
                json.writeStringField("buyer", text(rec.path("buyer")));
                json.writeStringField("procuringEntity", text(rec.path("procuringEntity")));
                json.writeFieldName("suppliers");
                json.writeTree(rec.path("suppliers"));
                if (rec.path("value").isNumber()) {
                    json.writeNumberField("value", rec.path("value").asDouble());
                    json.writeStringField("currency", text(rec.path("currency")));
                }
                json.writeStringField("status", status);
                json.writeObjectFieldStart("scores");
                number("cri", score.cri());
                number("weighted", score.weighted());
                number("priority", score.priority());
                json.writeNumberField("components", score.components());
                json.writeNumberField("flagged", score.flagged());
                json.writeEndObject();
                json.writeObjectFieldStart("flags");
                for (Map.Entry<String, Double> v : values.entrySet()) {
                    json.writeNumberField(v.getKey(), v.getValue());
                }
                json.writeEndObject();
                json.writeArrayFieldStart("findings");
                for (Finding f : findings) {
                    finding(f, flags);
                }
                json.writeEndArray();
                strings("notFlagged", notFlagged);
                strings("notComputable", notComputable);
                json.writeEndObject();
            } else {
                StringBuilder ev = new StringBuilder();
                for (Finding f : findings) {
                    for (Evidence e : f.evidence()) {
                        if (ev.length() > 0) {
                            ev.append(" | ");
                        }
                        ev.append(f.code()).append(": ").append(e.path()).append('=').append(e.value());
                        if (e.threshold() != null) {
                            ev.append(" (threshold ").append(e.threshold()).append(')');
                        }
                    }
                }
                row("process", text(rec.path("ocid")), text(rec.path("buyer")), text(rec.path("procuringEntity")),
                        rec.path("value").isNumber() ? rec.path("value").asDouble() : null, text(rec.path("currency")),
                        status, score.cri(), score.weighted(), score.priority(), null, null,
                        String.join(";", values.keySet()), String.join(";", notComputable), ev.toString());
            }
        }

        void organisation(String type, String id, Summary s, Map<String, Double> organisationFlags) throws IOException {
            Double cri = s.scored == 0 ? null : s.criSum / s.scored;
            Double weighted = s.scored == 0 ? null : s.weightedSum / s.scored;
            if (json != null) {
                json.writeStartObject();
                json.writeStringField("type", type);
                json.writeStringField("id", id);
                json.writeNumberField("processes", s.processes);
                json.writeNumberField("flaggedProcesses", s.flagged);
                json.writeObjectFieldStart("scores");
                number("meanCri", cri);
                number("meanWeighted", weighted);
                json.writeNumberField("priority", s.prioritySum);
                json.writeEndObject();
                json.writeObjectFieldStart("processFlags");
                for (Map.Entry<String, Long> f : s.flags.entrySet()) {
                    json.writeNumberField(f.getKey(), f.getValue());
                }
                json.writeEndObject();
                json.writeObjectFieldStart("flags");
                for (Map.Entry<String, Double> f : new TreeMap<>(organisationFlags).entrySet()) {
                    json.writeNumberField(f.getKey(), f.getValue());
                }
                json.writeEndObject();
                json.writeEndObject();
            } else {
                StringBuilder flags = new StringBuilder();
                new TreeMap<>(organisationFlags).forEach((k, v) -> flags.append(flags.length() == 0 ? "" : ";").append(k).append('=').append(v));
                row(type, id, null, null, null, null, null, cri, weighted, s.prioritySum, s.processes, s.flagged,
                        flags.toString(), null, s.flags.toString());
            }
        }

        void summary(RunCounts c) throws IOException {
            if (json != null) {
                json.writeStartObject();
                json.writeStringField("type", "summary");
                json.writeNumberField("processes", c.processes());
                json.writeNumberField("reviewed", c.reviewed());
                json.writeNumberField("skippedNoOcid", c.noOcid());
                json.writeNumberField("skippedCancelled", c.cancelled());
                json.writeNumberField("skippedExcluded", c.excluded());
                json.writeNumberField("duplicateOcids", c.duplicates());
                json.writeNumberField("otherCurrencyAmounts", c.otherCurrencyAmounts());
                json.writeStringField("mainCurrency", c.mainCurrency());
                json.writeObjectFieldStart("inputProblems");
                for (Map.Entry<?, Long> e : c.problems().entrySet()) {
                    json.writeNumberField(e.getKey().toString(), e.getValue());
                }
                json.writeEndObject();
                json.writeObjectFieldStart("notComputable");
                for (Map.Entry<String, Long> e : c.notComputable().entrySet()) {
                    json.writeNumberField(e.getKey(), e.getValue());
                }
                json.writeEndObject();
                json.writeEndObject();
            }
        }

        private void finding(Finding f, List<Flag> flags) throws IOException {
            json.writeStartObject();
            json.writeStringField("code", f.code());
            json.writeStringField("ruleId", f.ruleId());
            json.writeStringField("severity", f.severity().toString());
            json.writeStringField("title", f.title());
            ProcessLocation loc = (ProcessLocation) f.location();
            json.writeStringField("group", loc.group());
            json.writeStringField("id", loc.id());
            for (Flag fl : flags) {
                if (fl.getCode().equals(f.code()) && fl.getGroup().name().equals(loc.group()) && fl.getId().equals(loc.id())) {
                    json.writeNumberField("value", fl.getValue());
                    break;
                }
            }
            json.writeNumberField("weight", f.score());
            json.writeArrayFieldStart("evidence");
            for (Evidence e : f.evidence()) {
                json.writeStartObject();
                json.writeStringField("path", e.path());
                json.writeFieldName("value");
                JSON.writeValue(json, e.value());
                json.writeFieldName("threshold");
                JSON.writeValue(json, e.threshold());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("explanation", f.explanation());
            json.writeStringField("recommendation", f.recommendation());
            json.writeEndObject();
        }

        private void number(String name, Double v) throws IOException {
            if (v == null) {
                json.writeNullField(name);
            } else {
                json.writeNumberField(name, v);
            }
        }

        private void strings(String name, List<String> values) throws IOException {
            json.writeArrayFieldStart(name);
            for (String v : values) {
                json.writeString(v);
            }
            json.writeEndArray();
        }

        private void row(Object... cells) throws IOException {
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    csv.write(',');
                }
                Object c = cells[i];
                if (c == null) {
                    continue;
                }
                String s = c.toString();
                if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
                    s = '"' + s.replace("\"", "\"\"") + '"';
                }
                csv.write(s);
            }
            csv.write('\n');
        }

        void close() throws IOException {
            if (json != null) {
                json.close();
                out.write('\n');
            } else {
                csv.flush();
            }
        }
    }

    private static String text(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }
}
