package org.adaldyq.risk.rules;

/**
 * One problem in a rule, lexicon, threshold or example file, printed as {@code file:line:column: message}.
 * Line 0 = the whole file. Columns count from 1. Warnings do not stop a rule set from loading.
 */
public record RuleProblem(String file, int line, int column, String message, boolean error) {

    /** An error: the rule set does not load. */
    public static RuleProblem error(String file, int line, int column, String message) {
        return new RuleProblem(file, line, column, message, true);
    }

    /** A warning: reported, but the rule set loads. */
    public static RuleProblem warning(String file, int line, int column, String message) {
        return new RuleProblem(file, line, column, message, false);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + (error ? "" : "warning: ") + message;
    }
}
