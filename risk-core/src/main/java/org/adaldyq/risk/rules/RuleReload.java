package org.adaldyq.risk.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of a rule reload: {@code applied} when the new rules replaced the old ones; otherwise the
 * old rules keep serving and {@code problems} says why (each with file, line and column).
 */
public record RuleReload(boolean applied, List<RuleProblem> problems, String summary, Duration took, Instant at) {

    /** Copies the problems. */
    public RuleReload {
        problems = List.copyOf(problems);
    }

    /** The problems that are errors; empty when the reload was applied. */
    public List<RuleProblem> errors() {
        return problems.stream().filter(RuleProblem::error).toList();
    }
}
