package org.adaldyq.risk.procurement;

import org.adaldyq.risk.procurement.catalogue.IndicatorCatalogue;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.adaldyq.risk.finding.Evidence;
import org.adaldyq.risk.finding.Severity;
import org.adaldyq.risk.procurement.fact.Flag;
import org.adaldyq.risk.procurement.fact.Group;
import org.adaldyq.risk.procurement.model.Award;
import org.adaldyq.risk.procurement.model.ContractingProcess;
import org.adaldyq.risk.procurement.model.Party;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
    /** The run's threads: with more than one, the others score the spilled records ahead of a reading pass. */
    private final int threads;
    private Summaries summaries;

    private Assessment(Map<String, RuleInfo> rules, String language, ScoreCard scores, List<String> processCodes,
                       IndicatorResults indicators, Path spill, int threads) {
        this.threads = threads;
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
        java.util.Set<String> wanted = java.util.Set.copyOf(codes);
        Path spill = null;
        try {
            spill = Files.createTempFile("adaldyq-assessment", ".jsonl");
            IndicatorResults results;
            try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(spill), StandardCharsets.UTF_8), 1 << 16)) {
                results = engine.run(inputs, new ComputableListener() {
                    @Override
                    public void process(String source, ContractingProcess p, org.adaldyq.risk.procurement.fact.ProcessFacts f,
                                        List<String> computable, String skip, List<Flag> flags) {
                        spill(w, source, p, ComputableListener.only(computable, wanted), skip, flags);
                        listener.process(source, p, f, skip, flags);
                    }

                    @Override
                    public void problem(org.adaldyq.risk.procurement.ocds.InputProblem problem) {
                        listener.problem(problem);
                    }

                    @Override
                    public boolean readsParties() {
                        // the spilled record reads no party; a code whose data needs them (R044) has the run
                        // compile them whatever the listener says
                        return listener.readsParties();
                    }
                });
            }
            return new Assessment(engine.rules().rules(), engine.language().code(),
                    new ScoreCard(engine.settings(), engine.rules().rules()), processCodes(engine), results, spill,
                    engine.threads());
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

    /**
     * The assessment of results whose processes are already spilled (in input order) to {@code spill}, read
     * back on the calling thread (a distributed run's tasks are its parallelism).
     */
    static Assessment of(ProcurementEngine engine, IndicatorResults results, Path spill) {
        return new Assessment(engine.rules().rules(), engine.language().code(),
                new ScoreCard(engine.settings(), engine.rules().rules()), processCodes(engine), results, spill, 1);
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

    /**
     * The name of a buyer or supplier, as the first reviewed process naming it among its parties gives it
     * (input order; a buyer's name first, when the id is both); empty when none did (no parties in the data, or
     * a run that did not compile them: {@code indicators}-only codes and a listener that reads no parties).
     * Like {@link #buyers()}, a full pass over the processes the first time it is asked.
     */
    public Optional<String> organisationName(String id) {
        Summaries s = summaries();
        OrganisationTally t = s.buyers.get(id);
        String name = t == null ? null : t.name();
        if (name == null) {
            t = s.suppliers.get(id);
            name = t == null ? null : t.name();
        }
        return Optional.ofNullable(name);
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
     * lazily; {@link #close()} releases the file handle (also done when the end is reached). With more than
     * one thread, the other threads score the records (most of a pass's work) {@value #CHUNK} at a time per
     * thread, one chunk ahead of the caller, who takes the results of the chunk before, one by one, in input
     * order (the summaries add up in that order).
     */
    public final class ProcessIterator implements Iterator<ProcessResult>, AutoCloseable {
        /** Records each helper thread scores per chunk. */
        static final int CHUNK = 256;
        private final BufferedReader in;
        /** The summaries this pass adds up, kept by the assessment once the pass reaches the end; null: known. */
        private final Summaries accumulate;
        private final ArrayDeque<ProcessResult> ready = new ArrayDeque<>();
        /** The threads scoring ahead (created at the first chunk, shut down by {@link #close()}); null on one thread. */
        private ThreadPoolExecutor helpers;
        /** The next chunk's results, being scored (null before the first chunk, empty after the last). */
        private List<Future<List<ProcessResult>>> ahead;
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
            if (ready.isEmpty() && !ended) {
                if (threads == 1) {
                    lines(CHUNK).forEach(line -> ready.add(result(line)));
                } else {
                    if (ahead == null) {
                        ahead = submit(lines(CHUNK * (threads - 1)));
                    }
                    List<Future<List<ProcessResult>>> current = ahead;
                    ahead = submit(lines(CHUNK * (threads - 1))); // scored while the caller takes this chunk
                    for (Future<List<ProcessResult>> slice : current) {
                        ready.addAll(join(slice));
                    }
                }
                if (ready.isEmpty()) {
                    ended = true;
                    close();
                    if (accumulate != null && summaries == null) {
                        summaries = accumulate;
                    }
                }
            }
            return !ready.isEmpty();
        }

        /** Up to {@code max} more lines of the spill. */
        private List<String> lines(int max) {
            List<String> lines = new ArrayList<>(max);
            try {
                String line;
                while (lines.size() < max && (line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return lines;
        }

        /** Hands {@code lines} to the helpers, {@value #CHUNK} per task; the futures in order. */
        private List<Future<List<ProcessResult>>> submit(List<String> lines) {
            if (helpers == null) {
                // idle helpers end on their own: an iterator left open and unread keeps no thread
                helpers = new ThreadPoolExecutor(threads - 1, threads - 1, 2, TimeUnit.SECONDS,
                        new LinkedBlockingQueue<>(), r -> {
                            Thread t = new Thread(r, "adaldyq-assessment");
                            t.setDaemon(true);
                            return t;
                        });
                helpers.allowCoreThreadTimeOut(true);
            }
            List<Future<List<ProcessResult>>> slices = new ArrayList<>();
            for (int from = 0; from < lines.size(); from += CHUNK) {
                List<String> slice = lines.subList(from, Math.min(lines.size(), from + CHUNK));
                slices.add(helpers.submit(() -> slice.stream().map(Assessment.this::result).toList()));
            }
            return slices;
        }

        private static List<ProcessResult> join(Future<List<ProcessResult>> slice) {
            try {
                return slice.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while scoring the assessment's processes", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        @Override
        public ProcessResult next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ProcessResult r = ready.poll();
            if (accumulate != null) {
                accumulate.add(r);
            }
            return r;
        }

        @Override
        public void close() {
            if (helpers != null) {
                helpers.shutdownNow();
                helpers = null;
            }
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A spilled process record (one line of the spill) scored, with the dataset flags raised on it. */
    ProcessResult result(String record) {
        Spilled rec;
        try (com.fasterxml.jackson.core.JsonParser p = SPILL.createParser(record)) {
            rec = Spilled.read(p);
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException("a spilled process record does not read back",
                    e instanceof IOException io ? io : new IOException(e));
        }
        String ocid = rec.ocid();
        boolean skipped = rec.skipped() != null;
        List<Flag> flags = rec.flags();
        if (ocid != null && !skipped) {
            flags.addAll(datasetByProcess.getOrDefault(ocid, List.of()));
        }
        // rule sessions return flags in no fixed order: sort, so results never depend on batching
        flags.sort(Comparator.comparing(Flag::getCode).thenComparing(Flag::getGroup).thenComparing(Flag::getId)
                .thenComparing(f -> f.getEvidence().toString()));
        Set<String> computable = new LinkedHashSet<>(rec.computable());
        Map<String, Double> values = new TreeMap<>();
        for (Flag f : flags) {
            if (f.getGroup() == Group.OCID) {
                values.put(f.getCode(), f.getValue());
                computable.add(f.getCode());
            }
        }
        Double value = rec.value();
        ProcessScore score = skipped ? new ProcessScore(null, null, null, 0, 0)
                : scores.score(computable, values.keySet(), value);
        List<String> notComputable = skipped ? List.of() : processCodes.stream().filter(c -> !computable.contains(c)).toList();
        List<String> notFlagged = skipped ? List.of()
                : processCodes.stream().filter(c -> computable.contains(c) && !values.containsKey(c)).toList();
        return new ProcessResult(rec.source(), rec.line(), ocid, rec.buyer(), rec.procuringEntity(), rec.suppliers(), value,
                value == null ? null : rec.currency(), rec.skipped(), score, values, findings(flags), notFlagged, notComputable,
                rec.names());
    }

    /**
     * One line of the spill as {@link #spill} wrote it, read with a streaming parser (a tree per process
     * cost as much as scoring it). Strings that are absent or not strings read as null, and so does a
     * missing value; evidence values come back as a JSON round trip gives them (integers as Integer or Long,
     * other numbers as Double, arrays as lists, objects as maps).
     */
    private record Spilled(String source, long line, String ocid, String buyer, String procuringEntity, List<String> suppliers,
                           Double value, String currency, String skipped, List<String> computable, List<Flag> flags,
                           Map<String, String> names) {

        static Spilled read(com.fasterxml.jackson.core.JsonParser p) throws IOException {
            expect(p, com.fasterxml.jackson.core.JsonToken.START_OBJECT);
            String source = null, ocid = null, buyer = null, procuringEntity = null, currency = null, skipped = null;
            long line = 0;
            Double value = null;
            List<String> suppliers = new ArrayList<>();
            List<String> computable = new ArrayList<>();
            List<Flag> flags = new ArrayList<>();
            Map<String, String> names = new TreeMap<>();
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = p.currentName();
                com.fasterxml.jackson.core.JsonToken t = p.nextToken();
                switch (name) {
                    case "source" -> source = string(p);
                    case "ocid" -> ocid = string(p);
                    case "line" -> line = p.getValueAsLong();
                    case "buyer" -> buyer = string(p);
                    case "procuringEntity" -> procuringEntity = string(p);
                    case "suppliers" -> texts(p, suppliers);
                    case "value" -> value = t.isNumeric() ? p.getDoubleValue() : null;
                    case "currency" -> currency = string(p);
                    case "skipped" -> skipped = t == com.fasterxml.jackson.core.JsonToken.VALUE_NULL ? null : asText(p);
                    case "computable" -> texts(p, computable);
                    case "names" -> {
                        if (t == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                                String id = p.currentName();
                                p.nextToken();
                                String n = string(p);
                                if (n != null) {
                                    names.put(id, n);
                                }
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                    case "flags" -> {
                        if (t == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                                flags.add(flag(p));
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            return new Spilled(source, line, ocid, buyer, procuringEntity, suppliers, value, currency, skipped, computable, flags,
                    names);
        }

        private static Flag flag(com.fasterxml.jackson.core.JsonParser p) throws IOException {
            String code = "", group = "", id = "";
            double value = 0;
            List<Object[]> evidence = new ArrayList<>();
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "code" -> code = asText(p);
                    case "group" -> group = asText(p);
                    case "id" -> id = asText(p);
                    case "value" -> value = p.getValueAsDouble();
                    case "evidence" -> {
                        while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                            Object[] e = {"", null, null};
                            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                                String field = p.currentName();
                                p.nextToken();
                                switch (field) {
                                    case "path" -> e[0] = asText(p);
                                    case "value" -> e[1] = plain(p);
                                    case "threshold" -> e[2] = plain(p);
                                    default -> p.skipChildren();
                                }
                            }
                            evidence.add(e);
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            Flag flag = new Flag(code, Group.valueOf(group), id, value);
            for (Object[] e : evidence) {
                flag.because((String) e[0], e[1], e[2]);
            }
            return flag;
        }

        /** The current value as a JSON round trip gives it: null, a number, a string, or lists and maps. */
        private static Object plain(com.fasterxml.jackson.core.JsonParser p) throws IOException {
            return switch (p.currentToken()) {
                case VALUE_NULL -> null;
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getNumberValue();
                case VALUE_STRING -> p.getText();
                default -> JSON.readValue(p, Object.class);
            };
        }

        /** The current scalar as the record's tree gave it with {@code asText()}: its text, "null" for null. */
        private static String asText(com.fasterxml.jackson.core.JsonParser p) throws IOException {
            return p.getValueAsString("null");
        }

        private static String string(com.fasterxml.jackson.core.JsonParser p) throws IOException {
            return p.currentToken() == com.fasterxml.jackson.core.JsonToken.VALUE_STRING ? p.getText() : skip(p);
        }

        private static String skip(com.fasterxml.jackson.core.JsonParser p) throws IOException {
            p.skipChildren();
            return null;
        }

        /** The elements of an array (a null one as "null"); nothing for anything else. */
        private static void texts(com.fasterxml.jackson.core.JsonParser p, List<String> into) throws IOException {
            if (p.currentToken() != com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                p.skipChildren();
                return;
            }
            while (p.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
                into.add(asText(p));
                p.skipChildren();
            }
        }

        private static void expect(com.fasterxml.jackson.core.JsonParser p, com.fasterxml.jackson.core.JsonToken token) throws IOException {
            if (p.nextToken() != token) {
                throw new IOException("expected " + token + ", found " + p.currentToken());
            }
        }
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
            for (PartitionReport.Contribution c : PartitionReport.Contribution.of(null, r)) {
                ("buyer".equals(c.role()) ? buyers : suppliers).computeIfAbsent(c.id(), k -> new OrganisationTally()).add(c.process());
            }
        }
    }

    /**
     * The spill's writer: a generator per record on the caller's writer, which it neither flushes nor closes
     * (the writer is buffered and the caller's to close).
     */
    private static final com.fasterxml.jackson.core.JsonFactory SPILL = JSON.getFactory().copy()
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM)
            .setCodec(JSON);

    /**
     * The names the process's parties give its buyer, procuring entity and {@code suppliers}: for each id, the
     * first party with that id and a name that is not blank (stripped; a party's name is its {@code name},
     * else its {@code identifier.legalName}); the buyer, when no party names it, by the {@code buyer}
     * reference's own name. Empty when the process was compiled without parties.
     */
    static Map<String, String> names(ContractingProcess p, Set<String> suppliers) {
        if (p.parties().isEmpty() && p.buyerName() == null) {
            return Map.of();
        }
        Map<String, String> names = new TreeMap<>();
        nameOne(p, p.buyerId(), names);
        if (p.buyerId() != null && !names.containsKey(p.buyerId()) && p.buyerName() != null && !p.buyerName().isBlank()) {
            names.put(p.buyerId(), p.buyerName().strip()); // no party names the buyer: the reference's own name
        }
        nameOne(p, p.procuringEntityId(), names);
        for (String supplier : suppliers) {
            nameOne(p, supplier, names);
        }
        return names;
    }

    private static void nameOne(ContractingProcess p, String id, Map<String, String> names) {
        if (id == null || names.containsKey(id)) {
            return;
        }
        for (Party party : p.parties()) {
            if (id.equals(party.id()) && party.name() != null && !party.name().isBlank()) {
                names.put(id, party.name().strip());
                return;
            }
        }
    }

    /**
     * Writes one process's record as a line of the spill: what {@link #result(String)} reads back. Written
     * field by field (building a map of maps per process and serialising it cost about a fifth of the
     * assessing thread's time); evidence values that are not a string, a number, a boolean or null go
     * through the mapper.
     */
    static void spill(Writer w, String source, ContractingProcess p, List<String> computable, String skip,
                              List<Flag> flags) {
        try (com.fasterxml.jackson.core.JsonGenerator g = SPILL.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("source", source);
            g.writeStringField("ocid", p.ocid());
            g.writeNumberField("line", p.line());
            g.writeStringField("buyer", p.buyerId());
            g.writeStringField("procuringEntity", p.procuringEntityId());
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
            g.writeArrayFieldStart("suppliers");
            for (String supplier : suppliers) {
                g.writeString(supplier);
            }
            g.writeEndArray();
            Map<String, String> names = names(p, suppliers);
            if (!names.isEmpty()) {
                g.writeObjectFieldStart("names");
                for (Map.Entry<String, String> n : names.entrySet()) {
                    g.writeStringField(n.getKey(), n.getValue());
                }
                g.writeEndObject();
            }
            if (p.tenderValue().complete()) {
                g.writeNumberField("value", p.tenderValue().amount());
                g.writeStringField("currency", p.tenderValue().currency());
            } else if (awardValue) {
                g.writeNumberField("value", awarded);
                g.writeStringField("currency", awardCurrency);
            }
            g.writeStringField("skipped", skip);
            g.writeFieldName("computable");
            if (computable == null) {
                g.writeNull();
            } else {
                g.writeStartArray();
                for (String code : computable) {
                    g.writeString(code);
                }
                g.writeEndArray();
            }
            g.writeArrayFieldStart("flags");
            for (Flag f : flags) {
                g.writeStartObject();
                g.writeStringField("code", f.getCode());
                g.writeStringField("group", f.getGroup().name());
                g.writeStringField("id", f.getId());
                g.writeNumberField("value", f.getValue());
                g.writeArrayFieldStart("evidence");
                for (Evidence e : f.getEvidence()) {
                    g.writeStartObject();
                    g.writeStringField("path", e.path());
                    g.writeFieldName("value");
                    writeSpillable(g, e.value());
                    g.writeFieldName("threshold");
                    writeSpillable(g, e.threshold());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeSpillable(com.fasterxml.jackson.core.JsonGenerator g, Object value) throws IOException {
        Object v = spillable(value);
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String t) {
            g.writeString(t);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else if (v instanceof Long n) {
            g.writeNumber(n);
        } else if (v instanceof Integer n) {
            g.writeNumber(n);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else {
            g.writeObject(v);
        }
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
