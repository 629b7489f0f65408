package org.adaldyq.risk.procurement;

import org.adaldyq.risk.procurement.catalogue.IndicatorCatalogue;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.adaldyq.risk.procurement.settings.Settings;
import org.adaldyq.risk.procurement.fact.Computability;
import org.adaldyq.risk.procurement.fact.Flag;
import org.adaldyq.risk.procurement.fact.Group;
import org.adaldyq.risk.procurement.fact.IndicatorSetting;
import org.adaldyq.risk.procurement.fact.OutlierFence;
import org.adaldyq.risk.procurement.fact.TopTendererBar;
import org.adaldyq.risk.procurement.fact.ProcessFacts;
import org.adaldyq.risk.procurement.model.Bid;
import org.adaldyq.risk.procurement.model.ContractingProcess;
import org.adaldyq.risk.procurement.model.ReleaseCompiler;
import org.adaldyq.risk.procurement.ocds.InputProblem;
import org.adaldyq.risk.procurement.ocds.ParsedUnit;
import org.adaldyq.risk.procurement.ocds.ReleaseMerger;
import org.adaldyq.risk.procurement.rules.RuleBook;
import org.adaldyq.risk.procurement.stats.Baseline;
import org.adaldyq.risk.procurement.stats.DatasetStatistics;
import org.adaldyq.risk.rules.RuleLimitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One run of the engine over its inputs: duplicate check, main currency, per-process facts and rules in
 * batches (fired on the rule pool when there is one, drained in input order), dataset statistics, and at
 * the end the dataset rules. Used by one thread at a time, in input order.
 */
final class ProcurementRun {
    private static final Logger LOG = LoggerFactory.getLogger(ProcurementEngine.class);
    private static final int WARNINGS_PER_KIND = 20;
    static final int DATASET_BATCH = 20_000;

    /**
     * A process in a rule batch: its facts and the enabled codes it has the data for, or why it was skipped;
     * whether its ocid was seen before.
     */
    private record Reviewed(String source, ContractingProcess process, ProcessFacts facts, List<String> computable,
                            String skipReason, boolean duplicate) {
    }

    /** A batch whose rules are firing (or fired), with its processes in input order. */
    private record FiringBatch(Future<List<Flag>> flags, List<Reviewed> processes) {
    }

    private final Settings settings;
    private final int threads;
    private final int batchSize;
    private final Baseline baseline;

    private final ProcessListener listener;
    /** The rules and codes of this run: a reload during the run does not change them. */
    private final RuleBook rules;
    private final List<String> codes;
    private final RunCounts counts = new RunCounts();
    private final IndicatorResults results = new IndicatorResults(counts);
    private final List<IndicatorSetting> enabled;
    /** The codes of this run its settings enable, in the run's order. */
    private final List<String> enabledCodes;
    private final DatasetStatistics stats;
    private final OcidSet seen = new OcidSet();
    private final ReleaseMerger merger = new ReleaseMerger();
    private final Map<InputProblem.Kind, Integer> warned = new HashMap<>();
    private final List<Object> batchFacts = new ArrayList<>();
    private final List<Reviewed> batchProcesses = new ArrayList<>();
    /** Ocids of the processes under review in the current batch (a rule may join the facts of one session by ocid). */
    private final java.util.Set<String> batchOcids = new java.util.HashSet<>();
    private final boolean extended;
    /**
     * Whether processes need their parties: only the beyond-Cardinal facts and computability read them,
     * and a listener may ({@link ProcessListener#readsParties}); Cardinal's indicators skip them when streaming.
     */
    private final ReleaseCompiler.Reading reading;
    private String mainCurrency;

    ProcurementRun(ProcurementEngine engine, ProcessListener listener, RuleBook rules, List<String> codes,
                   ExecutorService rulePool) {
        this.settings = engine.settings();
        this.threads = engine.threads();
        this.batchSize = engine.batchSize();
        this.baseline = engine.baseline();
        this.rulePool = rulePool;
        this.mainCurrency = settings.currency();
        this.listener = listener;
        this.rules = rules;
        this.codes = codes;
        this.enabled = settings.indicators(codes);
        this.enabledCodes = codes.stream().filter(settings::enabled).toList();
        this.stats = new DatasetStatistics(enabled);
        List<String> extendedCodes = IndicatorCatalogue.builtIn().extendedCodes();
        List<String> cardinalCodes = IndicatorCatalogue.builtIn().cardinalCodes();
        this.extended = enabled.stream().anyMatch(s -> extendedCodes.contains(s.getCode()));
        boolean parties = extended || listener.readsParties() || codes.stream().anyMatch(c -> !cardinalCodes.contains(c));
        this.reading = new ReleaseCompiler.Reading(parties, engine.language());
    }

    /**
     * What this run's processes are compiled with: their parties when they need them (compiling them costs more
     * than any other member), each organisation named in the run's language first.
     */
    ReleaseCompiler.Reading reading() {
        return reading;
    }

    void accept(OcdsIntake.Compiled c) {
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
            // A rule that joins facts by ocid in working memory (an author's may; the built-in ones reach
            // bids and awards through the tender) would mix the bids and awards of two processes with one
            // ocid in one session. Each is its own process (as in Cardinal), so fire the batch first.
            fireBatch();
        }
        batchOcids.add(p.ocid());
        observeCurrency(source, p);
        ProcessFacts f = ProcessFacts.derive(p, mainCurrency, settings.comparesPrices(p.procurementMethodDetails()), extended);
        stats.add(p, f);
        List<String> computable = new ArrayList<>(enabledCodes.size());
        for (String code : enabledCodes) {
            if (Computability.computable(code, p, f)) {
                computable.add(code);
            } else {
                counts.notComputable.merge(code, 1L, Long::sum);
            }
        }
        batchFacts.addAll(f.all());
        batchProcesses.add(new Reviewed(source, p, f, computable, null, duplicate));
        if (batchProcesses.size() >= batchSize) {
            fireBatch();
        }
    }

    /** Skipped processes wait for their batch too, so the listener sees input order. */
    void skipped(String source, ContractingProcess p, String reason) {
        batchProcesses.add(new Reviewed(source, p, null, null, reason, false));
        if (batchProcesses.size() >= batchSize) {
            fireBatch();
        }
    }

    /** The main currency (set, or the first seen); a process's amounts in others are one problem, all counted. */
    void observeCurrency(String source, ContractingProcess p) {
        java.util.Map<String, Integer> other = null;
        for (Bid b : p.bids()) {
            if (!b.value().complete()) {
                continue;
            }
            if (mainCurrency == null) {
                mainCurrency = b.value().currency();
                LOG.debug("main currency: {} (first seen, {} line {})", mainCurrency, source, p.line());
            } else if (!mainCurrency.equals(b.value().currency())) {
                counts.otherCurrencyAmounts++;
                if (other == null) {
                    other = new TreeMap<>();
                }
                other.merge(b.value().currency(), 1, Integer::sum);
            }
        }
        if (other != null) {
            int n = other.values().stream().mapToInt(Integer::intValue).sum();
            problem(new InputProblem(source, p.line(), p.ocid(), InputProblem.Kind.OTHER_CURRENCY,
                    (n == 1 ? "1 bid amount in " : n + " bid amounts in ") + String.join(", ", other.keySet())
                            + " not in the main currency " + mainCurrency + "; skipped by the flags that compare amounts with it"
                            + " (identical bid prices are compared in any one currency)"));
        }
    }

    /** Batches whose rules are firing on the rule pool, oldest first: drained in input order. */
    final java.util.ArrayDeque<FiringBatch> pending = new java.util.ArrayDeque<>();
    private final ExecutorService rulePool;

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
            CompletableFuture<List<Flag>> fired = new CompletableFuture<>();
            try {
                fired.complete(rules.fire(enabled, facts));
            } catch (RuntimeException | StackOverflowError | LinkageError e) {
                fired.completeExceptionally(e); // drain fires the batch's processes one by one
            }
            flags = fired;
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
            Map<Reviewed, InputProblem> stopped = Map.of();
            try {
                flags = batch.flags().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                if (!ruleFailure(e.getCause())) {
                    throw new IllegalStateException("rules failed", e.getCause());
                }
                // a rule looped or threw on some process of the batch: fire them one by one, so that only
                // the processes it fails on fail, never the batch, never the data set
                stopped = new java.util.IdentityHashMap<>();
                flags = oneByOne(batch.processes(), stopped);
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
                InputProblem failed = stopped.get(r);
                if (failed != null) {
                    problem(failed);
                    listener.process(r.source(), r.process(), null, "rules stopped", List.of());
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
                if (listener instanceof ComputableListener known) {
                    known.process(r.source(), r.process(), r.facts(), r.computable(), null, mine);
                } else {
                    listener.process(r.source(), r.process(), r.facts(), null, mine);
                }
            }
        }
    }

    /**
     * Fires each reviewed process alone; those whose rules still hit a limit or fail go to {@code stopped},
     * with the problem to report.
     */
    private List<Flag> oneByOne(List<Reviewed> processes, Map<Reviewed, InputProblem> stopped) {
        List<Flag> flags = new ArrayList<>();
        for (Reviewed r : processes) {
            if (r.facts() == null) {
                continue;
            }
            try {
                flags.addAll(rules.fire(enabled, r.facts().all()));
            } catch (RuntimeException | StackOverflowError | LinkageError e) {
                stopped.put(r, ruleProblem(r.source(), r.process().line(), r.process().ocid(), e, "the process gets no flags"));
            }
        }
        return flags;
    }

    /** Fires the dataset rules on some facts; a rule stopped at its limit, or failing, is one problem, not a failed run. */
    private List<Flag> fireDataset(List<Object> facts) {
        try {
            return rules.fire(enabled, facts);
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            problem(ruleProblem("<dataset>", 0, null, e, "these dataset flags are missing"));
            return List.of();
        }
    }

    /** Whether a batch's firing failed because of its rules (a limit, a rule that threw), not of the run. */
    static boolean ruleFailure(Throwable t) {
        return t instanceof RuntimeException || t instanceof StackOverflowError || t instanceof LinkageError;
    }

    /** The problem a process (or the dataset) gets when its rules stopped at a limit ({@code RULE_LIMIT}) or failed. */
    static InputProblem ruleProblem(String source, long line, String ocid, Throwable e, String consequence) {
        if (e instanceof RuleLimitException) {
            return new InputProblem(source, line, ocid, InputProblem.Kind.RULE_LIMIT, e.getMessage() + "; " + consequence);
        }
        String why = e instanceof org.kie.api.runtime.rule.ConsequenceException ? e.getMessage() : e.toString();
        return new InputProblem(source, line, ocid, InputProblem.Kind.RULE_ERROR, why + "; " + consequence);
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

    /**
     * Ends one partition of a distributed run (see {@link PartitionScorer}): fires and hands over the last
     * batch, deletes the temporary files, and returns the counts; the dataset statistics are the job's.
     */
    RunCounts finishPartition() {
        fireBatch();
        drain(true);
        stats.close();
        results.close();
        return counts;
    }

    IndicatorResults finish() {
        merger.flush((line, release) -> process("<compiled>", ReleaseCompiler.compile(release, line, new ReleaseCompiler.Reading(true, reading.names()))));
        fireBatch();
        drain(true);
        counts.mainCurrency = mainCurrency;
        results.finishSpill();
        List<Object> datasetFacts = stats.facts(results.metaForUpdate(), baseline);
        results.baseline(Baseline.of(counts.reviewed, datasetFacts, results.metaForUpdate()));
        // Every dataset rule joins one shared fact (a fence, the top-tenderer bar) with one statistic,
        // so the statistics can be fired in batches, each with all the shared facts: memory stays flat.
        List<Object> fences = datasetFacts.stream()
                .filter(f -> f instanceof OutlierFence || f instanceof TopTendererBar).toList();
        List<Object> statistics = datasetFacts.stream()
                .filter(f -> !(f instanceof OutlierFence || f instanceof TopTendererBar)).toList();
        for (int from = 0; from < statistics.size(); from += DATASET_BATCH) {
            List<Object> facts = new ArrayList<>(fences);
            facts.addAll(statistics.subList(from, Math.min(statistics.size(), from + DATASET_BATCH)));
            datasetFlags(fireDataset(facts));
        }
        // one ratio per process (the only process-level statistic): streamed from disk and matched
        // against the fences batch by batch
        if (fences.stream().anyMatch(f -> f instanceof OutlierFence o && o.getGroup() == Group.OCID)) {
            stats.forEachRatioBatch(DATASET_BATCH, batch -> {
                List<Object> facts = new ArrayList<>(fences);
                facts.addAll(batch);
                datasetFlags(fireDataset(facts));
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
