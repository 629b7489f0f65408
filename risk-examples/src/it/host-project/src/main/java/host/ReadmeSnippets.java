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
                System.out.println(buyer.id() + ": " + buyer.flaggedProcesses() + " of " + buyer.processes() + " flagged");
            }
            System.out.println(assessment.counts());             // every process read is reviewed or skipped, with why
        }
    }
}
