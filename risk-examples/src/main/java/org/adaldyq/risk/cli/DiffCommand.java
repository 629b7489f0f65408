package org.adaldyq.risk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.compare.DraftComparison;
import org.adaldyq.risk.compare.DraftDiff;
import org.adaldyq.risk.compare.DraftDiffJson;
import org.adaldyq.risk.compare.FindingChange;
import org.adaldyq.risk.compare.ProvisionChange;
import org.adaldyq.risk.compare.ProvisionText;
import org.adaldyq.risk.compare.WordDiff;
import org.adaldyq.risk.extract.DocumentReadException;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.finding.ProvisionLocation;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.report.ScannedDocument;
import org.adaldyq.risk.report.writer.HtmlDiffReport;
import org.adaldyq.risk.review.Review;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code diff}: two versions of one draft, scanned and compared: provisions added, removed, changed and
 * unchanged, each with its findings new, gone and kept, and the scores before and after. A version that
 * cannot be read is one {@code error:} line, exit 2.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare two versions of one draft (any format scan reads): provisions added, removed, changed (renumbered, "
                + "split, merged) and unchanged, the findings each revision added, removed and kept, and the scores before and after.")
final class DiffCommand implements Callable<Integer> {

    enum Format { text, json, html }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OLD", description = "The old version.")
    Path before;

    @Parameters(index = "1", paramLabel = "NEW", description = "The new version.")
    Path after;

    @Option(names = "--format", description = "text (for people), json, or html (self-contained page). Default: ${DEFAULT-VALUE}.",
            defaultValue = "text")
    Format format;

    @Option(names = "--lang", description = "Language of both versions: kk, ru or en (default: detected).")
    String lang;

    @Option(names = "--rules", description = "Author rule folder applied on top of the built-in pack (repeatable).")
    List<Path> rules = List.of();

    @Option(names = {"-o", "--output"}, description = "Write the comparison here instead of the console.")
    Path output;

    @Option(names = "--review", paramLabel = "FILE", description = "The expert's review of OLD (JSON lines, as scan --format review "
            + "and the annotated page write them; repeatable): OLD compared as reviewed (findings struck out left out, factors added in), "
            + "its decisions carried to NEW where a provision's words stand unchanged; those whose provision changed are named on "
            + "standard error, to be read again.")
    List<Path> reviews = List.of();

    @Override
    public Integer call() throws Exception {
        RiskEngine.Builder builder = RiskEngine.builder();
        if (lang != null) {
            builder.language(Language.fromCode(lang)
                    .orElseThrow(() -> new IllegalArgumentException("--lang must be kk, ru or en: " + lang)));
        }
        rules.forEach(builder::rules);
        RiskEngine engine = builder.build();
        Review review = ScanReviews.read(reviews, engine, spec.commandLine());
        PrintWriter err = spec.commandLine().getErr();
        ScannedDocument old;
        ScannedDocument now;
        try {
            old = engine.scanDocument(before);
            now = engine.scanDocument(after);
        } catch (DocumentReadException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return 2;
        }
        Review.Revision r = null;
        if (!review.acts().isEmpty()) {
            r = review.revision(old, now, engine.catalogue());
            if (r.before().applied() == 0) {
                err.println("error: the review decides nothing on " + Review.act(old.report().source()) + " (it decides on "
                        + String.join(", ", review.acts()) + ")");
                err.flush();
                return 2;
            }
            said(r, err);
            old = r.before().document();
            now = r.after().document();
        }
        DraftDiff diff = DraftComparison.compare(old, now);
        if (output != null) {
            try (PrintWriter file = new PrintWriter(Files.newBufferedWriter(output), false)) {
                write(diff, r, engine, file);
            }
        } else {
            write(diff, r, engine, spec.commandLine().getOut());
        }
        return 0;
    }

    /** What the review did to each version, on standard error: the decisions not carried name the provisions to read again. */
    private static void said(Review.Revision r, PrintWriter err) {
        String old = r.before().document().report().source();
        String now = r.after().document().report().source();
        if (!Review.act(old).equals(r.reviewedAs())) {
            err.printf("review: the decisions on %s taken as made on %s%n", r.reviewedAs(), old);
        }
        err.printf("review: %d decision(s) applied to %s, %d carried to %s%n", r.before().applied(), old, r.after().applied(), now);
        if (!r.after().stale().isEmpty()) {
            err.printf("review: %d decision(s) not carried to %s, their provision changed: read again %s%n", r.after().stale().size(), now,
                    String.join("; ", r.after().stale().stream().map(Review.Decision::provision).toList()));
        }
        err.flush();
    }

    /** The comparison in {@code --format}; {@code review}: the expert's review on both versions, or null. */
    private void write(DraftDiff diff, Review.Revision review, RiskEngine engine, PrintWriter out) throws Exception {
        switch (format) {
            case text -> text(diff, out);
            case json -> out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(DraftDiffJson.of(diff, review)));
            case html -> HtmlDiffReport.write(diff, review, engine.catalogue(), out);
        }
        out.flush();
    }

    static void text(DraftDiff d, PrintWriter out) {
        out.printf(Locale.ROOT, "%s -> %s (%s)%n", d.before(), d.after(), d.language().code());
        out.printf(Locale.ROOT, "  score %.2f -> %.2f, provisions %d -> %d%n", d.scoreBefore(), d.scoreAfter(), d.provisionsBefore(),
                d.provisionsAfter());
        Map<ProvisionChange.Kind, Integer> n = d.counts();
        Map<FindingChange.Status, Integer> f = d.findingCounts();
        long renumbered = d.changes(ProvisionChange.Kind.UNCHANGED).stream().filter(ProvisionChange::renumbered).count();
        out.printf(Locale.ROOT, "  provisions: %d added, %d removed, %d changed, %d unchanged (%d of them renumbered)%n",
                n.get(ProvisionChange.Kind.ADDED), n.get(ProvisionChange.Kind.REMOVED), n.get(ProvisionChange.Kind.CHANGED),
                n.get(ProvisionChange.Kind.UNCHANGED), renumbered);
        out.printf(Locale.ROOT, "  findings: %d added, %d removed, %d kept%n", f.get(FindingChange.Status.ADDED),
                f.get(FindingChange.Status.REMOVED), f.get(FindingChange.Status.KEPT));
        for (ProvisionChange c : d.changes()) {
            if (c.kind() == ProvisionChange.Kind.UNCHANGED) {
                continue;
            }
            String was = citations(c.before());
            String is = citations(c.after());
            out.printf(Locale.ROOT, "%n%s %s%s%n", c.kind(), c.after().isEmpty() ? was : c.before().isEmpty() || was.equals(is) ? is : was + " -> " + is,
                    c.kind() != ProvisionChange.Kind.CHANGED ? ""
                            : String.format(Locale.ROOT, " (%s%.2f similar)",
                                    c.alignment() == ProvisionChange.Alignment.SPLIT || c.alignment() == ProvisionChange.Alignment.MERGED
                                            ? c.alignment().toString().toLowerCase(Locale.ROOT) + ", " : "", c.similarity()));
            if (c.kind() == ProvisionChange.Kind.CHANGED) {
                StringBuilder marked = new StringBuilder();
                for (WordDiff.Piece p : WordDiff.of(joined(c.before()), joined(c.after()))) {
                    switch (p.op()) {
                        case SAME -> marked.append(p.text());
                        case DELETED -> marked.append("[-").append(p.text()).append("-]");
                        case INSERTED -> marked.append("{+").append(p.text()).append("+}");
                    }
                }
                out.println("  " + marked.toString().replaceAll("\\s+", " ").strip());
            }
            for (FindingChange fc : c.findings()) {
                Finding any = fc.after() != null ? fc.after() : fc.before();
                out.printf(Locale.ROOT, "  %-7s %s «%s» (%s %.2f%s)%n", fc.status().toString().toLowerCase(Locale.ROOT), fc.code(),
                        ((ProvisionLocation) any.location()).quote(), any.severity(), any.score(), ScanOutput.decisionSuffix(any));
            }
        }
        out.flush();
    }

    private static String joined(List<ProvisionText> side) {
        return side.stream().map(ProvisionText::text).collect(Collectors.joining("\n"));
    }

    private static String citations(List<ProvisionText> side) {
        return side.stream().map(ProvisionText::citation).collect(Collectors.joining(" + "));
    }
}
