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
import org.adaldyq.risk.report.writer.HtmlDiffReport;
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

    @Override
    public Integer call() throws Exception {
        RiskEngine.Builder builder = RiskEngine.builder();
        if (lang != null) {
            builder.language(Language.fromCode(lang)
                    .orElseThrow(() -> new IllegalArgumentException("--lang must be kk, ru or en: " + lang)));
        }
        rules.forEach(builder::rules);
        RiskEngine engine = builder.build();
        DraftDiff diff;
        try {
            diff = DraftComparison.compare(engine, before, after);
        } catch (DocumentReadException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("error: " + e.getMessage());
            err.flush();
            return 2;
        }
        if (output != null) {
            try (PrintWriter file = new PrintWriter(Files.newBufferedWriter(output), false)) {
                write(diff, engine, file);
            }
        } else {
            write(diff, engine, spec.commandLine().getOut());
        }
        return 0;
    }

    private void write(DraftDiff diff, RiskEngine engine, PrintWriter out) throws Exception {
        switch (format) {
            case text -> text(diff, out);
            case json -> out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(DraftDiffJson.of(diff)));
            case html -> HtmlDiffReport.write(diff, engine.catalogue(), out);
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
                out.printf(Locale.ROOT, "  %-7s %s «%s» (%s %.2f)%n", fc.status().toString().toLowerCase(Locale.ROOT), fc.code(),
                        ((ProvisionLocation) any.location()).quote(), any.severity(), any.score());
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
