package org.adaldyq.risk.cli;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.adaldyq.risk.regulation.RegulationRules;
import org.adaldyq.risk.regulation.RegulationScanner;
import org.adaldyq.risk.rules.PackOptions;
import org.adaldyq.risk.rules.RuleLimits;
import org.adaldyq.risk.structure.DocumentReader;
import org.adaldyq.risk.train.LabelledProvision;
import org.adaldyq.risk.train.SignalTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code train}: rebuilds the factor models from labelled provisions, byte for byte from the same data,
 * and writes the signal thresholds chosen on the dev provisions. Test provisions are never read.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train the factor models on labelled provisions and write them with their signal thresholds.",
                "Learns from splits train and dev (folds by act choose regularisation and thresholds); test is never read.",
                "Same data, same files."})
final class TrainCommand implements Callable<Integer> {

    static final String BUILT_IN_MODELS = "risk-rules/src/main/resources/org/adaldyq/risk/models/regulation";
    static final String BUILT_IN_THRESHOLDS = "risk-rules/src/main/resources/org/adaldyq/risk/rules/regulation/thresholds.csv";

    @Spec
    CommandSpec spec;

    @Option(names = "--data", description = "Labelled *.jsonl file or folder; provisions of split test are skipped (repeatable; default: ${DEFAULT-VALUE}).",
            defaultValue = "data/corpus/gold")
    List<Path> data;

    @Option(names = "--out", description = "Folder for the <FACTOR>.model files and index.txt (default: ${DEFAULT-VALUE}; "
            + "for an author folder: DIR/models).", defaultValue = BUILT_IN_MODELS)
    Path out;

    @Option(names = "--thresholds", description = "thresholds.csv whose <FACTOR>.signal.* lines are rewritten (default: ${DEFAULT-VALUE}; "
            + "for an author folder: DIR/thresholds.csv).", defaultValue = BUILT_IN_THRESHOLDS)
    Path thresholds;

    @Option(names = "--learn-from", split = ",", defaultValue = "train,dev",
            description = "Splits to learn from (default: ${DEFAULT-VALUE}; train alone keeps dev for measuring; test is refused).")
    List<String> learnFrom;

    @Option(names = "--tune-on", split = ",",
            description = "Splits whose out-of-fold scores choose C and the thresholds (default: the --learn-from splits). "
                    + "Splits the rules' authors never read (calib) set the thresholds by how the rules do on new text.")
    List<String> tuneOn = List.of();

    @Option(names = "--validate", description = "A second labelled set, labelled by someone else (default: data/annotated when it exists; "
            + "NONE to skip): a factor whose signal lowers F1 there is switched off.")
    String validate;

    @Option(names = "--without", split = ",", description = "Feature kinds to leave out, by prefix (e.g. c: for character n-grams; "
            + "for ablation studies: the shipped models use them all).")
    List<String> without = List.of();

    @Option(names = "--solver", defaultValue = "L1R_LR", description = "liblinear solver (default: ${DEFAULT-VALUE}; L2R_LR for dense weights).")
    de.bwaldvogel.liblinear.SolverType solver;

    @Option(names = "--rules", description = "Author rule folder whose lexicon the features use (repeatable).")
    List<Path> rules = List.of();

    @Option(names = "--oof", description = "Also write the out-of-fold scores (TSV: id, lang, act, factor, labelled, rules, score), "
            + "each from a model that never saw the provision's act.")
    Path oof;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        if (learnFrom.contains("test")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "the test split is never learnt from");
        }
        if (!learnFrom.containsAll(tuneOn)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--tune-on splits must be among --learn-from " + learnFrom);
        }
        List<LabelledProvision> all;
        try {
            all = LabelledProvision.read(data);
        } catch (java.io.IOException e) {
            return EvaluateCommand.dataError(spec, e.getMessage());
        }
        // Train and dev both teach; folds by act choose C and thresholds. Test provisions are never read.
        List<LabelledProvision> train = all.stream().filter(p -> learnFrom.contains(p.split())).toList();
        long test = all.stream().filter(p -> p.split().equals("test")).count();
        if (train.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "no training provisions (split train or dev) in " + data);
        }
        console.printf("%d provisions to learn from (%s), %d test provisions left untouched%n", train.size(),
                String.join(", ", learnFrom), test);

        RegulationRules.Loaded pack = RegulationRules.load(new PackOptions(getClass().getClassLoader(), true, rules,
                RuleLimits.DEFAULT, false));
        RegulationScanner scanner = pack.orThrow();
        DocumentReader reader = DocumentReader.create();
        List<SignalTrainer.Example> examples = SignalTrainer.featurize(scanner, reader, train, without);
        Set<String> factors = new TreeSet<>();
        train.forEach(p -> factors.addAll(p.factors()));
        List<SignalTrainer.Trained> trained = SignalTrainer.train(examples, factors, SignalTrainer.dataId(train), solver,
                e -> tuneOn.isEmpty() || tuneOn.contains(e.labelled().split()));
        if (oof != null) {
            try (BufferedWriter w = Files.newBufferedWriter(oof, StandardCharsets.UTF_8)) {
                SignalTrainer.writeOutOfFold(examples, trained, w);
            }
        }
        Path validation = validate == null ? (java.nio.file.Files.isDirectory(Path.of("data/annotated")) ? Path.of("data/annotated") : null)
                : validate.equals("NONE") ? null : Path.of(validate);
        if (validation != null) {
            List<String> report = new ArrayList<>();
            trained = SignalTrainer.validate(trained, SignalTrainer.featurize(scanner, reader, LabelledProvision.read(validation), without),
                    report);
            console.printf("validation on %s:%n", validation);
            report.forEach(l -> console.println("  " + l));
        }
        // the pack's own examples: what its authors state it must do, which no signal may undo
        List<org.adaldyq.risk.rules.RuleExamples.Example> authored = pack.examples().stream()
                .filter(e -> factors.contains(e.code())).toList();
        List<LabelledProvision> asLabelled = new ArrayList<>();
        for (org.adaldyq.risk.rules.RuleExamples.Example e : authored) {
            asLabelled.add(new LabelledProvision(e.file() + ":" + e.line(), e.language(), "examples", "examples", e.text(),
                    e.expected() ? Set.of(e.code()) : Set.of(), null));
        }
        List<String> examplesReport = new ArrayList<>();
        trained = SignalTrainer.keepExamples(trained, SignalTrainer.featurize(scanner, reader, asLabelled, without),
                authored.stream().map(org.adaldyq.risk.rules.RuleExamples.Example::code).toList(),
                asLabelled.stream().map(LabelledProvision::id).toList(), examplesReport);
        console.printf("rule examples (%d): %s%n", authored.size(), examplesReport.isEmpty() ? "no signal breaks one" : "");
        examplesReport.forEach(l -> console.println("  " + l));

        Files.createDirectories(out);
        try (java.util.stream.Stream<Path> old = Files.list(out)) {
            for (Path p : old.filter(p -> p.getFileName().toString().endsWith(".model")).toList()) {
                Files.delete(p);
            }
        }
        List<String> index = new ArrayList<>();
        for (SignalTrainer.Trained t : trained) {
            String name = t.factor() + ".model";
            try (BufferedWriter w = Files.newBufferedWriter(out.resolve(name), StandardCharsets.UTF_8)) {
                t.model().write(w);
            }
            index.add(name);
        }
        Files.writeString(out.resolve("index.txt"), "# Factor models written by `risk-cli train` (a class path cannot be listed).\n"
                + String.join("\n", index) + "\n", StandardCharsets.UTF_8);
        writeThresholds(thresholds, trained);

        console.printf("%n%-24s %5s %5s %6s %6s %6s  %-15s %s%n", "factor", "pos", "C", "model", "accept", "veto",
                "cv F1 rules", "model  hybrid");
        for (SignalTrainer.Trained t : trained) {
            console.printf("%-24s %5d %5.2f %6.2f %6.2f %6.2f  %-15.3f %.3f  %.3f%n", t.factor(), t.positives(), t.c(),
                    t.modelThreshold(), t.accept(), t.veto(), t.devRulesF1(), t.devModelF1(), t.devHybridF1());
        }
        console.printf("%nwrote %d model(s) to %s and their thresholds to %s%n", trained.size(), out, thresholds);
        console.flush();
        return 0;
    }

    /** Replaces the {@code <FACTOR>.signal.*} lines of a thresholds file (created when missing), keeping the rest. */
    static void writeThresholds(Path file, List<SignalTrainer.Trained> trained) throws java.io.IOException {
        List<String> lines = new ArrayList<>();
        if (Files.exists(file)) {
            for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!l.matches("[A-Z][A-Z0-9_]*\\.signal\\.(accept|veto),.*")) {
                    lines.add(l);
                }
            }
        } else {
            lines.add("key,value,comment");
        }
        for (SignalTrainer.Trained t : trained) {
            lines.add(String.format(java.util.Locale.ROOT, "%s.signal.accept,%.2f,set by train (cross-validated by act, checked on --validate): F1 rules %.3f -> with signal %.3f",
                    t.factor(), t.accept(), t.devRulesF1(), t.devHybridF1()));
            lines.add(String.format(java.util.Locale.ROOT, "%s.signal.veto,%.2f,set by train (cross-validated by act)", t.factor(), t.veto()));
        }
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }
}
