package org.adaldyq.risk.rules;

import java.util.List;
import java.util.Set;

/**
 * What differs between two rule packs (draft-law factors, procurement flags) when {@link RulePackLoader}
 * loads one: where it lives, its DRL convention, the codes and concepts its rules may use, its example
 * cases, and what a loaded pack becomes. Everything else (reading the layers, merging them, checking
 * every file, compiling or taking the precompiled rules, disabled rules and thresholds, problems and
 * summary) is the loader's, the same for both.
 *
 * @param <T> what a loaded pack becomes (a scanner, a rule book)
 * @param <E> its example cases
 * @param <V> what the pack reads from its layers besides DRL (catalogue, lexicon, models)
 */
public interface RulePack<T, E, V> {
    /** {@code regulation} or {@code procurement}: for messages. */
    String name();

    /** Where the built-in pack lives on the class path. */
    String location();

    /** The metadata convention its rules follow, checked at every load. */
    RuleConvention convention();

    /**
     * Whether author DRL is also compiled by the classic DRL compiler, only for its error messages: it reports
     * some mistakes the executable-model compiler (which builds what runs) passes over silently, such as an
     * unresolved name in {@code eval(...)}. Nothing compiled by it runs.
     */
    boolean classicCheck();

    /** The DRL package of the built-in rules (the package of their executable model). */
    String drlPackage();

    /** The built-in rules as compiled at build time. */
    RuleSet precompiled(ClassLoader loader);

    /** The built-in pack alone, exactly as built: nothing to merge or check. */
    T asBuilt(PackOptions options, RuleLayer builtIn, List<RuleProblem> problems);

    /** What the pack reads from the layers besides DRL; problems go to {@code problems}. */
    V vocabulary(List<RuleLayer> layers, PackOptions options, List<RuleProblem> problems);

    /** The codes rules and examples may use. */
    Set<String> codes(V vocabulary);

    /** The concepts rules may name, or null when the pack has none. */
    Set<String> concepts(V vocabulary);

    /** The example cases of every layer; a malformed one is a problem. */
    List<E> examples(List<RuleLayer> layers, List<RuleProblem> problems);

    /** The code an example case is about (the file name before its extension). */
    String code(E example);

    /** Where an example case is: file and line. */
    RuleProblem unknownCode(E example);

    /** Checks made once the layers are known to be sound (e.g. trained models); errors stop the load. */
    default void check(V vocabulary, PackOptions options, List<RuleProblem> problems) {
    }

    /** What the loaded pack becomes, from its rules (disabled rules and thresholds applied). */
    T build(RuleSet rules, V vocabulary, PackOptions options);
}
