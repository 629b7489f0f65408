package org.adaldyq.risk.finding;

import java.util.List;
import java.util.Objects;

/**
 * One risk found: a corruption-risk factor in a provision of a legal text, or a red flag of a contracting
 * process. The same model serves both; {@link #location()} tells which.
 *
 * @param code           the public factor or flag code ({@code OPTIONAL_POWER}, {@code R003})
 * @param ruleId         the id of the rule that produced it
 * @param severity       the rule's severity
 * @param score          in [0, 1], for ranking
 * @param title          short human title of the factor or flag
 * @param location       where it is
 * @param triggers       the words (regulations) or conditions (procurement) that triggered it
 * @param evidence       facts behind it, with thresholds where relevant
 * @param explanation    why it is a risk, in plain words
 * @param recommendation how to remove the risk
 * @param confidence     how often findings of this factor in this language were right on labelled provisions, in
 *                       [0, 1] (see {@code confidence.csv} and docs/regulation.md); null for a procurement flag and
 *                       for a factor the table has no row for, and then left out of the JSON
 */
public record Finding(
        String code,
        String ruleId,
        Severity severity,
        double score,
        String title,
        Location location,
        List<String> triggers,
        List<Evidence> evidence,
        String explanation,
        String recommendation,
        Double confidence) {

    /**
     * Requires code, severity and location, a score in [0, 1] and a confidence in [0, 1] or null; null lists
     * become empty, lists are copied.
     */
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must be in [0, 1]: " + score);
        }
        if (confidence != null && !(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in [0, 1]: " + confidence);
        }
        triggers = triggers == null ? List.of() : List.copyOf(triggers);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /**
     * The value of the first evidence entry at {@code path}, as text.
     *
     * @param path an evidence path ({@code confidence}, {@code review}, …)
     * @return the value, or null when no entry at that path has one
     */
    public String evidenceValue(String path) {
        for (Evidence e : evidence) {
            if (path.equals(e.path()) && e.value() != null) {
                return e.value().toString();
            }
        }
        return null;
    }
}
