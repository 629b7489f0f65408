package org.adaldyq.risk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.adaldyq.risk.eval.RegulationEvaluation;
import org.adaldyq.risk.eval.RegulationEvaluation.Case;
import org.adaldyq.risk.eval.RegulationEvaluation.Counts;
import org.adaldyq.risk.eval.RegulationEvaluation.Interval;
import org.adaldyq.risk.eval.RegulationEvaluation.Mode;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.regulation.ConfidenceTable;
import org.adaldyq.risk.regulation.RegulationRules;
import org.adaldyq.risk.regulation.RegulationScanner;
import org.adaldyq.risk.rules.PackOptions;
import org.adaldyq.risk.rules.RuleLimits;
import org.adaldyq.risk.structure.DocumentReader;
import org.adaldyq.risk.train.LabelledProvision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evaluate}: precision, recall and F1 of the regulation scanner on labelled provisions. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Score the regulation scanner on labelled provisions (*.jsonl): precision / recall / F1 per language and factor.",
                "The rules alone, the trained models alone and both together, with bootstrap 95%% intervals."})
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", description = "Labelled *.jsonl file or folder (repeatable; default: ${DEFAULT-VALUE}).",
            defaultValue = "data/annotated")
    List<Path> data;

    /** The splits of the corpus and of the sets beside it (data/corpus/README.md), as the help text names them. */
    static final String SPLITS = "train, dev, dev2, calib, test, fresh";

    @Option(names = "--split", defaultValue = "all", split = ",",
            description = "Only provisions of this split, or these (comma-separated): " + SPLITS
                    + " or all (default: ${DEFAULT-VALUE}; provisions without a split count as train).")
    List<String> splits;

    @Option(names = "--write-confidence", paramLabel = "FILE", description = "Write the confidence table (confidence.csv: per language and "
            + "factor, the shipped engine's findings right and wrong, smoothed towards the language's precision) measured on these "
            + "provisions. Never from the test split.")
    Path writeConfidence;

    @Option(names = "--pair-data", paramLabel = "FILE_OR_FOLDER", description = "With --write-confidence: labelled provisions "
            + "whose kk/ru twins (the same --split) measure the table's pair row: how often a finding both official versions "
            + "have was right, the confidence scan --pair gives it (repeatable; default: the --data provisions).")
    List<Path> pairData = List.of();

    /** The weight, in findings, of the language's precision in a factor's smoothed confidence. */
    static final double CONFIDENCE_SMOOTHING = 5;
    /** The fixed confidence cut-offs whose precision and recall are printed (not tuned). */
    static final double[] CUT_OFFS = {0.5, 0.6, 0.7, 0.8};

    @Option(names = "--rules", description = "Author rule folder (repeatable).")
    List<Path> rules = List.of();

    @Option(names = "--no-builtin", description = "Do not load the built-in regulation pack.")
    boolean noBuiltIn;

    @Option(names = "--bootstrap", defaultValue = "1000", description = "Bootstrap resamples for the intervals (default: ${DEFAULT-VALUE}; 0: none).")
    int resamples;

    @Option(names = "--by-rule", description = "Also list each trigger rule's right and wrong findings (rules alone), "
            + "and those no other rule made: what switching the rule off would lose and save.")
    boolean byRule;

    @Option(names = {"-v", "--verbose"}, description = "List every provision where the shipped engine and the labels disagree (and print third-party warnings, as on every command).")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        boolean all = splits.contains("all");
        for (String split : splits) {
            if (!split.equals("all") && !List.of(SPLITS.split(", ")).contains(split) || all && splits.size() > 1) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--split must be " + SPLITS
                        + " (one or more, comma-separated) or all, not '" + split + "'");
            }
        }
        String split = String.join(",", splits);
        List<LabelledProvision> labelled;
        List<LabelledProvision> pairLabelled;
        try {
            labelled = inSplits(LabelledProvision.read(data), all);
            pairLabelled = pairData.isEmpty() ? null : inSplits(LabelledProvision.read(pairData), all);
        } catch (java.io.IOException e) {
            return dataError(spec, e.getMessage());
        }
        if (writeConfidence != null && hasTest(labelled)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--write-confidence: the test split is frozen and never"
                    + " used for anything shipped; choose other splits with --split (e.g. fresh,dev)");
        }
        if (writeConfidence != null && pairLabelled != null && hasTest(pairLabelled)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--pair-data: the test split is frozen;"
                    + " choose other splits with --split");
        }
        RegulationScanner scanner = RegulationRules.load(new PackOptions(getClass().getClassLoader(), !noBuiltIn, rules,
                RuleLimits.DEFAULT, false)).orThrow();
        List<Case> cases = RegulationEvaluation.run(scanner, DocumentReader.create(), labelled);
        if (verbose) {
            for (Case c : cases) {
                if (!c.missed(Mode.HYBRID).isEmpty() || !c.extra(Mode.HYBRID).isEmpty()) {
                    String text = c.labelled().text().replace('\n', ' ');
                    out.printf("%s missed=%s extra=%s%n   %s%n", c.labelled().id(), c.missed(Mode.HYBRID), c.extra(Mode.HYBRID),
                            text.substring(0, Math.min(220, text.length())));
                }
            }
            out.println();
        }
        out.printf("%d provisions, split %s; micro over provision-level factors%s%n%n", cases.size(), split,
                resamples > 0 ? "; [95% bootstrap interval, " + resamples + " resamples]" : "");
        out.printf("%-4s %-6s %5s  %-23s %-23s %s%n", "lang", "mode", "n", "precision", "recall", "F1");
        for (Language lang : Language.values()) {
            List<Case> inLang = RegulationEvaluation.where(cases, c -> c.language() == lang);
            if (inLang.isEmpty()) {
                continue;
            }
            for (Mode mode : Mode.values()) {
                line(out, lang.code(), mode.name().toLowerCase(java.util.Locale.ROOT), inLang, mode, null);
            }
            out.println();
        }
        out.printf("Per factor, shipped engine (rules + signal):%n%-4s %-24s %4s %4s %4s  %-23s %-23s%n",
                "lang", "factor", "TP", "FP", "FN", "precision", "recall");
        for (Language lang : Language.values()) {
            List<Case> inLang = RegulationEvaluation.where(cases, c -> c.language() == lang);
            Set<String> factors = new TreeSet<>();
            inLang.forEach(c -> {
                factors.addAll(c.expected());
                factors.addAll(c.found(Mode.HYBRID));
            });
            for (String f : factors) {
                Counts c = RegulationEvaluation.counts(inLang, Mode.HYBRID, f);
                Interval[] ci = resamples > 0 ? RegulationEvaluation.bootstrap(inLang, Mode.HYBRID, f, resamples, 7) : null;
                out.printf("%-4s %-24s %4d %4d %4d  %-23s %-23s%n", lang.code(), f, c.tp(), c.fp(), c.fn(),
                        value(c.precision(), ci == null ? null : ci[0]), value(c.recall(), ci == null ? null : ci[1]));
            }
        }
        if (byRule) {
            out.printf("%nPer rule, rules alone (provisions; only = no other rule found the factor):%n%-4s %-52s %5s %5s %9s  %10s %10s%n",
                    "lang", "rule", "right", "wrong", "precision", "only right", "only wrong");
            for (RegulationEvaluation.RuleCounts r : RegulationEvaluation.byRule(cases)) {
                String rule = r.rule().startsWith(r.factor() + ".") ? r.rule() : r.rule() + " (" + r.factor() + ")";
                out.printf(java.util.Locale.ROOT, "%-4s %-52s %5d %5d %9.3f  %10d %10d%n", r.language().code(), rule,
                        r.right(), r.wrong(), r.precision(), r.onlyRight(), r.onlyWrong());
            }
        }
        out.printf("%nKept at confidence >= cut-off, shipped engine (micro; a finding with no confidence is kept):%n%-4s %-7s %5s  %-9s %s%n",
                "lang", "cut-off", "kept", "precision", "recall");
        for (Language lang : Language.values()) {
            List<Case> inLang = RegulationEvaluation.where(cases, c -> c.language() == lang);
            if (inLang.isEmpty()) {
                continue;
            }
            double[] cutOffs = new double[CUT_OFFS.length + 1];
            System.arraycopy(CUT_OFFS, 0, cutOffs, 1, CUT_OFFS.length);
            for (double cut : cutOffs) {
                Counts c = RegulationEvaluation.countsAt(inLang, cut);
                int kept = c.tp() + c.fp();
                out.printf(java.util.Locale.ROOT, "%-4s %-7s %5d  %-9s %.3f%n", lang.code(), cut == 0 ? "all" : String.format(java.util.Locale.ROOT, "%.1f", cut),
                        kept, kept == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.3f", c.precision()), c.recall());
            }
        }
        int[] pairs = RegulationEvaluation.pairAgreement(cases, Mode.HYBRID);
        if (pairs[0] > 0) {
            int[] rulesPairs = RegulationEvaluation.pairAgreement(cases, Mode.RULES);
            out.printf("%nkk/ru twins: %d pairs; same factor set: shipped %d (%.1f%%), rules alone %d (%.1f%%), labels %d (%.1f%%)%n",
                    pairs[0], pairs[1], 100.0 * pairs[1] / pairs[0], rulesPairs[1], 100.0 * rulesPairs[1] / pairs[0],
                    pairs[2], 100.0 * pairs[2] / pairs[0]);
            List<Case> alone = RegulationEvaluation.twinned(cases);
            List<Case> union = RegulationEvaluation.withTwins(cases, true);
            List<Case> agreed = RegulationEvaluation.withTwins(cases, false);
            List<Case> thisOnly = RegulationEvaluation.withTwins(cases, RegulationEvaluation.Twinned.THIS_ONLY);
            out.printf("Both official versions scanned together (scan --pair), shipped engine: each version's labels against"
                    + " its own findings (alone), all findings of the pair (union), the findings both versions carry (both):%n");
            for (Language lang : List.of(Language.KK, Language.RU)) {
                line(out, lang.code(), "alone", RegulationEvaluation.where(alone, c -> c.language() == lang), Mode.HYBRID, null);
                line(out, lang.code(), "union", RegulationEvaluation.where(union, c -> c.language() == lang), Mode.HYBRID, null);
                line(out, lang.code(), "both", RegulationEvaluation.where(agreed, c -> c.language() == lang), Mode.HYBRID, null);
            }
            out.printf("How often a pair's findings were right, by whether the other version has them too"
                    + " (scan --pair marks those it has not):%n");
            for (Language lang : List.of(Language.KK, Language.RU)) {
                Counts both = RegulationEvaluation.counts(RegulationEvaluation.where(agreed, c -> c.language() == lang), Mode.HYBRID, null);
                Counts only = RegulationEvaluation.counts(RegulationEvaluation.where(thisOnly, c -> c.language() == lang), Mode.HYBRID, null);
                out.printf(java.util.Locale.ROOT, "%-4s in both versions: %d of %d right (%s); in this version only: %d of %d right (%s)%n",
                        lang.code(), both.tp(), both.tp() + both.fp(), share(both), only.tp(), only.tp() + only.fp(), share(only));
            }
        }
        if (writeConfidence != null) {
            List<Case> twins = pairLabelled == null ? cases : RegulationEvaluation.run(scanner, DocumentReader.create(), pairLabelled);
            ConfidenceTable table = ConfidenceTable.of(RegulationEvaluation.confidenceRows(cases, scanner.catalogue().codes(),
                    CONFIDENCE_SMOOTHING), RegulationEvaluation.pairConfidenceRows(twins, CONFIDENCE_SMOOTHING));
            java.nio.file.Files.writeString(writeConfidence, table.format(confidenceComments(cases, table,
                    RegulationEvaluation.twinned(twins).size())), java.nio.charset.StandardCharsets.UTF_8);
            out.printf("%nConfidence table of %d rows written to %s%n", table.rows().size(), writeConfidence);
        }
        out.flush();
        return 0;
    }

    /** The share of findings right, or "-" when there were none. */
    private static String share(Counts c) {
        return c.tp() + c.fp() == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.3f", c.precision());
    }

    /** The provisions of the chosen --split (all of them for {@code all}). */
    private List<LabelledProvision> inSplits(List<LabelledProvision> read, boolean all) {
        return all ? read : read.stream().filter(p -> splits.contains(p.split())).toList();
    }

    private static boolean hasTest(List<LabelledProvision> labelled) {
        return labelled.stream().anyMatch(p -> p.split().equals("test"));
    }

    /**
     * The comment lines of a written confidence table: what it is, on what it was counted ({@code twinned}: the
     * provisions with their twin the pair rows were counted on), how to make it again.
     */
    private List<String> confidenceComments(List<Case> cases, ConfidenceTable table, int twinned) {
        List<String> sets = new java.util.ArrayList<>();
        List<String> priors = new java.util.ArrayList<>();
        for (Language lang : Language.values()) {
            List<Case> inLang = RegulationEvaluation.where(cases, c -> c.language() == lang);
            if (!inLang.isEmpty()) {
                String set = table.rows().stream().filter(r -> r.language() == lang).findFirst().map(ConfidenceTable.Row::set).orElse("");
                sets.add(String.format(java.util.Locale.ROOT, "%s %s (%d provisions)", lang.code(), set, inLang.size()));
                priors.add(String.format(java.util.Locale.ROOT, "%s %.3f", lang.code(), RegulationEvaluation.counts(inLang, Mode.HYBRID, null).precision()));
            }
        }
        StringBuilder command = new StringBuilder("java -jar risk-examples/target/risk-cli.jar evaluate");
        data.forEach(d -> command.append(" --data ").append(d.toString().replace('\\', '/')));
        command.append(" --split ").append(String.join(",", splits));
        rules.forEach(r -> command.append(" --rules ").append(r.toString().replace('\\', '/')));
        if (noBuiltIn) {
            command.append(" --no-builtin");
        }
        pairData.forEach(d -> command.append(" --pair-data ").append(d.toString().replace('\\', '/')));
        command.append(" --bootstrap 0 --write-confidence ").append(writeConfidence.toString().replace('\\', '/'));
        List<String> pairLines = table.pairRows().isEmpty() ? List.of() : List.of(
                "Pair rows (" + String.join(", ", table.pairRows().stream().map(ConfidenceTable.PairRow::languages).toList())
                        + ", factor *): how often a finding both official versions of a provision have was right, each version's",
                "finding against its own labels, over every factor (too few per factor); scan --pair gives such findings this",
                String.format(java.util.Locale.ROOT, "confidence. Counted on %d provisions with their twin (%s); p = the precision of all their findings.",
                        twinned, table.pairRows().get(0).set()));
        List<String> lines = new java.util.ArrayList<>(List.of(
                "How often the shipped engine's findings (rules + signal, as scan reports them) of each factor were right,",
                "per language: right / wrong = findings the labels have / have not got, per labelled provision, matched as",
                "evaluate matches them. The scanner sets each finding's confidence from this (docs/regulation.md,",
                "\"Confidence per finding\"). An author folder's confidence.csv replaces rows language x factor.",
                "Counted on: " + String.join(", ", sets) + "; never the test split.",
                String.format(java.util.Locale.ROOT, "confidence = (right + k*p) / (right + wrong + k), k = %.0f, p = the language's micro precision on", CONFIDENCE_SMOOTHING),
                "the same provisions: " + String.join(", ", priors) + "; a factor with no findings gets p (so do the",
                "document-level factors " + String.join(" and ", new java.util.TreeSet<>(LabelledProvision.DOCUMENT_LEVEL)) + ", which are never labelled per provision).",
                "Regenerate (from the repository root, after mvn -q -o package -DskipTests):",
                command.toString()));
        lines.addAll(lines.size() - 2, pairLines);
        return lines;
    }

    private void line(PrintWriter out, String lang, String mode, List<Case> cases, Mode m, String factor) {
        Counts c = RegulationEvaluation.counts(cases, m, factor);
        Interval[] ci = resamples > 0 ? RegulationEvaluation.bootstrap(cases, m, factor, resamples, 7) : null;
        out.printf("%-4s %-6s %5d  %-23s %-23s %s%n", lang, mode, cases.size(), value(c.precision(), ci == null ? null : ci[0]),
                value(c.recall(), ci == null ? null : ci[1]), value(c.f1(), ci == null ? null : ci[2]));
    }

    private static String value(double v, Interval ci) {
        return ci == null ? String.format(java.util.Locale.ROOT, "%.3f", v)
                : String.format(java.util.Locale.ROOT, "%.3f [%.3f, %.3f]", v, ci.low(), ci.high());
    }

    /** Labelled data that cannot be read is the user's to fix: one line naming file and line, exit 1. */
    static int dataError(CommandSpec spec, String message) {
        spec.commandLine().getErr().println("risk-cli: cannot read labelled provisions: " + message);
        spec.commandLine().getErr().flush();
        return 1;
    }
}
