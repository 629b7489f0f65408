package org.adaldyq.risk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.index.IndexSummary;
import org.adaldyq.risk.index.ProvisionIndex;
import org.adaldyq.risk.review.Review;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code index}: add acts to the on-disk provision index (or remove them), then print one summary line.
 * Files that cannot be read are one {@code error:} line each on stderr, the others are indexed, and the
 * exit code is 2.
 */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Index acts (files or folders) for search: one Lucene document per provision. "
                + "Unchanged files are skipped, changed ones replaced; with --review, each file as the expert's review left it.")
final class IndexCommand implements Callable<Integer> {

    /** Where {@code index} and {@code search} keep the index without {@code --dir}: in the working directory. */
    static final String DEFAULT_DIR = ".adaldyq-index";

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", description = "Index folder (default: ${DEFAULT-VALUE} in the working directory).", defaultValue = DEFAULT_DIR)
    Path dir;

    @Option(names = "--delete", paramLabel = "ACT", description = "Remove this act (its id or its file's path) from the index (repeatable).")
    List<String> delete = List.of();

    @Option(names = "--review", paramLabel = "R", description = "The expert's review (JSON lines, as `scan --review` reads them; repeatable): "
            + "each file indexed as the review left it, struck findings out, confirmed and added ones marked for `search --confirmed`.")
    List<Path> reviews = List.of();

    @Option(names = "--list", description = "List the acts of the index, the riskiest first (id, language, provisions, findings, "
            + "score, whether an expert's review is indexed with it, title); the index is read, not changed.")
    boolean list;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}): the summary of the call "
            + "(with, of each act indexed again, the factors gone and new) or the --list.")
    String format;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Files or folders to index.")
    List<Path> paths = List.of();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!List.of("text", "json").contains(format)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format must be text or json, not '" + format + "'");
        }
        if (list) {
            if (!paths.isEmpty() || !delete.isEmpty() || !reviews.isEmpty()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--list reads the index: give it no PATH, --delete or --review");
            }
            list(out);
            return 0;
        }
        if (paths.isEmpty() && delete.isEmpty()) {
            throw new IllegalArgumentException("nothing to do: give PATHs to index, --delete ACT or --list");
        }
        List<ScanInputs.Entry> entries = ScanInputs.of(paths);
        List<Path> files = new ArrayList<>();
        int exit = 0;
        for (ScanInputs.Entry e : entries) {
            if (e.file() != null) {
                files.add(e.file());
            } else {
                err.println("error: " + e.error().get("source") + ": " + e.error().get("error"));
                exit = 2;
            }
        }
        long t0 = System.nanoTime();
        RiskEngine engine = files.isEmpty() ? null : RiskEngine.builder().build();
        if (engine == null && !reviews.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--review needs files to index");
        }
        Review review = reviews.isEmpty() ? Review.NONE : ScanReviews.read(reviews, engine, spec.commandLine());
        Set<String> names = files.stream().map(f -> Review.act(f.toString())).collect(Collectors.toSet());
        for (String act : review.acts()) {
            if (!names.contains(act)) {
                err.println("review: decisions on " + act + ", which this call does not index: left unused");
            }
        }
        try (ProvisionIndex index = engine == null ? ProvisionIndex.open(dir) : ProvisionIndex.open(dir, engine)) {
            int deleted = 0;
            for (String act : delete) {
                if (index.delete(act)) {
                    deleted++;
                } else {
                    err.println("error: no act " + act + " in " + dir);
                    exit = 2;
                }
            }
            IndexSummary added = index.add(review, files.toArray(Path[]::new));
            for (String provision : added.stale()) {
                err.println("review: not applied, the provision is no longer as reviewed (read it again): " + provision);
            }
            for (IndexSummary.Problem p : added.problems()) {
                err.println("error: " + p.path() + ": " + p.reason());
                exit = 2;
            }
            IndexSummary summary = new IndexSummary(added.added(), added.unchanged(), added.replaced(), deleted,
                    added.provisions(), Duration.ofNanos(System.nanoTime() - t0), added.problems(), added.decisions(), added.stale(),
                    added.changes());
            if (format.equals("json")) {
                out.println(org.adaldyq.risk.index.SearchJson.summary(summary).toPrettyString());
            } else {
                out.println(summary.line());
                changes(out, summary.changes());
            }
        }
        out.flush();
        err.flush();
        return exit;
    }

    /**
     * The index in {@code dir} opened to read it (not locked: {@code index} may write it meanwhile), as {@code search},
     * {@code similar} and {@code index --list} read it; a folder with no index is the user's mistake, said with what to run.
     */
    static ProvisionIndex openToRead(Path dir) throws java.io.IOException {
        if (!ProvisionIndex.exists(dir)) {
            throw new IllegalArgumentException("no index in " + dir + ": run `index --dir " + dir + " PATH...` first");
        }
        return ProvisionIndex.openForSearch(dir);
    }

    /** Of each act indexed again, the factors its provisions no longer carry and those they carry now. */
    private static void changes(PrintWriter out, List<org.adaldyq.risk.index.ActChange> changes) {
        for (org.adaldyq.risk.index.ActChange c : changes) {
            out.printf("changed %s: findings %d -> %d%n", c.act(), c.findingsBefore(), c.findingsAfter());
            c.gone().forEach(f -> out.printf("  gone: %s  %s%n", f.citation(), f.factor()));
            c.added().forEach(f -> out.printf("  new:  %s  %s%n", f.citation(), f.factor()));
        }
    }

    /** The acts of the index, the riskiest first (then by id), as a table or as JSON ({@code SearchJson.acts}). */
    private void list(PrintWriter out) throws java.io.IOException {
        List<org.adaldyq.risk.index.IndexedAct> acts;
        try (ProvisionIndex index = openToRead(dir)) {
            acts = new ArrayList<>(index.acts());
        }
        acts.sort(org.adaldyq.risk.index.IndexedAct.RISKIEST_FIRST);
        if (format.equals("json")) {
            out.println(org.adaldyq.risk.index.SearchJson.acts(acts).toPrettyString());
            out.flush();
            return;
        }
        int width = Math.max(3, acts.stream().mapToInt(a -> a.id().length()).max().orElse(3));
        String row = "%-" + width + "s  %-4s  %10s  %8s  %5s  %-8s  %s%n";
        out.printf(java.util.Locale.ROOT, row, "ACT", "LANG", "PROVISIONS", "FINDINGS", "SCORE", "REVIEWED", "TITLE");
        for (org.adaldyq.risk.index.IndexedAct a : acts) {
            out.printf(java.util.Locale.ROOT, row, a.id(), a.language().code(), a.provisions(), a.findings(),
                    String.format(java.util.Locale.ROOT, "%.2f", a.score()), a.reviewed() ? "yes" : "no", a.title());
        }
        out.printf(java.util.Locale.ROOT, "%d act(s), %d reviewed, in %s%n", acts.size(), acts.stream().filter(org.adaldyq.risk.index.IndexedAct::reviewed).count(), dir);
        out.flush();
    }
}
