package org.adaldyq.risk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.eval.RegulationEvaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code evaluate}: precision, recall and F1 of the regulation rules on labelled provisions. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Score the regulation rules on labelled provisions (*.jsonl): precision / recall / F1 per factor and language.")
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", description = "Folder of labelled *.jsonl files (default: ${DEFAULT-VALUE}).",
            defaultValue = "data/annotated")
    Path data;

    @Option(names = "--rules", description = "Author rule folder (repeatable).")
    List<Path> rules = List.of();

    @Option(names = "--no-builtin", description = "Do not load the built-in regulation pack.")
    boolean noBuiltIn;

    @Option(names = {"-v", "--verbose"}, description = "List every provision where the engine and the labels disagree.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RiskEngine.Builder b = RiskEngine.builder().builtInRules(!noBuiltIn);
        rules.forEach(b::rules);
        RegulationEvaluation.Result result = RegulationEvaluation.run(b.build(), data);
        if (verbose) {
            for (RegulationEvaluation.Case c : result.cases()) {
                if (!c.missed().isEmpty() || !c.extra().isEmpty()) {
                    out.printf("%s missed=%s extra=%s%n   %s%n", c.id(), c.missed(), c.extra(),
                            c.text().replace('\n', ' ').substring(0, Math.min(220, c.text().length())));
                }
            }
            out.println();
        }
        out.printf("%-4s %-24s %5s %5s %5s %7s %7s %7s%n", "lang", "factor", "TP", "FP", "FN", "P", "R", "F1");
        for (Map.Entry<String, Map<String, RegulationEvaluation.Counts>> lang : result.byFactor().entrySet()) {
            for (Map.Entry<String, RegulationEvaluation.Counts> f : lang.getValue().entrySet()) {
                print(out, lang.getKey(), f.getKey(), f.getValue());
            }
            print(out, lang.getKey(), "MICRO", result.byLanguage().get(lang.getKey()));
            out.println();
        }
        out.printf("%d provisions%n", result.cases().size());
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, String lang, String factor, RegulationEvaluation.Counts c) {
        out.printf("%-4s %-24s %5d %5d %5d %7.3f %7.3f %7.3f%n", lang, factor, c.tp(), c.fp(), c.fn(),
                c.precision(), c.recall(), c.f1());
    }
}
