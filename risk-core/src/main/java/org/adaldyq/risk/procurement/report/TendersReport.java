package org.adaldyq.risk.procurement.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.adaldyq.risk.report.writer.CsvCell;
import org.adaldyq.risk.finding.Evidence;
import org.adaldyq.risk.procurement.Assessment;
import org.adaldyq.risk.procurement.OrganisationSummary;
import org.adaldyq.risk.procurement.ProcessFlag;
import org.adaldyq.risk.procurement.ProcessResult;
import org.adaldyq.risk.procurement.RunCounts;
import org.adaldyq.risk.procurement.score.ProcessScore;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link Assessment} as the {@code tenders} report: one record per process (flags with evidence,
 * scores, what was not computable), then the buyer and supplier summaries, then the run's counts; as JSON
 * lines ({@code type} = process, buyer, supplier, summary; see {@code docs/procurement.md}) or CSV. It
 * only formats: every value comes from the assessment's typed results. Stateless and thread-safe.
 */
public final class TendersReport {
    /** The report's file format. */
    public enum Format {
        /** JSON lines: one object per record, with a {@code type}. */
        JSONL,
        /** CSV with a header row, one row per record; lists in a cell are separated by {@code ;}. */
        CSV
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] CSV_HEADER = {"type", "id", "buyer", "procuring_entity", "value", "currency",
            "status", "cri", "weighted", "priority", "processes", "flagged_processes", "flags", "not_computable",
            "evidence", "name"};

    private final Format format;

    /** A report writer for {@code format}. */
    public TendersReport(Format format) {
        this.format = format;
    }

    /** Writes every process, the buyers, the suppliers and the counts of {@code assessment}; returns the counts. */
    public RunCounts write(Assessment assessment, OutputStream out) throws IOException {
        if (format == Format.JSONL) {
            // the two halves a distributed run writes apart: their concatenation is the report
            try (Assessment.ProcessIterator it = assessment.processes()) {
                writeProcesses(it, out);
            }
            writeOrganisations(assessment.buyers(), assessment.suppliers(), assessment.counts(), out);
            return assessment.counts();
        }
        Sheet sheet = new Sheet(out);
        try {
            assessment.forEachProcess(sheet::process);
            for (OrganisationSummary b : assessment.buyers()) {
                sheet.organisation(b);
            }
            for (OrganisationSummary s : assessment.suppliers()) {
                sheet.organisation(s);
            }
            sheet.summary(assessment.counts());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        sheet.close();
        return assessment.counts();
    }

    /**
     * JSON lines only: the process records of {@code processes} (in input order), each line ended by a line
     * break; nothing without processes. A distributed run writes these per partition, the partitions in
     * input order: the part files, then {@link #writeOrganisations}, concatenated, are the report.
     */
    public void writeProcesses(Iterator<ProcessResult> processes, OutputStream out) throws IOException {
        requireJsonLines();
        if (!processes.hasNext()) {
            return;
        }
        Sheet sheet = new Sheet(out);
        try {
            processes.forEachRemaining(sheet::process);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        sheet.close();
    }

    /** JSON lines only: the report after its processes: the buyers, the suppliers, then the run's counts. */
    public void writeOrganisations(List<OrganisationSummary> buyers, List<OrganisationSummary> suppliers, RunCounts counts,
                                   OutputStream out) throws IOException {
        requireJsonLines();
        Sheet sheet = new Sheet(out);
        for (OrganisationSummary b : buyers) {
            sheet.organisation(b);
        }
        for (OrganisationSummary s : suppliers) {
            sheet.organisation(s);
        }
        sheet.summary(counts);
        sheet.close();
    }

    private void requireJsonLines() {
        if (format != Format.JSONL) {
            throw new IllegalStateException("the report in parts is written as JSON lines only");
        }
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
                json.setRootValueSeparator(new SerializedString("\n"));
                csv = null;
            } else {
                json = null;
                csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
                row((Object[]) CSV_HEADER);
            }
        }

        void process(ProcessResult p) {
            try {
                if (json != null) {
                    processJson(p);
                } else {
                    processCsv(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void processJson(ProcessResult p) throws IOException {
            json.writeStartObject();
            json.writeStringField("type", "process");
            json.writeStringField("ocid", p.ocid());
            json.writeNumberField("line", p.line());
            json.writeStringField("buyer", p.buyer());
            json.writeStringField("procuringEntity", p.procuringEntity());
            strings("suppliers", p.suppliers());
            json.writeObjectFieldStart("names");
            for (Map.Entry<String, String> n : p.names().entrySet()) {
                json.writeStringField(n.getKey(), n.getValue());
            }
            json.writeEndObject();
            if (p.value() != null) {
                number("value", p.value());
                json.writeStringField("currency", p.currency());
            }
            json.writeStringField("status", status(p));
            ProcessScore score = p.scores();
            json.writeObjectFieldStart("scores");
            number("cri", score.cri());
            number("weighted", score.weighted());
            number("priority", score.priority());
            json.writeNumberField("components", score.components());
            json.writeNumberField("flagged", score.flagged());
            json.writeEndObject();
            numbers("flags", p.flags());
            json.writeArrayFieldStart("findings");
            for (ProcessFlag f : p.findings()) {
                finding(f);
            }
            json.writeEndArray();
            strings("notFlagged", p.notFlagged());
            strings("notComputable", p.notComputable());
            json.writeEndObject();
        }

        private void processCsv(ProcessResult p) throws IOException {
            StringBuilder ev = new StringBuilder();
            for (ProcessFlag f : p.findings()) {
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
            ProcessScore score = p.scores();
            row("process", p.ocid(), p.buyer(), p.procuringEntity(), p.value(), p.currency(), status(p), score.cri(),
                    score.weighted(), score.priority(), null, null, String.join(";", p.flags().keySet()),
                    String.join(";", p.notComputable()), ev.toString(), p.nameOf(p.buyer()));
        }

        void organisation(OrganisationSummary s) throws IOException {
            if (json != null) {
                json.writeStartObject();
                json.writeStringField("type", s.role());
                json.writeStringField("id", s.id());
                json.writeStringField("name", s.name());
                json.writeNumberField("processes", s.processes());
                json.writeNumberField("flaggedProcesses", s.flaggedProcesses());
                json.writeObjectFieldStart("scores");
                number("meanCri", s.meanCri());
                number("meanWeighted", s.meanWeighted());
                number("priority", s.priority());
                json.writeEndObject();
                json.writeObjectFieldStart("processFlags");
                for (Map.Entry<String, Long> f : s.processFlags().entrySet()) {
                    json.writeNumberField(f.getKey(), f.getValue());
                }
                json.writeEndObject();
                numbers("flags", s.flags());
                json.writeEndObject();
            } else {
                StringBuilder flags = new StringBuilder();
                s.flags().forEach((k, v) -> flags.append(flags.length() == 0 ? "" : ";").append(k).append('=').append(v));
                row(s.role(), s.id(), null, null, null, null, null, s.meanCri(), s.meanWeighted(), s.priority(),
                        s.processes(), s.flaggedProcesses(), flags.toString(), null, s.processFlags().toString(), s.name());
            }
        }

        void summary(RunCounts c) throws IOException {
            if (json == null) {
                return;
            }
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

        private void finding(ProcessFlag f) throws IOException {
            json.writeStartObject();
            json.writeStringField("code", f.code());
            json.writeStringField("ruleId", f.ruleId());
            json.writeStringField("severity", f.severity().toString());
            json.writeStringField("title", f.title());
            json.writeStringField("group", f.group());
            json.writeStringField("id", f.id());
            number("value", f.value());
            number("weight", f.weight());
            json.writeArrayFieldStart("evidence");
            for (Evidence e : f.evidence()) {
                json.writeStartObject();
                json.writeStringField("path", e.path());
                json.writeFieldName("value");
                value(e.value());
                json.writeFieldName("threshold");
                value(e.threshold());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeStringField("explanation", f.explanation());
            json.writeStringField("recommendation", f.recommendation());
            json.writeEndObject();
        }

        /** A number, or null when it is absent or not finite (JSON has no NaN or Infinity). */
        private void number(String name, Double v) throws IOException {
            if (v == null || !Double.isFinite(v)) {
                json.writeNullField(name);
            } else {
                json.writeNumberField(name, v);
            }
        }

        /** An evidence value: non-finite numbers as null, like every number of the report. */
        private void value(Object v) throws IOException {
            if (v instanceof Double d && !Double.isFinite(d) || v instanceof Float f && !Float.isFinite(f)) {
                json.writeNull();
            } else {
                JSON.writeValue(json, v);
            }
        }

        private void numbers(String name, Map<String, Double> values) throws IOException {
            json.writeObjectFieldStart(name);
            for (Map.Entry<String, Double> v : values.entrySet()) {
                number(v.getKey(), v.getValue());
            }
            json.writeEndObject();
        }

        private void strings(String name, List<String> values) throws IOException {
            json.writeArrayFieldStart(name);
            for (String v : values) {
                json.writeString(v);
            }
            json.writeEndArray();
        }

        private void row(Object... cells) {
            try {
                for (int i = 0; i < cells.length; i++) {
                    if (i > 0) {
                        csv.write(',');
                    }
                    Object c = cells[i];
                    if (c == null) {
                        continue;
                    }
                    // names, ids and evidence come from the publisher: a would-be formula is made text
                    csv.write(c instanceof Number ? CsvCell.quoted(c.toString()) : CsvCell.text(c.toString()));
                }
                csv.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
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

    private static String status(ProcessResult p) {
        return p.reviewed() ? "reviewed" : "skipped: " + p.skipReason();
    }
}
