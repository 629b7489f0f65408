package org.adaldyq.risk.examples;

import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.extract.DocumentReadException;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.finding.ProvisionLocation;
import org.adaldyq.risk.report.ScanReport;

import java.nio.file.Path;

/**
 * Embedding example 1: scan one draft law (DOCX, PDF, HTML, text, …) and print each risky provision with
 * its factor, the words that triggered it, why it is a risk and how to fix it.
 *
 * <pre>java -cp risk-examples/target/risk-cli.jar org.adaldyq.risk.examples.ScanDraftLaw draft.docx</pre>
 */
public final class ScanDraftLaw {
    private ScanDraftLaw() {
    }

    public static void main(String[] args) throws DocumentReadException {
        if (args.length != 1) {
            System.err.println("usage: ScanDraftLaw DOCUMENT");
            System.exit(2);
        }
        RiskEngine engine = RiskEngine.builder().build(); // build once, share: immutable and thread-safe
        ScanReport report = engine.scan(Path.of(args[0]));
        System.out.printf("%s (%s): %d provisions, %d findings, score %.2f%n", report.source(),
                report.language().code(), report.provisionCount(), report.findings().size(), report.score());
        for (Finding f : report.findings()) {
            ProvisionLocation where = (ProvisionLocation) f.location();
            System.out.printf("%n%s  %s [%s, %.2f]%n  «%s»%n  why: %s%n  fix: %s%n", where.provision(), f.code(),
                    f.severity(), f.score(), where.quote(), f.explanation(), f.recommendation());
        }
    }
}
