package host;

import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.finding.ProvisionLocation;
import org.adaldyq.risk.procurement.Assessment;
import org.adaldyq.risk.procurement.OrganisationSummary;
import org.adaldyq.risk.procurement.ProcessFlag;
import org.adaldyq.risk.procurement.ProcessListener;
import org.adaldyq.risk.procurement.ProcessResult;
import org.adaldyq.risk.procurement.ProcurementEngine;
import org.adaldyq.risk.procurement.settings.Settings;
import org.adaldyq.risk.procurement.ocds.OcdsReader;
import org.adaldyq.risk.report.ReportJson;
import org.adaldyq.risk.report.ScanReport;
import org.adaldyq.risk.rules.FolderWatch;
import org.adaldyq.risk.rules.RuleReload;

import java.time.Duration;

import java.nio.file.Path;

/** The README's "As a library" snippets, verbatim (ReadmeSnippetsTest in risk-examples checks they match). */
public final class ReadmeSnippets {
    private ReadmeSnippets() {
    }

    /** Returns the report's JSON. */
    public static String draftLaws() throws Exception {
        RiskEngine engine = RiskEngine.builder().build();      // once; immutable and thread-safe
        ScanReport report = engine.scan(Path.of("draft.docx"));
        for (Finding f : report.findings()) {
            ProvisionLocation where = (ProvisionLocation) f.location();
            System.out.println(where.provision() + " " + f.code() + " «" + where.quote() + "»: " + f.recommendation());
        }
        String json = ReportJson.pretty().writeValueAsString(report);
        return json;
    }

    public static void procurement() {
        ProcurementEngine engine = ProcurementEngine.builder()  // once; immutable and thread-safe
                .settings(Settings.defaults())                  // or Settings.read(Path.of("cardinal.ini"))
                .build();                                       // every flag; .codes("R003", "R018") to choose
        ProcessListener problems = ProcessListener.problems(p -> System.err.println("input problem: " + p));
        try (Assessment assessment = engine.assess(OcdsReader.inputs("releases.jsonl"), problems)) {
            try (Assessment.ProcessIterator processes = assessment.processes()) {   // pull, in input order
                while (processes.hasNext()) {
                    ProcessResult p = processes.next();
                    for (ProcessFlag flag : p.findings()) {
                        System.out.println(p.ocid() + " " + flag.code() + " " + flag.title() + " " + flag.evidence());
                    }
                }
            }
            for (OrganisationSummary buyer : assessment.buyers()) {
                System.out.println(buyer.id() + " " + buyer.name() + ": "    // name: as the data's parties give it, or null
                        + buyer.flaggedProcesses() + " of " + buyer.processes() + " flagged");
            }
            System.out.println(assessment.counts());             // every process read is reviewed or skipped, with why
        }
    }

    /** The author guide's reload snippets, for both engines (docs/author-guide.md, "Reloading a running engine"). */
    public static RuleReload[] reloads() throws Exception {
        RiskEngine engine = RiskEngine.builder().rules(Path.of("my-rules"))
                .reloadListener(r -> { if (!r.applied()) alert(r.errors()); })
                .build();
        FolderWatch watch = engine.watchRules(Duration.ofSeconds(1));   // close() to stop
        RuleReload r = engine.reloadRules();                              // or reload on demand
        ProcurementEngine procurement = ProcurementEngine.builder().rules(Path.of("my-procurement-rules"))
                .reloadListener(x -> { if (!x.applied()) alert(x.errors()); })
                .build();
        FolderWatch procurementWatch = procurement.watchRules(Duration.ofSeconds(1));
        RuleReload reloaded = procurement.reloadRules();                 // runs in progress keep their rules
        watch.close();
        procurementWatch.close();
        return new RuleReload[] {r, reloaded};
    }

    private static void alert(java.util.List<?> errors) {
        System.err.println("rules not reloaded: " + errors);
    }
}
