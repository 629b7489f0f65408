package org.adaldyq.risk.rules;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Map;

/**
 * Coverage-guided fuzz tests of the author-rule checks (issue 11, part 6): the DRL structure and text check
 * on any text, and the compiled-code verifier on any class bytes (its committed corpus holds classes the
 * executable model generated, one of them calling {@code Files.delete}). The contract: problems, never an
 * exception; a class the verifier cannot read is refused, never passed.
 */
class RuleCheckFuzzTest {
    private static final DrlAllowList ALLOW_LIST = new DrlAllowList(RuleCheckFuzzTest.class.getClassLoader());
    private static final RuleBytecodeVerifier VERIFIER = RuleBytecodeVerifier.standard();

    @FuzzTest(maxDuration = "10s")
    void drlCheckTurnsAnyTextIntoProblems(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        DrlFile file = DrlFile.parse(new RuleSet.DrlSource("fuzz.drl", "org/example/fuzz.drl", text));
        List<RuleProblem> problems = ALLOW_LIST.check(file);
        for (RuleProblem p : problems) {
            if (p.file() == null || p.line() < 0) {
                throw new AssertionError("a problem without a place: " + p);
            }
        }
    }

    @FuzzTest(maxDuration = "10s")
    void verifierRefusesOrPassesAnyClassBytes(FuzzedDataProvider data) {
        byte[] bytes = data.consumeRemainingAsBytes();
        String origin = "fuzz.drl";
        Map<String, RuleBytecodeVerifier.Span> rules = Map.of("R", new RuleBytecodeVerifier.Span(origin, "rule \"R\"\nend\n", 0, 13, 1));
        List<RuleProblem> problems = VERIFIER.verify(Map.of("org/example/Fuzz.class", bytes), rules, Map.of());
        for (RuleProblem p : problems) {
            if (!p.error()) {
                throw new AssertionError("a verifier problem that does not refuse: " + p);
            }
        }
    }
}
