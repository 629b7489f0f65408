package org.adaldyq.risk.lexicon;

import java.util.List;

/** A lexicon file that cannot be used as it is; each problem names the file, line and column. */
public final class LexiconException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<LexiconProblem> problems;

    /** An exception listing {@code problems}; the message holds them all. */
    public LexiconException(List<LexiconProblem> problems) {
        super(problems.size() == 1 ? problems.get(0).toString()
                : problems.size() + " lexicon problems:\n" + String.join("\n", problems.stream().map(LexiconProblem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    /** The problems found, at least one, in the order found. */
    public List<LexiconProblem> problems() {
        return problems;
    }
}
