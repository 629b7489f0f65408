package org.adaldyq.risk.cli;

import java.util.concurrent.CompletableFuture;
import java.io.IOException;
import org.adaldyq.risk.extract.DocumentReadException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.isolation.IsolatedEngine;
import org.adaldyq.risk.isolation.IsolatedScan;
import org.adaldyq.risk.finding.ProvisionLocation;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.report.PairReport;
import org.adaldyq.risk.report.writer.DocxPairReview;
import org.adaldyq.risk.report.writer.DocxReview;
import org.adaldyq.risk.report.writer.HtmlPairReport;
import org.adaldyq.risk.report.ReportJson;
import org.adaldyq.risk.review.Review;
import org.adaldyq.risk.report.ScannedDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code scan}: corruption-risk findings in draft laws. Every input yields one result or one error
 * record; the exit code is 1 when any input failed, 2 on bad usage.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Scan legal texts (DOCX, PDF, HTML, ODT, RTF, TXT, Markdown, USLM XML; folders recursively) "
                + "for corruption-risk factors.")
final class ScanCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ScanCommand.class);

    enum Format { text, json, jsonl, sarif, docx, html, conclusion, review }

    @Spec
    CommandSpec spec;

    @Option(names = "--lang", description = "Language of the texts: kk, ru or en (default: detected per file).")
    String lang;

    @Option(names = "--format", description = "Output: text (for people), json (one array), jsonl (one object per file), sarif (SARIF 2.1.0 log for code-review tools), docx (the draft back with a Word comment on each finding; needs --output), html (annotated page, self-contained), conclusion (the draft conclusion of the review as a Word document: the factors found and a table of the provisions that hold them, with why and how to fix; every input in one file; needs --output OUT.docx), review (the expert's worksheet: one JSON line per provision with its text and the factors found, to confirm, strike out or add to; labelled data for train and evaluate). Default: ${DEFAULT-VALUE}.",
            defaultValue = "text")
    Format format;

    @Option(names = "--rules", description = "Author rule folder (.drl, lexicon/, thresholds.csv, disabled.txt) applied on top of the built-in pack (repeatable).")
    List<Path> rules = List.of();

    @Option(names = "--no-builtin", description = "Do not load the built-in regulation pack (use with --rules).")
    boolean noBuiltIn;

    @Option(names = "--min-confidence", paramLabel = "X", description = "Keep only findings whose confidence (how often findings of "
            + "their factor in their language were right on labelled provisions) is at least X, from 0 to 1 (default: all). With --pair, "
            + "decided per pair: a factor both versions found stays in both when either version's finding reaches X.")
    String minConfidence;

    @Option(names = "--review", paramLabel = "FILE", description = "An expert's review (JSON lines, as --format review or the annotated "
            + "page's \"Save the review\" write them, or the draft with the scanner's comments as the expert left it in Word, a .docx: "
            + "see review from-docx; repeatable): in every format the findings struck out are left out, the factors added "
            + "are reported on their provision and the confirmed ones are marked; --format html shows the decisions to go on with, --format "
            + "review writes them back (with --pair, each version as reviewed, in every format). A decision follows its provision's words "
            + "into a later version of the text; one whose words changed since is named on standard error and not applied.")
    List<Path> reviews = List.of();

    @Option(names = "--earlier-version", paramLabel = "OLD=NEW", description = "With --review: the decisions the review makes on file OLD "
            + "are on an earlier version of the text scanned here as NEW (file names; repeatable). Without it, a run of one text (or one "
            + "--pair) carries to a text the review names no decisions on those of the one reviewed file in its language that the run "
            + "does not scan.")
    Map<String, String> earlierVersions = new java.util.LinkedHashMap<>();

    @Option(names = "--threads", description = "Files scanned in parallel (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    int threads;

    @Option(names = "--pair", description = "The two PATHs are the official versions of one act (e.g. kk and ru): align their provisions "
            + "by number, report the union of the findings and mark those found in one version only (--format html: the two side by side, "
            + "the findings both versions carry first, with the expert's review on it; --format docx --output FOLDER: each version back "
            + "with Word comments that also say what the other version has; --format review: the worksheet of both versions in one file).")
    boolean pair;

    @Option(names = {"-o", "--output"}, description = "Write the report here instead of the console. With --format docx: the "
            + "DOCX file for one input, or a folder that gets one <name>.review.docx per input.")
    Path output;

    @Option(names = {"-q", "--quiet"}, description = "No progress line on the terminal.")
    boolean quiet;

    @Option(names = "--isolate", description = "Run the engine, author rules included, in a child JVM with its own heap"
            + " (--isolate-heap) and a wall-clock limit per input (--isolate-timeout); a child past a limit is killed, that"
            + " input gets an error record and a fresh child goes on. The child has no network, cannot start processes or exit,"
            + " writes nothing outside its own temporary folder and reads no file but the inputs it is sent. For rules from"
            + " outside the team. Writes jsonl; --threads children scan in parallel.")
    boolean isolate;

    @Option(names = "--isolate-heap", description = "Heap of the child JVM with --isolate (default: ${DEFAULT-VALUE}).",
            defaultValue = "512m")
    String isolateHeap;

    @Option(names = "--isolate-timeout", description = "Seconds per input with --isolate, reading and rules together"
            + " (default: ${DEFAULT-VALUE}).", defaultValue = "60")
    int isolateTimeout;

    @Option(names = "--isolate-no-sandbox", description = "With --isolate, let the child JVM write files, connect and start"
            + " processes (for a JVM without the Security Manager, Java 24 and later; then run it in a container).")
    boolean isolateNoSandbox;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to scan.")
    List<Path> paths;

    /** With --pair --format html or review: the decisions shown (both versions' reviews, carried where they were). */
    private Review pageReview = Review.NONE;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RiskEngine.Builder builder = RiskEngine.builder().builtInRules(!noBuiltIn);
        if (lang != null) {
            builder.language(Language.fromCode(lang).orElseThrow(() -> new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--lang must be kk, ru or en, not '" + lang + "'")));
        }
        rules.forEach(builder::rules);
        double min = minConfidence();
        builder.minConfidence(min);
        if (!reviews.isEmpty() && isolate) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--review applies to a scan in this JVM, not to --isolate");
        }
        if (format == Format.review && isolate) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format review is written in this JVM, not with --isolate");
        }
        if (pair) {
            if (paths.size() != 2 || !paths.stream().allMatch(Files::isRegularFile)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--pair takes exactly two files (the two versions of one act)");
            }
            if (format == Format.sarif) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--pair writes --format text, json, jsonl, html, docx, review "
                        + "or conclusion, not sarif (scan each version alone for sarif)");
            }
            if (format == Format.conclusion) {
                if (output == null || Files.isDirectory(output)) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                            "--pair --format conclusion writes one Word file for both versions: give it --output OUT.docx");
                }
                return scanPairConclusion(builder.build(), out);
            }
            if (format == Format.docx) {
                if (output == null || Files.exists(output) && !Files.isDirectory(output)) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--pair --format docx writes one reviewed file per "
                            + "version: give it --output FOLDER");
                }
                return scanPairDocx(builder.build(), out);
            }
            if (output != null) {
                try (PrintWriter file = new PrintWriter(Files.newBufferedWriter(output), false)) {
                    return scanPair(builder.build(), file);
                }
            }
            return scanPair(builder.build(), out);
        }
        if (format == Format.docx && output == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format docx writes a file: give it --output OUT.docx");
        }
        if (format == Format.conclusion && (output == null || Files.isDirectory(output))) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--format conclusion writes one Word file for all inputs: give it --output OUT.docx");
        }
        if (isolate) {
            return scanIsolated(out, min);
        }
        RiskEngine engine = builder.build();

        List<ScanInputs.Entry> entries = ScanInputs.of(paths);
        if (output != null && format != Format.docx && format != Format.conclusion) {
            try (PrintWriter file = new PrintWriter(Files.newBufferedWriter(output), false)) {
                return scanAll(engine, entries, file);
            }
        }
        return scanAll(engine, entries, out);
    }

    /** {@code --isolate}: each input scanned by a child JVM, reports passed through as jsonl lines. */
    private int scanIsolated(PrintWriter console, double minConfidence) throws IOException {
        if (format != Format.jsonl || pair) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--isolate writes --format jsonl (and no --pair)");
        }
        IsolatedEngine.Builder builder = IsolatedEngine.builder().heap(isolateHeap)
                .timeoutPerInput(java.time.Duration.ofSeconds(isolateTimeout)).children(Math.max(1, threads))
                .sandbox(!isolateNoSandbox).builtInRules(!noBuiltIn).minConfidence(minConfidence);
        rules.forEach(builder::rules);
        if (lang != null) {
            builder.language(Language.fromCode(lang).orElseThrow());
        }
        List<ScanInputs.Entry> entries = ScanInputs.of(paths);
        IsolatedEngine started;
        try {
            started = builder.build();
        } catch (IllegalStateException e) {
            // rules that do not load in the child: their messages, as a scan in process prints them
            spec.commandLine().getErr().println(e.getMessage());
            return 3;
        }
        try (IsolatedEngine isolated = started;
                PrintWriter out = output == null ? console : new PrintWriter(Files.newBufferedWriter(output), false)) {
            Progress progress = Progress.start("scan", "files", entries.size(), quiet);
            int[] failed = {0};
            long[] findings = {0};
            try {
                inInputOrder(entries, isolated::scan, e -> IsolatedEngine.errorRecord(e.error()), r -> {
                    out.println(r.json());
                    findings[0] += r.failed() ? 0 : r.report().findings().size();
                    failed[0] += r.failed() ? 1 : 0;
                    progress.step();
                    out.flush();
                });
            } finally {
                progress.close();
            }
            progress.summary(String.format(java.util.Locale.ROOT, "%d input(s): %d scanned, %d failed, %d finding(s) (isolated)",
                    entries.size(), entries.size() - failed[0], failed[0], findings[0]));
            return failed[0] == 0 ? 0 : 1;
        }
    }

    /**
     * The {@code --review} files as one review, carried to later versions as {@code --earlier-version} says, for a
     * run that scans {@code files}; a file that cannot be read or holds a bad line, or an earlier version the review
     * decides nothing on, is a usage error naming it.
     */
    private ScanReviews reviews(RiskEngine engine, java.util.stream.Stream<Path> files, boolean guess) {
        java.util.Set<String> inputs = new java.util.TreeSet<>();
        files.forEach(f -> inputs.add(Review.act(f.toString())));
        Review all = ScanReviews.read(reviews, engine, spec.commandLine());
        java.util.Set<String> named = new java.util.TreeSet<>();
        for (Map.Entry<String, String> e : earlierVersions.entrySet()) {
            String earlier = Review.act(e.getKey());
            if (!all.acts().contains(earlier)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--earlier-version " + e.getKey() + "=" + e.getValue()
                        + ": the review decides nothing on " + earlier + (all.acts().isEmpty() ? "" : " (it decides on "
                        + String.join(", ", all.acts()) + ")"));
            }
            all = all.carried(earlier, Review.act(e.getValue()));
            named.add(earlier);
        }
        return new ScanReviews(all, named, inputs, guess, spec.commandLine().getErr());
    }

    private int scanAll(RiskEngine engine, List<ScanInputs.Entry> entries, PrintWriter out) throws IOException {
        boolean folderOut = format == Format.docx && (entries.size() > 1 || Files.isDirectory(output));
        Language forced = lang == null ? null : Language.fromCode(lang).orElseThrow();
        ScanReviews review = reviews(engine, entries.stream().map(ScanInputs.Entry::file).filter(java.util.Objects::nonNull),
                entries.size() == 1);
        ScanOutput sink = ScanOutput.of(format, out, engine.catalogue(), forced, output, folderOut, review, spec.commandLine().getErr());
        // html and review show the decisions on the findings as scanned; every other form shows the findings as reviewed
        boolean applied = format != Format.html && format != Format.review;
        int[] failed = {0};
        long[] findings = {0};
        Progress progress = Progress.start("scan", "files", entries.size(), quiet);
        try {
            inInputOrder(entries, file -> scanOne(engine, file), ScanInputs.Entry::error, done -> {
                if (done instanceof ScannedDocument scanned) {
                    ScannedDocument d = scanned;
                    if (!review.isEmpty()) {
                        Review.Applied a = review.apply(scanned, engine.catalogue());
                        d = applied ? a.document() : scanned;
                    }
                    findings[0] += d.report().findings().size();
                    failed[0] += sink.document(d);
                } else {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> record = (Map<String, Object>) done;
                    sink.error(record);
                    failed[0]++;
                }
                progress.step();
                out.flush();
            });
        } finally {
            progress.close();
            sink.end();
        }
        review.notScanned();
        String summary = String.format(java.util.Locale.ROOT, "%d input(s): %d scanned, %d failed, %d finding(s)", entries.size(),
                entries.size() - failed[0], failed[0], findings[0]);
        if (format == Format.text || format == Format.docx || format == Format.conclusion) {
            out.printf("%s in %s%n", summary, Progress.duration(progress.seconds()));
        } else {
            // the report is on stdout or in a file: the summary goes to stderr, beside the progress line
            progress.summary(summary);
        }
        out.flush();
        return failed[0] == 0 ? 0 : 1;
    }

    /** {@code --min-confidence}: a number from 0 to 1 (0 when not given); anything else is a usage error naming it. */
    private double minConfidence() {
        if (minConfidence == null) {
            return 0;
        }
        try {
            return org.adaldyq.risk.regulation.ConfidenceTable.parseMinimum(minConfidence);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--min-confidence " + e.getMessage());
        }
    }

    /** What is done with each result, in input order; may write. */
    @FunctionalInterface
    private interface ResultSink<T> {
        void accept(T result) throws IOException;
    }

    /**
     * Scans each entry's file on {@code --threads} workers and hands {@code done} each result, or the
     * result standing for an entry's error record, in input order: as soon as it and those before it are
     * done, with a bounded number in flight, so a crash or a kill late in a batch never loses the records
     * already done.
     */
    private <T> void inInputOrder(List<ScanInputs.Entry> entries, java.util.function.Function<Path, T> task,
            java.util.function.Function<ScanInputs.Entry, T> error, ResultSink<T> done) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        java.util.ArrayDeque<Future<T>> inFlight = new java.util.ArrayDeque<>();
        int window = Math.max(1, threads) * 4;
        try {
            for (int i = 0; i <= entries.size(); i++) {
                if (i < entries.size()) {
                    ScanInputs.Entry e = entries.get(i);
                    inFlight.add(e.file() == null ? CompletableFuture.completedFuture(error.apply(e)) : pool.submit(() -> task.apply(e.file())));
                }
                while (!inFlight.isEmpty() && (inFlight.size() > window || i == entries.size())) {
                    done.accept(inFlight.poll().get());
                }
            }
        } catch (ExecutionException | InterruptedException e) {
            throw new IllegalStateException("a scan crashed", e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The two versions of {@code --pair}, each read and scanned ({@link RiskEngine#scanVersion}), or null once
     * the error record of the first that cannot be read is printed (as text for text and docx, else as JSON).
     */
    private ScannedDocument[] scanVersions(RiskEngine engine, PrintWriter out) throws IOException {
        ScanReviews review = reviews(engine, paths.stream(), true);
        ScannedDocument[] versions = new ScannedDocument[2];
        for (int i = 0; i < 2; i++) {
            try {
                versions[i] = engine.scanVersion(paths.get(i));
            } catch (DocumentReadException e) {
                Map<String, Object> error = error(paths.get(i), e.reason().name(), e.getMessage());
                if (format == Format.text || format == Format.docx) {
                    printText(out, error);
                } else {
                    out.println(ReportJson.compact().writeValueAsString(error));
                }
                out.flush();
                return null;
            }
        }
        if (!review.isEmpty()) {
            // each version as the expert reviewed it (a review may hold decisions on both); the page shows the
            // decisions on the findings as scanned, so the review can go on there
            for (int i = 0; i < 2; i++) {
                ScannedDocument reviewed = review.apply(versions[i], engine.catalogue()).document();
                pageReview = pageReview.and(review.of(versions[i]));
                versions[i] = format == Format.html || format == Format.review ? versions[i] : reviewed;
            }
            review.notScanned();
        }
        return versions;
    }

    private int scanPair(RiskEngine engine, PrintWriter out) throws IOException {
        ScannedDocument[] versions = scanVersions(engine, out);
        if (versions == null) {
            return 1;
        }
        PairReport report = engine.pair(versions[0], versions[1]);
        switch (format) {
            case jsonl -> out.println(ReportJson.compact().writeValueAsString(report));
            case json -> out.println(ReportJson.pretty().writeValueAsString(report));
            case html -> HtmlPairReport.write(report, versions, pageReview, engine.catalogue(), out);
            case review -> {
                // the worksheet of both versions in one file, as the pair page saves it
                pageReview.write(versions[0], out);
                pageReview.write(versions[1], out);
            }
            case text -> {
                String a = report.first().language().code();
                String b = report.second().language().code();
                out.printf("%s (%s, %d provisions) + %s (%s, %d provisions): %d aligned by number%n", report.first().source(), a,
                        report.firstProvisions(), report.second().source(), b, report.secondProvisions(), report.aligned());
                out.printf("  %d finding(s): %d in both versions, %d only in %s, %d only in %s%n", report.findings().size(),
                        report.inBoth(), report.firstOnly(), a, report.secondOnly(), b);
                if (report.minConfidence() > 0) {
                    out.printf(java.util.Locale.ROOT, "  (confidence %.2f or more in either version; a factor both versions found is kept in both)%n",
                            report.minConfidence());
                }
                for (PairReport.PairedFinding f : report.findings()) {
                    Finding any = f.first() != null ? f.first() : f.second();
                    String where = f.inBoth() ? a + "+" + b : "ONLY " + f.onlyIn(report);
                    out.printf("  - %s [%s] %s (%s%s)%n", f.provision(), f.code(), any.title(), where,
                            ScanOutput.confidenceSuffix(f.confidence()));
                    if (f.first() != null) {
                        out.printf("      %s «%s»%n", a, ((ProvisionLocation) f.first().location()).quote());
                    }
                    if (f.second() != null) {
                        out.printf("      %s «%s»%n", b, ((ProvisionLocation) f.second().location()).quote());
                    }
                }
            }
        }
        out.flush();
        return 0;
    }

    /**
     * {@code --pair --format docx}: each version back as {@code <name>.review.docx} in the {@code --output} folder,
     * its comments saying which findings the other version shares and which it has alone.
     */
    private int scanPairDocx(RiskEngine engine, PrintWriter out) throws IOException {
        ScannedDocument[] versions = scanVersions(engine, out);
        if (versions == null) {
            return 1;
        }
        PairReport pair = engine.pair(versions[0], versions[1]);
        Files.createDirectories(output);
        for (int i = 0; i < 2; i++) {
            Path source = paths.get(i);
            Path file = output.resolve(DocxReview.reviewName(source.getFileName().toString()));
            try (var docx = Files.newOutputStream(file)) {
                ScanOutput.Docx.written(out, source, file,
                        DocxPairReview.review(pair, versions[i], i == 0, engine.catalogue(), () -> Files.newInputStream(source), docx));
            }
        }
        out.println(counts(pair));
        out.flush();
        return 0;
    }

    /** «31 finding(s): 30 in both versions, 0 only in kk, 1 only in ru». */
    private static String counts(PairReport pair) {
        return String.format(java.util.Locale.ROOT, "%d finding(s): %d in both versions, %d only in %s, %d only in %s",
                pair.findings().size(), pair.inBoth(), pair.firstOnly(), pair.first().language().code(), pair.secondOnly(),
                pair.second().language().code());
    }

    /**
     * {@code --pair --format conclusion}: one conclusion for both versions, a row per factor and provision with
     * each version's wording and whether both versions have it.
     */
    private int scanPairConclusion(RiskEngine engine, PrintWriter out) throws IOException {
        ScannedDocument[] versions = scanVersions(engine, out);
        if (versions == null) {
            return 1;
        }
        PairReport pair = engine.pair(versions[0], versions[1]);
        org.adaldyq.risk.report.writer.DocxConclusion conclusion =
                new org.adaldyq.risk.report.writer.DocxConclusion(engine.catalogue(), null);
        conclusion.addPair(pair, versions[0], versions[1]);
        ScanOutput.Conclusion.write(conclusion, output);
        out.println("conclusion -> " + output + ": " + counts(pair));
        out.flush();
        return 0;
    }

    /** One input's scanned document, or its error record: never throws for what the input or the rules do. */
    static Object scanOne(RiskEngine engine, Path in) {
        try {
            return engine.scanDocument(in);
        } catch (DocumentReadException e) {
            LOG.debug("cannot read {}", in, e);
            return error(in, e.reason().name(), e.getMessage());
        } catch (org.adaldyq.risk.rules.RuleLimitException e) {
            // a rule that loops or never returns: this input fails, the batch goes on
            LOG.warn("rules stopped on {}: {}", in, e.getMessage());
            return error(in, "RULE_LIMIT", e.getMessage());
        } catch (org.kie.api.runtime.rule.ConsequenceException e) {
            // a rule's consequence threw (an author rule's bug): this input fails naming the rule, the batch goes on
            LOG.warn("rules failed on {}: {}", in, e.getMessage());
            LOG.debug("rules failed on {}", in, e);
            return error(in, "RULE_ERROR", e.getMessage());
        } catch (RuntimeException | StackOverflowError | LinkageError e) {
            // A bug or a rule problem on one input must not stop the batch: record it and go on (one line;
            // the stack trace with --verbose).
            LOG.warn("scan of {} failed: {}", in, e.toString());
            LOG.debug("scan of {} failed", in, e);
            return error(in, "INTERNAL", e.toString());
        } catch (OutOfMemoryError e) {
            // the failed scan's memory is garbage now: the batch goes on with the next input
            return error(in, "TOO_LARGE", "the document needs more memory than the JVM has (" + e.getMessage() + ")");
        }
    }

    private static Map<String, Object> error(Path p, String reason, String message) {
        return ScanInputs.error(p, reason, message).error();
    }

    private static void printText(PrintWriter out, Map<String, Object> error) {
        new ScanOutput.Text(out).error(error);
    }

}
