package org.adaldyq.risk.procurement;

import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.procurement.catalogue.IndicatorCatalogue;
import org.adaldyq.risk.procurement.settings.Settings;
import org.adaldyq.risk.procurement.ocds.OcdsReader;
import org.adaldyq.risk.procurement.rules.ReleaseExamples;
import org.adaldyq.risk.procurement.rules.RuleBook;
import org.adaldyq.risk.procurement.stats.Baseline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.adaldyq.risk.procurement.rules.ProcurementRules;
import org.adaldyq.risk.rules.FolderWatch;
import org.adaldyq.risk.rules.PackOptions;
import org.adaldyq.risk.rules.RuleLimits;
import org.adaldyq.risk.rules.RuleReload;
import org.adaldyq.risk.rules.RuleReloadListener;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Computes procurement red flags over an OCDS input in one streaming pass.
 *
 * <p>Reading and JSON parsing run on {@code threads} worker threads; the rest (duplicate check, main
 * currency, per-process rules, dataset statistics) runs on one thread in input order, so results do not
 * depend on the number of threads. Immutable and thread-safe: build once, run many times.
 *
 * <pre>{@code
 * ProcurementEngine engine = ProcurementEngine.builder().settings(Settings.read(ini)).build();
 * try (IndicatorResults r = engine.run(OcdsReader.inputs("data.jsonl"), ProcessListener.NONE)) {
 *     CardinalJson.write(r, false, System.out); // close() deletes the run's temporary file
 * }
 * }</pre>
 */
public final class ProcurementEngine {
    private static final Logger LOG = LoggerFactory.getLogger(ProcurementEngine.class);

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
    /** The author folders as the rules in force (or the last reload) read them: a watch counts saves from there. */
    private final java.util.concurrent.atomic.AtomicLong readFrom;
    private final Baseline baseline;
    private final Language language;

    private ProcurementEngine(Builder b) {
        this.settings = b.settings;
        this.codes = b.codes;
        this.threads = b.threads;
        this.batchSize = b.batchSize;
        this.maxLineBytes = b.maxLineBytes;
        this.reloadListener = b.reloadListener;
        this.baseline = b.baseline;
        this.language = b.language;
        this.options = new PackOptions(ProcurementEngine.class.getClassLoader(), true, List.copyOf(b.ruleDirectories),
                b.limits, false);
        this.readFrom = new java.util.concurrent.atomic.AtomicLong(FolderWatch.fingerprint(options.directories()));
        RuleBook book = b.rules;
        if (book == null) {
            book = b.ruleDirectories.isEmpty() && b.limits.equals(RuleLimits.DEFAULT) ? RuleBook.fromClasspath()
                    : ProcurementRules.load(options).orThrow();
        }
        this.rules = new AtomicReference<>(book);
    }

    /** A builder with Cardinal's default settings, every enabled indicator and the built-in rules. */
    public static Builder builder() {
        return new Builder();
    }

    /** The run settings the engine was built with. */
    public Settings settings() {
        return settings;
    }

    /** The language of flag titles and texts in results. */
    public Language language() {
        return language;
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
        List<String> all = new ArrayList<>(IndicatorCatalogue.builtIn().codes());
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
            readFrom.set(FolderWatch.fingerprint(options.directories()));
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
        // from the folders as the rules in force read them: a save since (before the watch started) reloads too
        return FolderWatch.start(options.directories(), interval, this::reloadRules, readFrom.get());
    }

    /**
     * Runs one example case (see {@link ReleaseExamples}): its release alone, with its settings (default
     * settings when it has none), on this engine's rules; every code of the rule book is computed, the
     * dataset-relative ones too (on a data set of one process: give them a fixed {@code threshold}).
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
            // the dataset-relative flags (fences, buyer patterns) are raised at the end of the run
            r.datasetFlags().forEach(fl -> found.add(fl.getCode()));
            return new ReleaseExamples.Outcome(example, found);
        }
    }

    /** Reads every input and returns Cardinal's results; {@code listener} sees each process on the way. */
    public IndicatorResults run(List<OcdsReader.Input> inputs, ProcessListener listener) {
        ExecutorService rulePool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ocds-rules-worker");
            t.setDaemon(true);
            return t;
        }) : null;
        ProcurementRun run = new ProcurementRun(this, listener, rules.get(), codes(), rulePool);
        try {
            OcdsIntake.feed(inputs, threads, maxLineBytes, run.reading(), run::accept);
            return run.finish();
        } catch (RuntimeException | Error e) {
            run.discard(e);
            throw e;
        } finally {
            if (rulePool != null) {
                rulePool.shutdownNow();
            }
        }
    }

    int threads() {
        return threads;
    }

    int batchSize() {
        return batchSize;
    }

    Baseline baseline() {
        return baseline;
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
        private Baseline baseline;
        private Language language = Language.EN;

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

        /**
         * Judge the input against the dataset statistics of an earlier run (its fences, top-tenderer bar and
         * Meta) instead of its own: scoring single tenders as they are published. Save one with
         * {@code assessment.indicators().baseline().write(path)}; load it with {@link Baseline#read(Path)}.
         */
        public Builder baseline(Baseline baseline) {
            this.baseline = Objects.requireNonNull(baseline, "baseline");
            return this;
        }

        /**
         * The language of flag titles, explanations and recommendations in results (default English), and of
         * organisation names where the data gives them in it (OCDS {@code name_kk}, {@code name_ru}).
         */
        public Builder language(Language language) {
            this.language = Objects.requireNonNull(language, "language");
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
