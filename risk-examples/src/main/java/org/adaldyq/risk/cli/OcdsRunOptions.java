package org.adaldyq.risk.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adaldyq.risk.procurement.IndicatorResults;
import org.adaldyq.risk.procurement.ProcurementEngine;
import org.adaldyq.risk.procurement.rules.ProcurementRules;
import org.adaldyq.risk.procurement.settings.Settings;
import org.adaldyq.risk.procurement.stats.Baseline;
import org.adaldyq.risk.procurement.rules.RuleBook;
import org.adaldyq.risk.rules.PackOptions;
import picocli.CommandLine.Option;

/** Options that {@code indicators} and {@code tenders} share: line limit, author rules, threads. */
final class OcdsRunOptions {
    @Option(names = {"-q", "--quiet"}, description = "No progress line on the terminal.")
    boolean quiet;

    /** A listener that counts each process on {@code progress}. */
    org.adaldyq.risk.procurement.ProcessListener counting(Progress progress) {
        return (source, process, facts, skipReason, flags) -> progress.step();
    }


    @Option(names = "--max-line-bytes", defaultValue = "67108864", description = "Longer lines are skipped with a warning (default ${DEFAULT-VALUE})")
    int maxLineBytes;

    @Option(names = "--rules", paramLabel = "DIR", description = "Author rule folder (procurement DRL, thresholds.csv, disabled.txt) "
            + "applied on top of the built-in pack; repeatable, later folders win. Flags the folders add are computed too.")
    List<Path> rules = new ArrayList<>();

    @Option(names = {"-t", "--threads"}, defaultValue = "2", description = "JSON parser threads (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--baseline", paramLabel = "FILE.json", description = "Judge the input against the dataset statistics "
            + "(fences, Meta) saved from an earlier run with --save-baseline, instead of its own: scoring new tenders as they come")
    Path baseline;

    @Option(names = "--save-baseline", paramLabel = "FILE.json", description = "Save this run's dataset statistics (fences, Meta) for later runs' --baseline")
    Path saveBaseline;

    @Option(names = "--lenient", description = "Accept unknown sections and keys, repeated keys and out-of-range numbers "
            + "in the settings file, as Cardinal does (default: refuse them with file:line)")
    boolean lenient;

    /** The settings file, strictly unless --lenient; the defaults without one. */
    Settings settings(Path file) {
        return file == null ? Settings.defaults() : Settings.read(file, lenient);
    }

    /** Applies the run options every OCDS command shares to an engine builder. */
    ProcurementEngine.Builder configure(ProcurementEngine.Builder b) throws java.io.IOException {
        b.threads(threads).maxLineBytes(maxLineBytes);
        if (baseline != null) {
            b.baseline(Baseline.read(baseline));
        }
        return b;
    }

    /** Writes the run's statistics when {@code --save-baseline} asks for it. */
    void save(IndicatorResults results) throws java.io.IOException {
        if (saveBaseline != null) {
            results.baseline().write(saveBaseline);
        }
    }

    /** The built-in procurement rules, with the author folders on top when there are any. */
    RuleBook ruleBook() {
        return rules.isEmpty() ? RuleBook.fromClasspath()
                : ProcurementRules.load(PackOptions.of(ProcurementRules.class.getClassLoader(), rules)).orThrow();
    }
}
