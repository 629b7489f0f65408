package org.adaldyq.risk.rules;

/** One problem in a rule file, printed as {@code file:line:column: message}. Line 0 = whole file. */
public record RuleProblem(String file, int line, int column, String message, boolean error) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + (error ? "" : "warning: ") + message;
    }
}
