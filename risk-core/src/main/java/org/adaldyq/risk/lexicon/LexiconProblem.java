package org.adaldyq.risk.lexicon;

/** One problem in a lexicon file, printed as {@code file:line:column: message}. */
public record LexiconProblem(String file, int line, int column, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
