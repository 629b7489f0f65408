package org.adaldyq.risk.examples;

import org.adaldyq.risk.procurement.Assessment;
import org.adaldyq.risk.procurement.OrganisationSummary;
import org.adaldyq.risk.procurement.ProcessListener;
import org.adaldyq.risk.procurement.ProcessResult;
import org.adaldyq.risk.procurement.ProcurementEngine;
import org.adaldyq.risk.procurement.ocds.OcdsReader;

import java.util.Comparator;
import java.util.List;

/**
 * Embedding example 2: stream OCDS (line-delimited releases, packages, .gz, a folder), pull the assessed
 * processes one by one, and print the buyers whose processes carry the most red flags. Input problems are
 * reported as they are found; the run never stops on one.
 *
 * <pre>java -cp risk-examples/target/risk-cli.jar org.adaldyq.risk.examples.RiskiestBuyers releases.jsonl [N]</pre>
 */
public final class RiskiestBuyers {
    private RiskiestBuyers() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: RiskiestBuyers OCDS [N]");
            System.exit(2);
        }
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        ProcurementEngine engine = ProcurementEngine.builder().build(); // every flag, default settings
        ProcessListener problems = ProcessListener.problems(p -> System.err.println("input problem: " + p));
        try (Assessment assessment = engine.assess(OcdsReader.inputs(args[0]), problems)) {
            long flagged = 0;
            try (Assessment.ProcessIterator processes = assessment.processes()) {
                while (processes.hasNext()) {
                    ProcessResult p = processes.next();
                    if (p.flagged()) {
                        flagged++;
                    }
                }
            }
            System.out.printf("%d processes, %d reviewed, %d flagged%n", assessment.counts().processes(),
                    assessment.counts().reviewed(), flagged);
            List<OrganisationSummary> buyers = assessment.buyers().stream()
                    .filter(b -> b.processes() > 0)
                    .sorted(Comparator.comparingLong(OrganisationSummary::flaggedProcesses).reversed()
                            .thenComparing(OrganisationSummary::id))
                    .limit(top)
                    .toList();
            for (OrganisationSummary b : buyers) {
                String who = b.name() == null ? b.id() : b.id() + " " + b.name();
                System.out.printf("%-60.60s %4d processes %4d flagged  mean CRI %s  %s%n", who, b.processes(),
                        b.flaggedProcesses(), b.meanCri() == null ? "-" : String.format("%.2f", b.meanCri()),
                        b.processFlags());
            }
        }
    }
}
