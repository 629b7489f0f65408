package org.adaldyq.risk.procurement;

import org.adaldyq.risk.procurement.catalogue.IndicatorCatalogue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.adaldyq.risk.finding.Evidence;
import org.adaldyq.risk.finding.Severity;
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
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The outcome of {@link ProcurementEngine#assess}: every process read, with its flags (per-process and
 * dataset-relative), evidence and scores; the buyer and supplier summaries; Cardinal's results; the run's
 * counts. Typed values that the JSON and CSV writers only format.
 *
 * <p>Memory stays flat with the number of processes: the run spills each process's record to a temporary
 * file (the dataset flags are only known at the end of the input), and {@link #processes()} streams them
 * back in input order, scoring each as it comes. {@link #close()} deletes the file; use try-with-resources.
 * Not thread-safe: one reader at a time.
 */
public final class Assessment implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, RuleInfo> rules;
    /** The language of titles and texts: {@code en}, {@code ru} or {@code kk}. */
    private final String language;
    private final ScoreCard scores;
    private final List<String> processCodes;
    private final IndicatorResults indicators;
    private final Path spill;
    private final Map<String, List<Flag>> datasetByProcess = new HashMap<>();
    private Summaries summaries;

    private Assessment(Map<String, RuleInfo> rules, String language, ScoreCard scores, List<String> processCodes,
                       IndicatorResults indicators, Path spill) {
        this.rules = rules;
        this.language = language;
        this.scores = scores;
        this.processCodes = processCodes;
        this.indicators = indicators;
        this.spill = spill;
        for (Flag f : indicators.datasetFlags()) {
            if (f.getProcessOcid() != null) {
                datasetByProcess.computeIfAbsent(f.getProcessOcid(), k -> new ArrayList<>()).add(f);
            }
        }
    }

    /** Runs {@code engine} over the inputs, spilling each process; {@code listener} sees them on the way. */
    static Assessment run(ProcurementEngine engine, List<OcdsReader.Input> inputs, ProcessListener listener) {
        List<String> codes = processCodes(engine);
        Path spill = null;
        try {
            spill = Files.createTempFile("adaldyq-assessment", ".jsonl");
            IndicatorResults results;
            try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(spill), StandardCharsets.UTF_8), 1 << 16)) {
                results = engine.run(inputs, new ProcessListener() {
                    @Override
                    public void process(String source, ContractingProcess p, org.adaldyq.risk.procurement.fact.ProcessFacts f,
                                        String skip, List<Flag> flags) {
                        spill(w, source, p, f == null ? null : codes.stream().filter(c -> Computability.computable(c, p, f)).toList(),
                                skip, flags);
                        listener.process(source, p, f, skip, flags);
                    }

                    @Override
                    public void problem(org.adaldyq.risk.procurement.ocds.InputProblem problem) {
                        listener.problem(problem);
                    }
                });
            }
            return of(engine, results, spill);
        } catch (IOException e) {
            deleteQuietly(spill);
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(spill);
            throw e;
        }
    }

    /** The process-level codes the engine computes (enabled, of the catalogue's per-process indicators). */
    static List<String> processCodes(ProcurementEngine engine) {
        List<String> processCodes = IndicatorCatalogue.builtIn().processCodes();
        return engine.codes().stream().filter(c -> engine.settings().enabled(c) && processCodes.contains(c)).toList();
    }

    /** The assessment of results whose processes are already spilled (in input order) to {@code spill}. */
    static Assessment of(ProcurementEngine engine, IndicatorResults results, Path spill) {
        return new Assessment(engine.rules().rules(), engine.language().code(),
                new ScoreCard(engine.settings(), engine.rules().rules()), processCodes(engine), results, spill);
    }

    /** What the run read and did: processes, skipped ones and why, input problems, not computable. */
    public RunCounts counts() {
        return indicators.counts();
    }

    /** Cardinal's results (group → id → code → value, and Meta), as {@code indicators} writes them. */
    public IndicatorResults indicators() {
        return indicators;
    }

    /**
     * Every process read, in input order, scored. Pull them one by one; close the iterator when stopping
     * early. Each call starts from the first process again. The first pass read to the end also gives the
     * buyer and supplier summaries, so a report that writes the processes and then the organisations reads
     * the processes once.
     */
    public ProcessIterator processes() {
        return new ProcessIterator(summaries == null ? new Summaries() : null);
    }

    /** Hands every process, in input order, to {@code consumer}. */
    public void forEachProcess(Consumer<ProcessResult> consumer) {
        try (ProcessIterator it = processes()) {
            it.forEachRemaining(consumer);
        }
    }

    /** Buyers, by id, with their summaries (a full pass over the processes the first time it is asked). */
    public List<OrganisationSummary> buyers() {
        return OrganisationTally.list("buyer", summaries().buyers, indicators.organisations().getOrDefault(Group.Buyer, Map.of()));
    }

    /** Suppliers (and tenderers flagged on their own), by id, with their summaries. */
    public List<OrganisationSummary> suppliers() {
        return OrganisationTally.list("supplier", summaries().suppliers,
                indicators.organisations().getOrDefault(Group.Tenderer, Map.of()));
    }

    private Summaries summaries() {
        if (summaries == null) {
            try (ProcessIterator it = processes()) {
                while (it.hasNext()) {
                    it.next();
                }
            }
        }
        return summaries;
    }

    @Override
    public void close() {
        indicators.close();
        deleteQuietly(spill);
    }

    /**
     * A pull iterator over the assessed processes, like Jackson's {@code MappingIterator}: reads the spill
     * lazily; {@link #close()} releases the file handle (also done when the end is reached).
     */
    public final class ProcessIterator implements Iterator<ProcessResult>, AutoCloseable {
        private final BufferedReader in;
        /** The summaries this pass adds up, kept by the assessment once the pass reaches the end; null: known. */
        private final Summaries accumulate;
        private String next;
        private boolean ended;

        private ProcessIterator(Summaries accumulate) {
            this.accumulate = accumulate;
            try {
                this.in = Files.newBufferedReader(spill, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("assessment already closed? " + spill, e);
            }
        }

        @Override
        public boolean hasNext() {
            if (next == null && !ended) {
                try {
                    next = in.readLine();
                    if (next == null) {
                        ended = true;
                        close();
                        if (accumulate != null && summaries == null) {
                            summaries = accumulate;
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return next != null;
        }

        @Override
        public ProcessResult next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            String line = next;
            next = null;
            try {
                ProcessResult r = result(JSON.readTree(line));
                if (accumulate != null) {
                    accumulate.add(r);
                }
                return r;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A spilled process record (one line of the spill) scored, with the dataset flags raised on it. */
    ProcessResult result(String record) {
        try {
            return result(JSON.readTree(record));
        } catch (IOException e) {
            throw new UncheckedIOException("a spilled process record does not read back", e);
        }
    }

    private ProcessResult result(JsonNode rec) {
        String ocid = text(rec.path("ocid"));
        boolean skipped = !rec.path("skipped").isNull();
        List<Flag> flags = new ArrayList<>();
        for (JsonNode f : rec.path("flags")) {
            flags.add(flagOf(f));
        }
        if (ocid != null && !skipped) {
            flags.addAll(datasetByProcess.getOrDefault(ocid, List.of()));
        }
        // rule sessions return flags in no fixed order: sort, so results never depend on batching
        flags.sort(Comparator.comparing(Flag::getCode).thenComparing(Flag::getGroup).thenComparing(Flag::getId)
                .thenComparing(f -> f.getEvidence().toString()));
        Set<String> computable = new LinkedHashSet<>();
        rec.path("computable").forEach(c -> computable.add(c.asText()));
        Map<String, Double> values = new TreeMap<>();
        for (Flag f : flags) {
            if (f.getGroup() == Group.OCID) {
                values.put(f.getCode(), f.getValue());
                computable.add(f.getCode());
            }
        }
        Double value = rec.path("value").isNumber() ? rec.path("value").asDouble() : null;
        ProcessScore score = skipped ? new ProcessScore(null, null, null, 0, 0)
                : scores.score(computable, values.keySet(), value);
        List<String> notComputable = skipped ? List.of() : processCodes.stream().filter(c -> !computable.contains(c)).toList();
        List<String> notFlagged = skipped ? List.of()
                : processCodes.stream().filter(c -> computable.contains(c) && !values.containsKey(c)).toList();
        List<String> suppliers = new ArrayList<>();
        rec.path("suppliers").forEach(s -> suppliers.add(s.asText()));
        return new ProcessResult(text(rec.path("source")), rec.path("line").asLong(), ocid, text(rec.path("buyer")),
                text(rec.path("procuringEntity")), suppliers, value, value == null ? null : text(rec.path("currency")),
                skipped ? rec.path("skipped").asText() : null, score, values, findings(flags), notFlagged, notComputable);
    }

    /** One finding per (code, group, id) of a process, evidence merged. */
    private List<ProcessFlag> findings(List<Flag> flags) {
        Map<String, List<Flag>> byKey = new LinkedHashMap<>();
        for (Flag f : flags) {
            byKey.computeIfAbsent(f.getCode() + "\u0000" + f.getGroup() + "\u0000" + f.getId(), k -> new ArrayList<>()).add(f);
        }
        List<ProcessFlag> out = new ArrayList<>();
        for (List<Flag> same : byKey.values()) {
            Flag first = same.get(0);
            RuleInfo rule = rules.get(first.getCode());
            Severity severity = rule == null ? Severity.MEDIUM : rule.severity();
            List<Evidence> evidence = new ArrayList<>();
            for (Flag f : same) {
                for (Evidence e : f.getEvidence()) {
                    if (!evidence.contains(e)) {
                        evidence.add(e);
                    }
                }
            }
            IndicatorCatalogue.Indicator entry = IndicatorCatalogue.builtIn().find(first.getCode());
            String title = rule == null ? first.getCode() : rule.title();
            if (entry != null && !language.equals("en")) {
                title = entry.title(language);
            }
            out.add(new ProcessFlag(first.getCode(), rule == null ? first.getCode() : rule.id(), severity, title,
                    first.getGroup().name(), first.getId(), first.getValue(),
                    first.getGroup() == Group.OCID ? scores.weight(first.getCode()) : severity.weight(), evidence,
                    entry == null ? null : entry.explanation(language), entry == null ? null : entry.recommendation(language)));
        }
        return out;
    }

    /** Buyer and supplier aggregates, accumulated over one pass. */
    private static final class Summaries {
        final Map<String, OrganisationTally> buyers = new TreeMap<>();
        final Map<String, OrganisationTally> suppliers = new TreeMap<>();

        void add(ProcessResult r) {
            if (!r.reviewed()) {
                return;
            }
            OrganisationTally.Process p = OrganisationTally.Process.of(null, r);
            if (r.buyer() != null) {
                buyers.computeIfAbsent(r.buyer(), k -> new OrganisationTally()).add(p);
            }
            for (String s : r.suppliers()) {
                suppliers.computeIfAbsent(s, k -> new OrganisationTally()).add(p);
            }
        }
    }

    static void spill(Writer w, String source, ContractingProcess p, List<String> computable, String skip,
                              List<Flag> flags) {
        try {
            Map<String, Object> rec = new LinkedHashMap<>();
            rec.put("source", source);
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
            rec.put("flags", flags.stream().map(Assessment::flagMap).toList());
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
            em.put("value", spillable(e.value()));
            em.put("threshold", spillable(e.threshold()));
            ev.add(em);
        }
        m.put("evidence", ev);
        return m;
    }

    /** Sets sorted as strings; numbers that are not finite as null (JSON has no NaN or Infinity). */
    private static Object spillable(Object v) {
        if (v instanceof Set<?> s) {
            return new TreeSet<>(s.stream().map(String::valueOf).toList());
        }
        if (v instanceof Double d && !Double.isFinite(d) || v instanceof Float f && !Float.isFinite(f)) {
            return null;
        }
        return v;
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

    private static String text(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temporary file; the OS cleans its temporary folder
            }
        }
    }
}
