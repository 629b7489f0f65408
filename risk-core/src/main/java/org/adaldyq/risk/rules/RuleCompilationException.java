package org.adaldyq.risk.rules;

import java.util.List;

/** Rules that do not compile; every problem carries its file, line and column. */
public final class RuleCompilationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<RuleProblem> problems;

    /** An exception listing {@code problems}; the message holds them all. */
    public RuleCompilationException(List<RuleProblem> problems) {
        super(problems.size() + " rule problem(s):\n" + String.join("\n", problems.stream().map(RuleProblem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    /** The problems, each with file, line and column. */
    public List<RuleProblem> problems() {
        return problems;
    }
}
