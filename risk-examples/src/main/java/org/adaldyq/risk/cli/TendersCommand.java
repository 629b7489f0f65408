package org.adaldyq.risk.cli;


import org.adaldyq.risk.procurement.catalogue.IndicatorCatalogue;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.procurement.Assessment;
import org.adaldyq.risk.procurement.ProcessListener;
import org.adaldyq.risk.procurement.ProcurementEngine;
import org.adaldyq.risk.procurement.RunCounts;
import org.adaldyq.risk.procurement.settings.Settings;
import org.adaldyq.risk.procurement.ocds.OcdsReader;
import org.adaldyq.risk.procurement.rules.ProcurementRules;
import org.adaldyq.risk.procurement.rules.RuleBook;
import org.adaldyq.risk.procurement.report.TendersDashboard;
import org.adaldyq.risk.procurement.report.TendersReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** The native report: one record per process with flags, evidence and scores; buyer and supplier summaries. */
@Command(name = "tenders", mixinStandardHelpOptions = true,
        description = "Red flags per contracting process (Cardinal's eleven and the beyond-Cardinal flags), with evidence "
                + "and scores (CRI and weighted), then buyer and supplier summaries and the run's counts.")
public final class TendersCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "OCDS input (as for indicators), or - for standard input")
    String file;

    @Option(names = {"-s", "--settings"}, paramLabel = "FILE.ini", description = "Settings (Cardinal INI, plus beyond-Cardinal sections and [weights])")
    Path settings;

    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl, csv or html (a dashboard page; default ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--top", defaultValue = "500", description = "With --format html: how many of the riskiest processes the "
            + "dashboard lists, and a tenth as many buyers and suppliers (default ${DEFAULT-VALUE})")
    int top;

    @Option(names = "--lang", defaultValue = "en", description = "Language of flag titles, explanations and recommendations, and of organisation names where the data gives them in it (OCDS name_kk, name_ru): en, ru or kk (default ${DEFAULT-VALUE})")
    String lang;

    @Mixin
    OcdsRunOptions run;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Integer done = run.missingOrIsolated(spec, file, settings);
        if (done != null) {
            return done;
        }
        boolean html = "html".equalsIgnoreCase(format);
        TendersReport.Format f = switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "jsonl", "json", "html" -> TendersReport.Format.JSONL;
            case "csv" -> TendersReport.Format.CSV;
            default -> throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--format must be jsonl, csv or html");
        };
        if (top < 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "--top must be at least 1: " + top);
        }
        Language language = Language.fromCode(lang).orElseThrow(() -> new IllegalArgumentException("--lang must be en, ru or kk: " + lang));
        List<String> codes = new ArrayList<>(IndicatorCatalogue.builtIn().codes());
        // Rule problems: RuleCompilationException, printed as file:line:column by RiskCli's handler, exit 3.
        RuleBook book = run.ruleBook();
        codes = ProcurementRules.codes(codes, book);
        ProcurementEngine engine = run.configure(ProcurementEngine.builder())
                .rules(book)
                .settings(run.settings(settings))
                .codes(codes)
                .language(language)
                .build();
        OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
        RunCounts counts;
        Progress progress = Progress.start("tenders", "processes", -1, run.quiet);
        try (Assessment assessment = engine.assess(OcdsReader.inputs(file), run.counting(progress))) {
            if (html) {
                java.io.Writer page = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8);
                counts = new TendersDashboard(language, top, Math.max(1, top / 10)).write(assessment, page);
            } else {
                counts = new TendersReport(f).write(assessment, out);
            }
            run.save(assessment.indicators());
        }
        out.flush();
        progress.summary(counts.toString());
        return 0;
    }
}
