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

import java.io.IOException;
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

    private final Settings settings;
    private final List<String> codes;
    private final int threads;
    private final int batchSize;
    private final int maxLineBytes;
    private final RuleBook rules;

    private ProcurementEngine(Builder b) {
        this.settings = b.settings;
        this.codes = List.copyOf(b.codes);
        this.threads = b.threads;
        this.batchSize = b.batchSize;
        this.maxLineBytes = b.maxLineBytes;
        this.rules = b.rules == null ? RuleBook.fromClasspath() : b.rules;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Settings settings() {
        return settings;
    }

    public RuleBook rules() {
        return rules;
    }

    public List<String> codes() {
        return codes;
    }

    /**
     * Runs one example case (see {@link ReleaseExamples}): its release alone, with its settings (default
     * settings when it has none), on this engine's rules; every code of the rule book is computed.
     */
    public ReleaseExamples.Outcome test(ReleaseExamples.Example example) {
        Settings s = example.settings() == null ? Settings.defaults() : Settings.parse(example.settings());
        java.util.Set<String> run = new java.util.LinkedHashSet<>(codes);
        run.addAll(rules.rules().keySet());
        run.add(example.code());
        ProcurementEngine one = builder().settings(s).codes(new ArrayList<>(run)).rules(rules).build();
        byte[] json = example.release().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.util.Set<String> found = new java.util.TreeSet<>();
        try (IndicatorResults r = one.run(List.of(new OcdsReader.Input(example.file() + ":" + example.line(),
                () -> new java.io.ByteArrayInputStream(json))), (p, f, skip, flags) -> flags.forEach(fl -> found.add(fl.getCode())))) {
            return new ReleaseExamples.Outcome(example, found);
        }
    }

    /** Reads every input and returns Cardinal's results; {@code listener} sees each process on the way. */
    public IndicatorResults run(List<OcdsReader.Input> inputs, ProcessListener listener) {
        Pass pass = new Pass(listener);
        ExecutorService rulePool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ocds-rules-worker");
            t.setDaemon(true);
            return t;
        }) : null;
        pass.rulePool = rulePool;
        try {
            return run(inputs, pass);
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
    private record Reviewed(ContractingProcess process, ProcessFacts facts, String skipReason, boolean duplicate) {
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
        final RunCounts counts = new RunCounts();
        final IndicatorResults results = new IndicatorResults(counts);
        final List<IndicatorSetting> enabled = settings.indicators(codes);
        final DatasetStatistics stats = new DatasetStatistics(enabled);
        final ExtendedStatistics extendedStats = new ExtendedStatistics(enabled);
        final OcidSet seen = new OcidSet();
        final ReleaseMerger merger = new ReleaseMerger();
        final Map<InputProblem.Kind, Integer> warned = new HashMap<>();
        final List<Object> batchFacts = new ArrayList<>();
        final List<Reviewed> batchProcesses = new ArrayList<>();
        /** Ocids of the processes under review in the current batch (facts of one rule session join by ocid). */
        final java.util.Set<String> batchOcids = new java.util.HashSet<>();
        final ProcessCompiler compiler = new ProcessCompiler();
        final boolean extended = enabled.stream().anyMatch(s -> Settings.EXTENDED_CODES.contains(s.getCode()));
        /**
         * Whether processes need their parties: only the beyond-Cardinal facts and computability read them,
         * and a listener may; Cardinal's indicators with no listener skip them when streaming.
         */
        final boolean parties;
        String mainCurrency = settings.currency();
        volatile Throwable failure;

        Pass(ProcessListener listener) {
            this.listener = listener;
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
                skipped(p, "no ocid");
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
                skipped(p, "cancelled");
                return;
            }
            if (p.procurementMethodDetails() != null
                    && settings.excludedProcurementMethodDetails().contains(p.procurementMethodDetails())) {
                counts.excluded++;
                skipped(p, "excluded");
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
            batchProcesses.add(new Reviewed(p, f, null, duplicate));
            if (batchProcesses.size() >= batchSize) {
                fireBatch();
            }
        }

        /** Skipped processes wait for their batch too, so the listener sees input order. */
        void skipped(ContractingProcess p, String reason) {
            batchProcesses.add(new Reviewed(p, null, reason, false));
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
                    LOG.info("main currency: {} (first seen, {} line {})", mainCurrency, source, p.line());
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
                        listener.process(r.process(), null, r.skipReason(), List.of());
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
                    listener.process(r.process(), r.facts(), null, mine);
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
            LOG.info("run: {}", counts);
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

    public static final class Builder {
        private Settings settings = Settings.defaults();
        private List<String> codes = Settings.CARDINAL_CODES;
        private int threads = 1;
        private int batchSize = 512;
        private int maxLineBytes = OcdsReader.DEFAULT_MAX_LINE_BYTES;
        private RuleBook rules;

        public Builder settings(Settings settings) {
            this.settings = settings;
            return this;
        }

        /** The indicator codes to run (each only when enabled in the settings); default: Cardinal's eleven. */
        public Builder codes(List<String> codes) {
            this.codes = codes;
            return this;
        }

        /** Parser threads; 1 runs everything on the calling thread. */
        public Builder threads(int threads) {
            this.threads = Math.max(1, threads);
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = Math.max(1, batchSize);
            return this;
        }

        public Builder maxLineBytes(int maxLineBytes) {
            this.maxLineBytes = maxLineBytes;
            return this;
        }

        public Builder rules(RuleBook rules) {
            this.rules = rules;
            return this;
        }

        public ProcurementEngine build() {
            return new ProcurementEngine(this);
        }
    }
}
