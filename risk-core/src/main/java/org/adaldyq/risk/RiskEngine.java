package org.adaldyq.risk;

import org.adaldyq.risk.rules.PackOptions;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.adaldyq.risk.extract.DocumentReadException;
import org.adaldyq.risk.regulation.TooDenseException;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.regulation.ConfidenceTable;
import org.adaldyq.risk.regulation.RegulationRules;
import org.adaldyq.risk.regulation.RegulationScanner;
import org.adaldyq.risk.signal.FactorModels;
import org.adaldyq.risk.report.PairReport;
import org.adaldyq.risk.report.ScanReport;
import org.adaldyq.risk.report.ScannedDocument;
import org.adaldyq.risk.regulation.FactorCatalogue;
import org.adaldyq.risk.rules.FolderWatch;
import org.adaldyq.risk.rules.RuleCompilationException;
import org.adaldyq.risk.rules.RuleExamples;
import org.adaldyq.risk.rules.RuleLimits;
import org.adaldyq.risk.rules.RuleProblem;
import org.adaldyq.risk.rules.RuleReload;
import org.adaldyq.risk.rules.RuleReloadListener;
import org.adaldyq.risk.structure.DocumentReader;
import org.adaldyq.risk.structure.ParsedDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: scans legal texts for corruption-risk factors. Build it once with
 * {@link #builder()}, share it: it is thread-safe, and its configuration is immutable.
 *
 * <pre>{@code
 * RiskEngine engine = RiskEngine.builder().build();
 * ScanReport report = engine.scan(Path.of("draft-law.docx"));
 * }</pre>
 *
 * <p>Rules can come from author folders on top of the built-in pack ({@link Builder#rules(Path)}); then
 * {@link #reloadRules()} or {@link #watchRules(Duration)} replace them while the engine serves: a valid
 * change swaps the whole rule set atomically (scans in flight finish on the rules they started with),
 * an invalid one keeps the old rules and reports its problems to the {@link RuleReloadListener} and the
 * log.
 */
public final class RiskEngine {
    private static final Logger LOG = LoggerFactory.getLogger(RiskEngine.class);

    private final Optional<Language> language;
    private final DocumentReader reader;
    private final PackOptions options;
    private final RuleReloadListener listener;
    /** The rules in force: shared with the engines {@link #withMinConfidence} derives, so a reload reaches them. */
    private final AtomicReference<RegulationRules.Loaded> rules;
    private final Object reloading;
    /** The author folders as the rules in force (or the last reload) read them: a watch counts saves from there. */
    private final java.util.concurrent.atomic.AtomicLong readFrom;
    private final boolean signal;
    private final double minConfidence;

    private RiskEngine(Builder b) {
        this.language = Optional.ofNullable(b.language);
        this.reader = b.reader != null ? b.reader : DocumentReader.create();
        this.listener = b.listener;
        this.signal = b.signal;
        this.minConfidence = b.minConfidence;
        this.options = new PackOptions(b.classLoader, b.builtInRules, b.ruleDirectories, b.limits, false);
        this.readFrom = new java.util.concurrent.atomic.AtomicLong(FolderWatch.fingerprint(options.directories()));
        RegulationRules.Loaded loaded = RegulationRules.load(options);
        loaded.orThrow();
        this.rules = new AtomicReference<>(loaded);
        this.reloading = new Object();
    }

    private RiskEngine(RiskEngine base, double minConfidence) {
        this.language = base.language;
        this.reader = base.reader;
        this.listener = base.listener;
        this.signal = base.signal;
        this.options = base.options;
        this.rules = base.rules;
        this.reloading = base.reloading;
        this.readFrom = base.readFrom;
        this.minConfidence = minConfidence;
    }

    /**
     * This engine keeping only the findings of at least {@code min} confidence (as
     * {@link Builder#minConfidence}), for one request or one reader: it shares this engine's rules, reloads
     * included, and costs nothing to make.
     *
     * @throws IllegalArgumentException when {@code min} is not a number from 0 to 1
     */
    public RiskEngine withMinConfidence(double min) {
        return ConfidenceTable.requireMinimum(min) == minConfidence ? this : new RiskEngine(this, min);
    }

    /** A builder with the built-in rules, no author folders and the default limits. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Scans a file (DOCX, PDF, HTML, ODT, RTF, TXT, Markdown, USLM XML).
     *
     * @throws DocumentReadException when the file cannot be read as a text (empty, corrupt, encrypted,
     *                               binary, too large...); its {@code reason()} says which
     */
    public ScanReport scan(Path file) throws DocumentReadException {
        ParsedDocument doc = language.isPresent() ? reader.read(file, language.get()) : reader.read(file);
        // The report names the file as the caller gave it.
        return dense(file.toString(), new ParsedDocument(file.toString(), doc.text(), doc.language(), doc.languageConfidence(),
                doc.mediaType(), doc.metadata(), doc.provisions()));
    }

    /**
     * Scans a file and keeps the text it was read into: what reports that show or point into the text
     * (HTML, DOCX comments, SARIF regions) need beside the findings.
     *
     * @throws DocumentReadException as {@link #scan(Path)}
     */
    public ScannedDocument scanDocument(Path file) throws DocumentReadException {
        ParsedDocument doc = readAs(file);
        return new ScannedDocument(doc, dense(file.toString(), doc));
    }

    /**
     * Scans a file as {@link #scanDocument(Path)} does and keeps the words the analysis read from each
     * provision and lead-in ({@link ScannedDocument#words()}): what an index takes instead of analysing the
     * text a second time.
     *
     * @throws DocumentReadException as {@link #scan(Path)}
     */
    public ScannedDocument scanDocumentKeepingWords(Path file) throws DocumentReadException {
        ParsedDocument doc = readAs(file);
        try {
            return scanner().scanKeepingWords(doc);
        } catch (TooDenseException e) {
            throw new DocumentReadException(file.toString(), DocumentReadException.Reason.TOO_DENSE, e.getMessage(), e);
        }
    }

    /** The file read, named as the caller gave it. */
    private ParsedDocument readAs(Path file) throws DocumentReadException {
        ParsedDocument read = language.isPresent() ? reader.read(file, language.get()) : reader.read(file);
        return new ParsedDocument(file.toString(), read.text(), read.language(), read.languageConfidence(),
                read.mediaType(), read.metadata(), read.provisions());
    }

    /**
     * Scans a document read from a stream and keeps its text, as {@link #scanDocument(Path)};
     * {@code sourceName} names it in the report and hints its format.
     *
     * @throws DocumentReadException as {@link #scan(Path)}
     */
    public ScannedDocument scanDocument(InputStream in, String sourceName) throws DocumentReadException {
        ParsedDocument doc = language.isPresent() ? reader.read(in, sourceName, language.get()) : reader.read(in, sourceName);
        return new ScannedDocument(doc, dense(sourceName, doc));
    }

    /** The factor catalogue of the rules in force: codes, severities, titles, explanations and recommendations. */
    public FactorCatalogue catalogue() {
        return scanner().catalogue();
    }

    /**
     * How often findings were right, per language and factor, and for findings both official versions have
     * (its pair rows), as the rules in force measured it: where each finding's confidence comes from.
     */
    public org.adaldyq.risk.regulation.ConfidenceTable confidence() {
        return scanner().confidence();
    }

    /** Scans a document read from a stream; {@code sourceName} names it in the report and hints its format. */
    public ScanReport scan(InputStream in, String sourceName) throws DocumentReadException {
        ParsedDocument doc = language.isPresent() ? reader.read(in, sourceName, language.get()) : reader.read(in, sourceName);
        return dense(sourceName, doc);
    }

    /** A document too dense for the rules is a read problem of that file ({@code TOO_DENSE}), never an OOM. */
    private ScanReport dense(String source, ParsedDocument doc) throws DocumentReadException {
        return dense(scanner(), source, doc);
    }

    private static ScanReport dense(RegulationScanner scanner, String source, ParsedDocument doc) throws DocumentReadException {
        try {
            return scanner.scan(doc);
        } catch (TooDenseException e) {
            throw new DocumentReadException(source, DocumentReadException.Reason.TOO_DENSE, e.getMessage(), e);
        }
    }

    /** Scans a plain text. */
    public ScanReport scan(String text) {
        return scanner().scan(language.isPresent() ? reader.read(text, "text", language.get()) : reader.read(text, "text"));
    }

    /** Scans a plain text known to be in {@code language}. */
    public ScanReport scan(String text, Language language) {
        return scanner().scan(reader.read(text, "text", language));
    }

    /**
     * Scans the two official versions of one act (a Kazakh and a Russian file, say) and aligns them
     * provision by provision: the union of the findings, each marked as found in both versions or in one.
     * Each file's language is detected on its own (the engine's forced language does not apply).
     */
    public PairReport scanPair(Path first, Path second) throws DocumentReadException {
        return pair(scanVersion(first), scanVersion(second));
    }

    /**
     * Aligns two versions scanned by {@link #scanVersion} ({@link PairReport#of}), gives the findings both versions
     * carry the confidence measured for that case when the confidence table has a row for the two languages
     * ({@link PairReport#confirmedByBoth}), and keeps the findings of this engine's minimum confidence, decided
     * per pair ({@link PairReport#keeping}): a factor both versions found stays in both when either version's
     * finding reaches the minimum, so that a difference between the two languages' confidence tables never
     * shows as a difference between the versions.
     */
    public PairReport pair(ScannedDocument first, ScannedDocument second) {
        PairReport pair = PairReport.of(first, second);
        var measured = confidence().pair(first.report().language(), second.report().language());
        if (measured.isPresent()) {
            pair = pair.confirmedByBoth(measured.get().confidence(), measured.get()::inWords);
        }
        return pair.keeping(minConfidence);
    }

    /**
     * One official version of a pair, read with its own language detected (never the engine's fixed
     * {@code language}: the two versions differ in it) and scanned with every finding, whatever this engine's
     * minimum confidence ({@link #pair} applies it to the pair): what {@link #pair} and the writers that need
     * the document's text (a DOCX review of each version) take.
     *
     * @throws DocumentReadException as {@link #scan(Path)}
     */
    public ScannedDocument scanVersion(Path file) throws DocumentReadException {
        ParsedDocument d = reader.read(file);
        ParsedDocument named = new ParsedDocument(file.toString(), d.text(), d.language(), d.languageConfidence(), d.mediaType(),
                d.metadata(), d.provisions());
        return new ScannedDocument(named, dense(scanner().withMinConfidence(0), named.source(), named));
    }

    /**
     * One official version of a pair read from a stream, as {@link #scanVersion(Path)}; {@code sourceName}
     * names it in the report and hints its format.
     *
     * @throws DocumentReadException as {@link #scan(Path)}
     */
    public ScannedDocument scanVersion(InputStream in, String sourceName) throws DocumentReadException {
        ParsedDocument doc = reader.read(in, sourceName);
        return new ScannedDocument(doc, dense(scanner().withMinConfidence(0), sourceName, doc));
    }

    /** Scans a document already read and segmented. */
    public ScanReport scan(ParsedDocument document) {
        return scanner().scan(document);
    }

    /** The factor codes found in {@code text}: what a rule example checks. */
    public Set<String> codesFound(String text, Language language) {
        return codesFound(scanner(), text, language);
    }

    /** The example cases of the rules in force (built-in pack and author folders). */
    public List<RuleExamples.Example> ruleExamples() {
        return rules.get().examples();
    }

    /**
     * Runs the example cases of the rules in force against them, all on one rule set even if a reload
     * happens meanwhile. {@code rules test} and the project's own tests run examples this way.
     */
    public List<RuleExamples.Outcome> testRules() {
        RegulationRules.Loaded now = rules.get();
        RegulationScanner scanner = signal ? now.scanner().orElseThrow() : now.scanner().orElseThrow().withModels(FactorModels.none());
        return RuleExamples.run(now.examples(), (text, lang) -> codesFound(scanner, text, lang));
    }

    /** Runs one example case against the rules in force. */
    public RuleExamples.Outcome testRule(RuleExamples.Example example) {
        return RuleExamples.run(List.of(example), this::codesFound).get(0);
    }

    private Set<String> codesFound(RegulationScanner scanner, String text, Language lang) {
        Set<String> codes = new TreeSet<>();
        scanner.scan(reader.read(text, "example", lang)).findings().forEach(f -> codes.add(f.code()));
        return codes;
    }

    /** What the rules in force are: counts of built-in, added, overridden and disabled rules. */
    public String rulesSummary() {
        return rules.get().summary();
    }

    /** Warnings of the rules in force (a rule set with errors is never in force). */
    public List<RuleProblem> ruleWarnings() {
        return rules.get().problems();
    }

    /**
     * Reads the rule folders again and, when every file checks and compiles, swaps the new rules in
     * atomically; otherwise keeps the rules in force. Either way the listener and the log are told.
     * Reloads are serialised; scans are never blocked.
     */
    public RuleReload reloadRules() {
        synchronized (reloading) {
            readFrom.set(FolderWatch.fingerprint(options.directories()));
            RegulationRules.Loaded loaded = RegulationRules.load(options);
            RuleReload outcome = new RuleReload(loaded.ok(), loaded.problems(), loaded.summary(), loaded.took(), Instant.now());
            if (loaded.ok()) {
                rules.set(loaded);
                LOG.info("rules reloaded: {}", loaded.summary());
            } else {
                LOG.warn("rules not reloaded, the previous rules keep serving; {} error(s):\n{}", outcome.errors().size(),
                        String.join("\n", outcome.errors().stream().map(RuleProblem::toString).toList()));
            }
            try {
                listener.onReload(outcome);
            } catch (RuntimeException e) {
                LOG.warn("rule reload listener failed", e);
            }
            return outcome;
        }
    }

    /**
     * Watches the author folders and reloads the rules when their files change (polled every
     * {@code interval}, reloaded once the files have been still for one interval). Close the watch to
     * stop; the engine keeps working without it.
     */
    public FolderWatch watchRules(Duration interval) {
        if (options.directories().isEmpty()) {
            throw new IllegalStateException("no rule folder to watch: add one with RiskEngine.builder().rules(dir)");
        }
        // from the folders as the rules in force read them: a save since (before the watch started) reloads too
        return FolderWatch.start(options.directories(), interval, this::reloadRules, readFrom.get());
    }

    private RegulationScanner scanner() {
        RegulationScanner s = rules.get().scanner().orElseThrow();
        return (signal ? s : s.withModels(FactorModels.none())).withMinConfidence(minConfidence);
    }

    /** Configures a {@link RiskEngine}. Not thread-safe; the engine it builds is. */
    public static final class Builder {
        private Language language;
        private boolean builtInRules = true;
        private final List<Path> ruleDirectories = new ArrayList<>();
        private RuleLimits limits = RuleLimits.DEFAULT;
        private RuleReloadListener listener = RuleReloadListener.NONE;
        private ClassLoader classLoader = RiskEngine.class.getClassLoader();
        private DocumentReader reader;
        private boolean signal = true;
        private double minConfidence;

        private Builder() {
        }

        /**
         * Keeps only the findings whose confidence (how often findings of their factor in their language were
         * right on labelled provisions, see {@code Finding#confidence()}) is at least {@code min}; default 0,
         * every finding. A finding with no confidence is kept. Scores are those of the findings kept.
         *
         * @throws IllegalArgumentException when {@code min} is not a number from 0 to 1
         */
        public Builder minConfidence(double min) {
            this.minConfidence = ConfidenceTable.requireMinimum(min);
            return this;
        }

        /**
         * Whether the trained factor models score provisions for the rules (default true). Off, the rules
         * decide on triggers and guards alone.
         */
        public Builder signal(boolean on) {
            this.signal = on;
            return this;
        }

        /** Treat every text as this language instead of detecting it. */
        public Builder language(Language language) {
            this.language = language;
            return this;
        }

        /**
         * Adds a folder of author rules: {@code .drl} files, {@code lexicon/<lang>/<CONCEPT>.txt},
         * {@code thresholds.csv}, {@code disabled.txt}, {@code factors.json}, {@code confidence.csv}, {@code *.examples} (see
         * {@code docs/author-guide.md}). Folders apply in the order added, on top of the built-in pack.
         */
        public Builder rules(Path directory) {
            ruleDirectories.add(Objects.requireNonNull(directory));
            return this;
        }

        /** Whether to load the built-in regulation pack (default true). */
        public Builder builtInRules(boolean builtIn) {
            this.builtInRules = builtIn;
            return this;
        }

        /** Rule firings allowed per provision before a scan is stopped as looping (default 10,000). */
        public Builder maxFiringsPerProvision(long max) {
            this.limits = limits.withMaxFiringsPerUnit(max);
            return this;
        }

        /** Time the rules may run on one document before the scan is stopped (default 30 s). */
        public Builder maxRuleTimePerDocument(Duration max) {
            this.limits = limits.withMaxTime(max);
            return this;
        }

        /** Told of every rule reload, applied or rejected. */
        public Builder reloadListener(RuleReloadListener listener) {
            this.listener = Objects.requireNonNull(listener);
            return this;
        }

        /** The reader that extracts and segments documents (default: {@link DocumentReader#create()}). */
        public Builder documentReader(DocumentReader reader) {
            this.reader = Objects.requireNonNull(reader);
            return this;
        }

        /** Class loader to find the built-in packs with (default: this library's). */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader);
            return this;
        }

        /**
         * @throws RuleCompilationException when a rule, lexicon, threshold or example file has errors;
         *                                  {@code problems()} lists each with file, line and column
         */
        public RiskEngine build() {
            return new RiskEngine(this);
        }
    }
}
