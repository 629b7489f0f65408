package org.adaldyq.risk.cli;


import org.adaldyq.risk.procurement.catalogue.IndicatorCatalogue;
import org.adaldyq.risk.procurement.IndicatorResults;
import org.adaldyq.risk.procurement.ProcessListener;
import org.adaldyq.risk.procurement.ProcurementEngine;
import org.adaldyq.risk.procurement.cardinal.CardinalJson;
import org.adaldyq.risk.procurement.settings.Settings;
import org.adaldyq.risk.procurement.ocds.OcdsReader;
import org.adaldyq.risk.procurement.rules.ProcurementRules;
import org.adaldyq.risk.procurement.rules.RuleBook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Cardinal's {@code indicators}: the eleven Cardinal flags as one JSON object. */
@Command(name = "indicators", mixinStandardHelpOptions = true,
        description = "Calculate Cardinal's procurement indicators (R003 R018 R024 R025 R028 R030 R035 R036 R038 R048 R058) "
                + "and print Cardinal's JSON object {\"OCID\":…,\"Buyer\":…,\"ProcuringEntity\":…,\"Tenderer\":…,\"Meta\":…}.")
public final class IndicatorsCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "OCDS input: line-delimited compiled releases, packages, a JSON array, .gz, a directory, or - for standard input")
    String file;

    @Option(names = {"-s", "--settings"}, paramLabel = "FILE.ini", description = "Cardinal settings file (default: every indicator with its defaults)")
    Path settings;

    @Option(names = {"-c", "--count"}, description = "Print the number of results per group and indicator")
    boolean count;

    @Option(names = "--no-meta", description = "Exclude the \"Meta\" key from the results object")
    boolean noMeta;

    @Mixin
    OcdsRunOptions run;

    @Option(names = "--batch-size", defaultValue = "512", hidden = true, description = "Processes per rule session")
    int batchSize;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Integer done = run.missingOrIsolated(spec, file, settings);
        if (done != null) {
            return done;
        }
        // Rule problems: RuleCompilationException, printed as file:line:column by RiskCli's handler, exit 3.
        RuleBook book = run.ruleBook();
        ProcurementEngine engine = run.configure(ProcurementEngine.builder())
                .rules(book)
                .settings(run.settings(settings))
                .codes(ProcurementRules.codes(IndicatorCatalogue.builtIn().cardinalCodes(), book))
                .batchSize(batchSize)
                .build();
        Progress progress = Progress.start("indicators", "processes", -1, run.quiet);
        try (IndicatorResults r = engine.run(OcdsReader.inputs(file), run.counting(progress))) {
            run.save(r);
            OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
            if (count) {
                CardinalJson.writeCounts(r, out);
            } else {
                CardinalJson.write(r, !noMeta, out);
            }
            out.write('\n');
            out.flush();
            progress.summary(r.counts().toString());
        }
        return 0;
    }
}
