package org.adaldyq.risk.procurement;

import org.adaldyq.risk.finding.Evidence;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.finding.ProcessLocation;
import org.adaldyq.risk.finding.Severity;

import java.util.List;
import java.util.Objects;

/**
 * One red flag raised in a contracting process: on the process itself (group {@code OCID}) or on one of
 * its organisations (group {@code Buyer}, {@code ProcuringEntity}, {@code Tenderer}), with the evidence
 * of every rule firing merged.
 *
 * @param code           the flag code ({@code R003})
 * @param ruleId         the id of the rule that raised it
 * @param severity       the rule's severity
 * @param title          the flag's title
 * @param group          {@code OCID}, {@code Buyer}, {@code ProcuringEntity} or {@code Tenderer}
 * @param id             the ocid, or the organisation's id
 * @param value          the flag's value, as in Cardinal's output (1.0, a ratio, a count)
 * @param weight         the flag's weight in the process's weighted score, in [0, 1]
 * @param evidence       the facts behind it, with thresholds where one was compared
 * @param explanation    why it is a risk, in plain words
 * @param recommendation what to check or do
 */
public record ProcessFlag(String code, String ruleId, Severity severity, String title, String group, String id,
                          double value, double weight, List<Evidence> evidence, String explanation,
                          String recommendation) {
    /** Requires code, severity and group; copies the evidence. */
    public ProcessFlag {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(group, "group");
        evidence = List.copyOf(evidence);
    }

    /** The same flag in the model findings of both halves share (a {@link ProcessLocation}; no confidence). */
    public Finding finding() {
        // a [weights] setting may exceed 1 (weights are relative); a finding's score is in [0, 1]
        return new Finding(code, ruleId, severity, Math.min(1.0, weight), title, new ProcessLocation(group, id),
                evidence.stream().map(Evidence::path).distinct().toList(), evidence, explanation, recommendation, null);
    }
}
