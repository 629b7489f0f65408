package org.adaldyq.risk.procurement.rules;

import org.adaldyq.risk.finding.Severity;

/** A rule's metadata, read from its DRL annotations. */
public record RuleInfo(String id, String code, Severity severity, String title, String source, String ruleName) {
}
