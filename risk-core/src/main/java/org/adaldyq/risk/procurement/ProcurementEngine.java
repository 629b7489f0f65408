package org.adaldyq.risk.procurement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.adaldyq.risk.procurement.cardinal.Settings;
import org.adaldyq.risk.procurement.fact.Computability;
import org.adaldyq.risk.procurement.fact.Flag;
import org.adaldyq.risk.procurement.fact.Group;
import org.adaldyq.risk.procurement.fact.IndicatorSetting;
import org.adaldyq.risk.procurement.fact.OutlierFence;
import org.adaldyq.risk.procurement.fact.TopTendererBar;
import org.adaldyq.risk.procurement.fact.ProcessFacts;
import org.adaldyq.risk.procurement.model.Bid;
import org.adaldyq.risk.procurement.model.ContractingProcess;
import org.adaldyq.risk.procurement.model.ProcessCompiler;
import org.adaldyq.risk.procurement.model.StreamingCompiler;
import org.adaldyq.risk.procurement.ocds.InputProblem;
import org.adaldyq.risk.procurement.ocds.OcdsReader;
import org.adaldyq.risk.procurement.ocds.ParsedUnit;
import org.adaldyq.risk.procurement.ocds.ReleaseMerger;
import org.adaldyq.risk.procurement.rules.ReleaseExamples;
import org.adaldyq.risk.procurement.rules.RuleBook;
import org.adaldyq.risk.procurement.stats.DatasetStatistics;
import org.adaldyq.risk.procurement.stats.ExtendedStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.adaldyq.risk.procurement.rules.ProcurementRules;
import org.adaldyq.risk.rules.FolderWatch;
import org.adaldyq.risk.rules.PackOptions;
import org.adaldyq.risk.rules.RuleLimits;
import org.adaldyq.risk.rules.RuleReload;
import org.adaldyq.risk.rules.RuleReloadListener;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Computes procurement red flags over an OCDS input in one streaming pass.
 *
 * <p>Reading and JSON parsing run on {@code threads} worker threads; the rest (duplicate check, main
 * currency, per-process rules, dataset statistics) runs on one thread in input order, so results do not
 * depend on the number of threads. Immutable and thread-safe: build once, run many times.
 *
 * <pre>{@code
 * ProcurementEngine engine = ProcurementEngine.builder().settings(Settings.read(ini)).build();
 * IndicatorResults r = engine.run(OcdsReader.inputs("data.jsonl"), ProcessListener.NONE);
 * }</pre>
 */
public final class ProcurementEngine {
    private static final Logger LOG = LoggerFactory.getLogger(ProcurementEngine.class);
    private static final int WARNINGS_PER_KIND = 20;
    private static final int DATASET_BATCH = 20_000;

    /** Parser and rule threads by default, as the CLI. */
    public static final int DEFAULT_THREADS = 2;
    /** Processes per rule session by default. */
    public static final int DEFAULT_BATCH_SIZE = 512;

    private final Settings settings;
    private final List<String> codes;
    private final int threads;
    private final int batchSize;
    private final int maxLineBytes;
    private final AtomicReference<RuleBook> rules;
    private final PackOptions options;
    private final RuleReloadListener reloadListener;
    private final Object reloading = new Object();

    private ProcurementEngine(Builder b) {
        this.settings = b.settings;
        this.codes = b.codes;
        this.threads = b.threads;
        this.batchSize = b.batchSize;
        this.maxLineBytes = b.maxLineBytes;
        this.reloadListener = b.reloadListener;
        this.options = new PackOptions(ProcurementEngine.class.getClassLoader(), true, List.copyOf(b.ruleDirectories),
                b.limits, false);
        RuleBook book = b.rules;
        if (book == null) {
            book = b.ruleDirectories.isEmpty() && b.limits.equals(RuleLimits.DEFAULT) ? RuleBook.fromClasspath()
                    : ProcurementRules.load(options).orThrow();
        }
        this.rules = new AtomicReference<>(book);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Settings settings() {
        return settings;
    }

    /** The rules in force (they change when {@link #reloadRules()} applies a reload). */
    public RuleBook rules() {
        return rules.get();
    }

    /** The flag codes a run computes (each only when enabled in the settings). */
    public List<String> codes() {
        return codes != null ? codes : defaultCodes(rules.get());
    }

    /** Every flag of the rule book: Cardinal's, the beyond-Cardinal ones, then those author folders add. */
    static List<String> defaultCodes(RuleBook book) {
        List<String> all = new ArrayList<>(Settings.CARDINAL_CODES);
        all.addAll(Settings.EXTENDED_CODES);
        all.removeIf(c -> !book.rules().containsKey(c));
        return ProcurementRules.codes(all, book);
    }

    /**
     * Assesses every process of the inputs: flags, evidence, scores, buyer and supplier summaries. Input
     * problems go to the {@code listener} as they are found (and are counted); the run never stops on one.
     * Close the result.
     */
    public Assessment assess(List<OcdsReader.Input> inputs, ProcessListener listener) {
        return Assessment.run(this, inputs, Objects.requireNonNull(listener, "listener"));
    }

    /** {@link #assess(List, ProcessListener)} of files or folders (every {@code .json}, {@code .jsonl}, {@code .gz} in them). */
    public Assessment assess(Path... files) {
        List<OcdsReader.Input> inputs = new ArrayList<>();
        for (Path f : files) {
            inputs.addAll(OcdsReader.inputs(f.toString()));
        }
        return assess(inputs, ProcessListener.NONE);
    }

    /** {@link #assess(List, ProcessListener)} of a stream (line-delimited JSON, a package, an array; gzip or not). */
    public Assessment assess(InputStream in, String sourceName) {
        return assess(List.of(new OcdsReader.Input(sourceName, () -> in)), ProcessListener.NONE);
    }

    /**
     * Reads the rule folders again and, when every file checks and compiles, swaps the new rules in
     * atomically; otherwise keeps the rules in force. Runs in progress finish with the rules they started
     * with. Either way the listener and the log are told.
     */
    public RuleReload reloadRules() {
        if (options.directories().isEmpty()) {
            throw new IllegalStateException("no rule folder to reload: add one with ProcurementEngine.builder().rules(dir)");
        }
        synchronized (reloading) {
            ProcurementRules.Loaded loaded = ProcurementRules.load(options);
            RuleReload outcome = new RuleReload(loaded.ok(), loaded.problems(), loaded.summary(), loaded.took(), Instant.now());
            if (loaded.ok()) {
                rules.set(loaded.orThrow());
                LOG.info("procurement rules reloaded: {}", loaded.summary());
            } else {
                LOG.warn("procurement rules not reloaded, the previous rules keep serving; {} error(s)", outcome.errors().size());
            }
            try {
                reloadListener.onReload(outcome);
            } catch (RuntimeException e) {
                LOG.warn("rule reload listener failed", e);
            }
            return outcome;
        }
    }

    /**
     * Watches the author folders and reloads the rules when their files change (polled every
     * {@code interval}, reloaded once the files have been still for one interval). Close the watch to stop.
     */
    public FolderWatch watchRules(Duration interval) {
        if (options.directories().isEmpty()) {
            throw new IllegalStateException("no rule folder to watch: add one with ProcurementEngine.builder().rules(dir)");
        }
        return FolderWatch.start(options.directories(), interval, this::reloadRules);
    }

    /**
     * Runs one example case (see {@link ReleaseExamples}): its release alone, with its settings (default
     * settings when it has none), on this engine's rules; every code of the rule book is computed.
     */
    public ReleaseExamples.Outcome test(ReleaseExamples.Example example) {
        Settings s = example.settings() == null ? Settings.defaults() : Settings.parse(example.settings());
        RuleBook book = rules.get();
        java.util.Set<String> run = new java.util.LinkedHashSet<>(codes());
        run.addAll(book.rules().keySet());
        run.retainAll(book.rules().keySet());
        ProcurementEngine one = builder().settings(s).codes(new ArrayList<>(run)).rules(book).threads(1).build();
        byte[] json = example.release().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.util.Set<String> found = new java.util.TreeSet<>();
        try (IndicatorResults r = one.run(List.of(new OcdsReader.Input(example.file() + ":" + example.line(),
                () -> new java.io.ByteArrayInputStream(json))), (source, p, f, skip, flags) -> flags.forEach(fl -> found.add(fl.getCode())))) {
            return new ReleaseExamples.Outcome(example, found);
        }
    }

    /** Reads every input and returns Cardinal's results; {@code listener} sees each process on the way. */
    public IndicatorResults run(List<OcdsReader.Input> inputs, ProcessListener listener) {
        Pass pass = new Pass(listener, rules.get(), codes());
        ExecutorService rulePool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ocds-rules-worker");
            t.setDaemon(true);
            return t;
        }) : null;
        pass.rulePool = rulePool;
        try {
            return run(inputs, pass);
        } catch (RuntimeException | Error e) {
            pass.discard(e);
            throw e;
        } finally {
            if (rulePool != null) {
                rulePool.shutdownNow();
            }
        }
    }

    private IndicatorResults run(List<OcdsReader.Input> inputs, Pass pass) {
        OcdsReader reader = new OcdsReader(maxLineBytes);
        ProcessCompiler compiler = new ProcessCompiler();
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ocds-parse");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            if (pool == null) {
                OcdsReader.Sink sink = new OcdsReader.Sink() {
                    @Override
                    public void line(String source, long line, byte[] json) {
                        pass.accept(compileLine(compiler, source, line, json, pass.parties));
                    }

                    @Override
                    public void parsed(ParsedUnit unit) {
                        pass.accept(compile(compiler, unit));
                    }
                };
                readAll(reader, inputs, sink);
            } else {
                runParallel(reader, compiler, inputs, pass, pool);
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return pass.finish();
    }

    private void runParallel(OcdsReader reader, ProcessCompiler compiler, List<OcdsReader.Input> inputs, Pass pass,
                             ExecutorService pool) {
        BlockingQueue<Future<List<Compiled>>> queue = new ArrayBlockingQueue<>(threads * 4);
        Future<List<Compiled>> end = CompletableFuture.completedFuture(null);
        Thread consumer = new Thread(() -> {
            try {
                while (true) {
                    Future<List<Compiled>> f = queue.take();
                    if (f == end) {
                        return;
                    }
                    for (Compiled c : f.get()) {
                        pass.accept(c);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                pass.failure = e.getCause();
            } catch (RuntimeException e) {
                pass.failure = e;
            }
        }, "ocds-rules");
        consumer.start();
        final class BatchingSink implements OcdsReader.Sink {
            List<RawLine> batch = new ArrayList<>();

            @Override
            public void line(String source, long line, byte[] json) {
                batch.add(new RawLine(source, line, json));
                if (batch.size() >= 256) {
                    flush();
                }
            }

            @Override
            public void parsed(ParsedUnit unit) {
                flush();
                put(CompletableFuture.completedFuture(List.of(compile(compiler, unit))));
            }

            void flush() {
                if (batch.isEmpty()) {
                    return;
                }
                List<RawLine> lines = batch;
                batch = new ArrayList<>();
                put(pool.submit(() -> {
                    List<Compiled> out = new ArrayList<>(lines.size());
                    for (RawLine l : lines) {
                        out.add(compileLine(compiler, l.source(), l.line(), l.json(), pass.parties));
                    }
                    return out;
                }));
            }

            void put(Future<List<Compiled>> f) {
                try {
                    while (!queue.offer(f, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                        if (!consumer.isAlive()) {
                            throw new IllegalStateException("rule thread failed", pass.failure);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }

            void close() {
                flush();
                put(end);
            }
        }
        BatchingSink sink = new BatchingSink();
        try {
            readAll(reader, inputs, sink);
        } finally {
            sink.close();
            try {
                consumer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (pass.failure != null) {
            throw new IllegalStateException("rule thread failed", pass.failure);
        }
    }

    private static void readAll(OcdsReader reader, List<OcdsReader.Input> inputs, OcdsReader.Sink sink) {
        for (OcdsReader.Input input : inputs) {
            try (InputStream in = input.open().get()) {
                reader.read(input.name(), in, sink);
            } catch (IOException e) {
                if (inputs.size() == 1) {
                    throw new UncheckedIOException(e);
                }
                sink.parsed(new ParsedUnit(input.name(), 0, List.of(), List.of(), new InputProblem(input.name(), 0,
                        null, InputProblem.Kind.UNREADABLE, String.valueOf(e.getMessage()))));
            }
        }
    }

    /** A line of a line-delimited input, waiting for a parser thread. */
    private record RawLine(String source, long line, byte[] json) {
    }

    /** A process in a rule batch: its facts, or why it was skipped; whether its ocid was seen before. */
    private record Reviewed(String source, ContractingProcess process, ProcessFacts facts, String skipReason, boolean duplicate) {
    }

    /** A batch whose rules are firing (or fired), with its processes in input order. */
    private record FiringBatch(Future<List<Flag>> flags, List<Reviewed> processes) {
    }

    /** Compiled releases of one unit; runs on worker threads. */
    record Compiled(ParsedUnit unit, List<ContractingProcess> processes) {
    }

    /**
     * One line: a compiled release straight from the token stream (no tree); anything else (packages,
     * records, invalid JSON, ...) through the tree.
     */
    private static Compiled compileLine(ProcessCompiler compiler, String source, long line, byte[] json, boolean parties) {
        ContractingProcess p = StreamingCompiler.compile(json, line, parties);
        if (p != null) {
            return new Compiled(new ParsedUnit(source, line, List.of(), List.of(), null), List.of(p));
        }
        return compile(compiler, OcdsReader.parseLine(source, line, json));
    }

    private static Compiled compile(ProcessCompiler compiler, ParsedUnit unit) {
        List<ContractingProcess> out = new ArrayList<>(unit.releases().size());
        long line = unit.line();
        for (JsonNode r : unit.releases()) {
            out.add(compiler.compile(r, line));
        }
        // keep the trees only as long as needed: the compiled values are all the rest of the run reads
        return new Compiled(unit.releases().isEmpty() ? unit
                : new ParsedUnit(unit.source(), unit.line(), List.of(), unit.toCompile(), unit.problem()), out);
    }

    /** The state of one run; used by one thread at a time, in input order. */
    private final class Pass {
        final ProcessListener listener;
        /** The rules and codes of this run: a reload during the run does not change them. */
        final RuleBook rules;
        final List<String> codes;
        final RunCounts counts = new RunCounts();
        final IndicatorResults results = new IndicatorResults(counts);
        final List<IndicatorSetting> enabled;
        final DatasetStatistics stats;
        final ExtendedStatistics extendedStats;
        final OcidSet seen = new OcidSet();
        final ReleaseMerger merger = new ReleaseMerger();
        final Map<InputProblem.Kind, Integer> warned = new HashMap<>();
        final List<Object> batchFacts = new ArrayList<>();
        final List<Reviewed> batchProcesses = new ArrayList<>();
        /** Ocids of the processes under review in the current batch (facts of one rule session join by ocid). */
        final java.util.Set<String> batchOcids = new java.util.HashSet<>();
        final ProcessCompiler compiler = new ProcessCompiler();
        final boolean extended;
        /**
         * Whether processes need their parties: only the beyond-Cardinal facts and computability read them,
         * and a listener may; Cardinal's indicators with no listener skip them when streaming.
         */
        final boolean parties;
        String mainCurrency = settings.currency();
        volatile Throwable failure;

        Pass(ProcessListener listener, RuleBook rules, List<String> codes) {
            this.listener = listener;
            this.rules = rules;
            this.codes = codes;
            this.enabled = settings.indicators(codes);
            this.stats = new DatasetStatistics(enabled);
            this.extendedStats = new ExtendedStatistics(enabled);
            this.extended = enabled.stream().anyMatch(s -> Settings.EXTENDED_CODES.contains(s.getCode()));
            this.parties = extended || listener != ProcessListener.NONE
                    || codes.stream().anyMatch(c -> !Settings.CARDINAL_CODES.contains(c));
        }

        void accept(Compiled c) {
            ParsedUnit u = c.unit();
            if (u.problem() != null) {
                problem(u.problem());
            }
            for (ObjectNode r : u.toCompile()) {
                merger.add(r.path("ocid").asText(), u.line(), r);
            }
            for (ContractingProcess p : c.processes()) {
                process(u.source(), p);
            }
        }

        void process(String source, ContractingProcess p) {
            counts.processes++;
            if (p.ocid() == null) {
                counts.noOcid++;
                problem(new InputProblem(source, p.line(), null, InputProblem.Kind.NO_OCID, "ocid is not a string; skipped"));
                skipped(source, p, "no ocid");
                return;
            }
            boolean duplicate = !seen.add(p.ocid());
            if (duplicate) {
                counts.duplicates++;
                problem(new InputProblem(source, p.line(), p.ocid(), InputProblem.Kind.DUPLICATE_OCID,
                        "ocid seen before; both are processed, as Cardinal does"));
            }
            if ("cancelled".equals(p.tenderStatus())) {
                counts.cancelled++;
                skipped(source, p, "cancelled");
                return;
            }
            if (p.procurementMethodDetails() != null
                    && settings.excludedProcurementMethodDetails().contains(p.procurementMethodDetails())) {
                counts.excluded++;
                skipped(source, p, "excluded");
                return;
            }
            counts.reviewed++;
            if (duplicate && batchOcids.contains(p.ocid())) {
                // The per-process rules join facts by ocid: two processes with one ocid in one session would
                // mix their bids and awards. Each is its own process (as in Cardinal), so fire the batch first.
                fireBatch();
            }
            batchOcids.add(p.ocid());
            observeCurrency(source, p);
            ProcessFacts f = ProcessFacts.derive(p, mainCurrency, settings.comparesPrices(p.procurementMethodDetails()), extended);
            stats.add(p, f);
            if (extended) {
                extendedStats.add(p);
            }
            for (String code : codes) {
                if (settings.enabled(code) && !Computability.computable(code, p, f)) {
                    counts.notComputable.merge(code, 1L, Long::sum);
                }
            }
            batchFacts.addAll(f.all());
            batchProcesses.add(new Reviewed(source, p, f, null, duplicate));
            if (batchProcesses.size() >= batchSize) {
                fireBatch();
            }
        }

        /** Skipped processes wait for their batch too, so the listener sees input order. */
        void skipped(String source, ContractingProcess p, String reason) {
            batchProcesses.add(new Reviewed(source, p, null, reason, false));
            if (batchProcesses.size() >= batchSize) {
                fireBatch();
            }
        }

        void observeCurrency(String source, ContractingProcess p) {
            for (Bid b : p.bids()) {
                if (!b.value().complete()) {
                    continue;
                }
                if (mainCurrency == null) {
                    mainCurrency = b.value().currency();
                    LOG.debug("main currency: {} (first seen, {} line {})", mainCurrency, source, p.line());
                } else if (!mainCurrency.equals(b.value().currency())) {
                    counts.otherCurrencyAmounts++;
                    problem(new InputProblem(source, p.line(), p.ocid(), InputProblem.Kind.OTHER_CURRENCY,
                            "bid amount in " + b.value().currency() + " is not in the main currency " + mainCurrency
                                    + "; skipped by the amount-based flags"));
                }
            }
        }

        /** Batches whose rules are firing on the rule pool, oldest first: drained in input order. */
        final java.util.ArrayDeque<FiringBatch> pending = new java.util.ArrayDeque<>();
        ExecutorService rulePool;

        void fireBatch() {
            if (batchProcesses.isEmpty()) {
                return;
            }
            List<Object> facts = new ArrayList<>(batchFacts);
            List<Reviewed> processes = new ArrayList<>(batchProcesses);
            batchFacts.clear();
            batchProcesses.clear();
            batchOcids.clear();
            Future<List<Flag>> flags;
            if (enabled.isEmpty() || facts.isEmpty()) {
                flags = CompletableFuture.completedFuture(List.of());
            } else if (rulePool == null) {
                flags = CompletableFuture.completedFuture(rules.fire(enabled, facts));
            } else {
                flags = rulePool.submit(() -> rules.fire(enabled, facts));
            }
            pending.add(new FiringBatch(flags, processes));
            drain(false);
        }

        /**
         * Hands finished batches to the results and the listener, in order. Waits for the oldest while too
         * many are in flight, or for all of them when {@code all}.
         */
        void drain(boolean all) {
            while (!pending.isEmpty()) {
                boolean wait = all || pending.size() > threads * 2;
                if (!pending.peek().flags().isDone() && !wait) {
                    return;
                }
                FiringBatch batch = pending.poll();
                List<Flag> flags;
                try {
                    flags = batch.flags().get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                } catch (ExecutionException e) {
                    throw new IllegalStateException("rules failed", e.getCause());
                }
                Map<String, List<Flag>> byProcess = new HashMap<>();
                for (Flag fl : flags) {
                    if (fl.getGroup() != Group.OCID) {
                        results.add(fl);
                    }
                    byProcess.computeIfAbsent(fl.getProcessOcid(), k -> new ArrayList<>()).add(fl);
                }
                for (Reviewed r : batch.processes()) {
                    if (r.facts() == null) {
                        listener.process(r.source(), r.process(), null, r.skipReason(), List.of());
                        continue;
                    }
                    List<Flag> mine = byProcess.getOrDefault(r.process().ocid(), List.of());
                    Map<String, Double> codes = new TreeMap<>();
                    for (Flag fl : mine) {
                        if (fl.getGroup() == Group.OCID) {
                            codes.merge(fl.getCode(), fl.getValue(), Math::max);
                        }
                    }
                    results.addProcess(r.process().ocid(), codes, r.duplicate());
                    listener.process(r.source(), r.process(), r.facts(), null, mine);
                }
            }
        }

        void problem(InputProblem p) {
            counts.count(p.kind());
            int n = warned.merge(p.kind(), 1, Integer::sum);
            if (n <= WARNINGS_PER_KIND) {
                LOG.warn("{}", p);
            } else if (n == WARNINGS_PER_KIND + 1) {
                LOG.warn("more {} problems: only counted from now on", p.kind());
            }
            listener.problem(p);
        }

        /** A failed run deletes its temporary files now: nobody gets its results to close. */
        void discard(Throwable failure) {
            try {
                stats.close();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
            try {
                results.close();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }

        IndicatorResults finish() {
            merger.flush((line, release) -> process("<compiled>", compiler.compile(release, line)));
            fireBatch();
            drain(true);
            counts.mainCurrency = mainCurrency;
            results.finishSpill();
            List<Object> datasetFacts = stats.facts(results.metaForUpdate());
            if (extended) {
                datasetFacts.addAll(extendedStats.facts());
            }
            // Every dataset rule joins one shared fact (a fence, the top-tenderer bar) with one statistic,
            // so the statistics can be fired in batches, each with all the shared facts: memory stays flat.
            List<Object> fences = datasetFacts.stream()
                    .filter(f -> f instanceof OutlierFence || f instanceof TopTendererBar).toList();
            List<Object> statistics = datasetFacts.stream()
                    .filter(f -> !(f instanceof OutlierFence || f instanceof TopTendererBar)).toList();
            for (int from = 0; from < statistics.size(); from += DATASET_BATCH) {
                List<Object> facts = new ArrayList<>(fences);
                facts.addAll(statistics.subList(from, Math.min(statistics.size(), from + DATASET_BATCH)));
                datasetFlags(rules.fire(enabled, facts));
            }
            // one ratio per process: streamed from disk and matched against the fences batch by batch
            if (fences.stream().anyMatch(f -> f instanceof OutlierFence o
                    && (o.getCode().equals("R024") || o.getCode().equals("R058")))) {
                stats.forEachRatioBatch(DATASET_BATCH, batch -> {
                    List<Object> facts = new ArrayList<>(fences);
                    facts.addAll(batch);
                    datasetFlags(rules.fire(enabled, facts));
                });
            }
            stats.close();
            results.datasetFlags(datasetFlags);
            LOG.debug("run: {}", counts);
            return results;
        }

        final List<Flag> datasetFlags = new ArrayList<>();

        void datasetFlags(List<Flag> flags) {
            for (Flag fl : flags) {
                results.add(fl);
                datasetFlags.add(fl);
            }
        }
    }

    /** Configures a {@link ProcurementEngine}. Not thread-safe; the engine it builds is. */
    public static final class Builder {
        private Settings settings = Settings.defaults();
        private List<String> codes;
        private int threads = DEFAULT_THREADS;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private int maxLineBytes = OcdsReader.DEFAULT_MAX_LINE_BYTES;
        private RuleBook rules;
        private final List<Path> ruleDirectories = new ArrayList<>();
        private RuleLimits limits = RuleLimits.DEFAULT;
        private RuleReloadListener reloadListener = RuleReloadListener.NONE;

        private Builder() {
        }

        /** Run settings (Cardinal's INI; default: {@link Settings#defaults()}, every flag with its defaults). */
        public Builder settings(Settings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * The flag codes to compute, each only when its section is in the settings; default: every flag of
         * the rules in force (Cardinal's eleven, the beyond-Cardinal flags, and flags author folders add),
         * as the {@code tenders} command does. Codes are exact ({@code R003}, not {@code r003}); an unknown
         * code fails {@link #build()}.
         */
        public Builder codes(Collection<String> codes) {
            this.codes = List.copyOf(Objects.requireNonNull(codes, "codes"));
            return this;
        }

        /** See {@link #codes(Collection)}. */
        public Builder codes(String... codes) {
            return codes(Arrays.asList(codes));
        }

        /** Parser and rule threads (default {@value #DEFAULT_THREADS}, as the CLI); 1 runs everything on the calling thread. */
        public Builder threads(int threads) {
            this.threads = positive("threads", threads);
            return this;
        }

        /** Processes per rule session (default {@value #DEFAULT_BATCH_SIZE}); results do not depend on it. */
        public Builder batchSize(int batchSize) {
            this.batchSize = positive("batchSize", batchSize);
            return this;
        }

        /** Longer input lines are skipped and reported as {@code LINE_TOO_LONG} (default 64 MiB). */
        public Builder maxLineBytes(int maxLineBytes) {
            this.maxLineBytes = positive("maxLineBytes", maxLineBytes);
            return this;
        }

        /** A rule book already loaded (shared between engines); replaces the built-in pack and any folder. */
        public Builder rules(RuleBook rules) {
            this.rules = Objects.requireNonNull(rules, "rules");
            return this;
        }

        /**
         * An author rule folder (procurement DRL, {@code thresholds.csv}, {@code disabled.txt}, examples)
         * applied on top of the built-in pack; repeatable, later folders win. Reloadable with
         * {@link ProcurementEngine#reloadRules()} and {@link ProcurementEngine#watchRules(Duration)}.
         */
        public Builder rules(Path directory) {
            ruleDirectories.add(Objects.requireNonNull(directory, "directory"));
            return this;
        }

        /** Firing and time limits per rule session (default {@link RuleLimits#DEFAULT}). */
        public Builder limits(RuleLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Told of every rule reload, applied or rejected. */
        public Builder reloadListener(RuleReloadListener listener) {
            this.reloadListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * @throws IllegalArgumentException         when a code is unknown to the rules in force
         * @throws org.adaldyq.risk.rules.RuleCompilationException when an author folder has errors
         */
        public ProcurementEngine build() {
            if (rules != null && !ruleDirectories.isEmpty()) {
                throw new IllegalStateException("rules(RuleBook) and rules(Path) exclude each other");
            }
            ProcurementEngine engine = new ProcurementEngine(this);
            if (codes != null) {
                checkCodes(codes, engine.rules());
            }
            return engine;
        }

        private static int positive(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1: " + value);
            }
            return value;
        }
    }

    static void checkCodes(List<String> codes, RuleBook rules) {
        for (String code : codes) {
            if (code == null || !rules.rules().containsKey(code)) {
                String hint = code == null ? "" : rules.rules().keySet().stream()
                        .filter(k -> k.equalsIgnoreCase(code.strip())).findFirst().map(k -> " (did you mean " + k + "?)").orElse("");
                throw new IllegalArgumentException("unknown flag code '" + code + "'" + hint + "; known: "
                        + String.join(" ", rules.rules().keySet()));
            }
        }
    }
}
