package org.adaldyq.risk.rules;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of loading a rule pack (see {@link RulePackLoader}): what the pack builds when there were no
 * errors (a scanner, a rule book), every problem found (errors and warnings, each with file, line and
 * column), the example cases of all layers, a summary and the time it took. Immutable.
 *
 * @param <T> what the pack builds
 * @param <E> its example cases
 */
public class LoadedPack<T, E> {
    private final Optional<T> result;
    private final List<RuleProblem> problems;
    private final List<E> examples;
    private final String summary;
    private final Duration took;

    /** An outcome; the lists are copied. */
    public LoadedPack(Optional<T> result, List<RuleProblem> problems, List<E> examples, String summary, Duration took) {
        this.result = result;
        this.problems = List.copyOf(problems);
        this.examples = List.copyOf(examples);
        this.summary = summary;
        this.took = took;
    }

    /** The same outcome, for a pack's own subtype. */
    protected LoadedPack(LoadedPack<T, E> other) {
        this(other.result, other.problems, other.examples, other.summary, other.took);
    }

    /** What the pack built, empty when the load had errors. */
    public Optional<T> result() {
        return result;
    }

    /** Every problem found, errors and warnings, each with file, line and column. */
    public List<RuleProblem> problems() {
        return problems;
    }

    /** The example cases of all layers. */
    public List<E> examples() {
        return examples;
    }

    /** What was loaded, in one line: counts of built-in, added, overridden and disabled rules. */
    public String summary() {
        return summary;
    }

    /** How long the load took. */
    public Duration took() {
        return took;
    }

    /** True when the load had no errors and the pack was built. */
    public boolean ok() {
        return result.isPresent();
    }

    /** What the pack built, or a {@link RuleCompilationException} listing the errors. */
    public T orThrow() {
        return result.orElseThrow(() -> new RuleCompilationException(problems.stream().filter(RuleProblem::error).toList()));
    }
}
