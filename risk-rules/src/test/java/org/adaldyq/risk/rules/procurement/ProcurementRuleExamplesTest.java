package org.adaldyq.risk.rules.procurement;

import org.adaldyq.risk.rules.PackOptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.adaldyq.risk.procurement.ProcurementEngine;
import org.adaldyq.risk.procurement.rules.ProcurementRules;
import org.adaldyq.risk.procurement.rules.ReleaseExamples;
import org.adaldyq.risk.procurement.rules.RuleBook;
import org.adaldyq.risk.rules.RuleLimits;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the example cases kept beside the built-in procurement rules ({@code <CODE>.examples.jsonl}) exactly
 * as {@code rules test} runs an author's: the cases come from the packaged pack's index, the runner is
 * {@link ProcurementEngine#test}.
 */
class ProcurementRuleExamplesTest {

    static final Path PACK = Path.of("src/main/resources/org/adaldyq/risk/rules/procurement");
    static final ProcurementRules.Loaded BUILT_IN = ProcurementRules.load(PackOptions.of(ProcurementRules.class.getClassLoader(), List.of()));

    @TestFactory
    Stream<DynamicTest> everyExampleHoldsOnThePrecompiledRules() {
        assertThat(BUILT_IN.problems()).isEmpty();
        ProcurementEngine engine = ProcurementEngine.builder().rules(BUILT_IN.orThrow()).build();
        return BUILT_IN.examples().stream().map(e -> DynamicTest.dynamicTest(e.toString(), () -> {
            ReleaseExamples.Outcome o = engine.test(e);
            assertThat(o.passed()).as("%s found %s", e, o.found()).isTrue();
        }));
    }

    /** The same DRL compiled at run time (the path author folders take) must behave the same. */
    @TestFactory
    Stream<DynamicTest> everyExampleHoldsOnTheRulesCompiledFromSource() {
        ProcurementRules.Loaded loaded = ProcurementRules.load(new PackOptions(
                getClass().getClassLoader(), true, List.of(), RuleLimits.DEFAULT, true));
        assertThat(loaded.problems()).as("rules check of the built-in procurement pack").isEmpty();
        RuleBook compiled = loaded.orThrow();
        assertThat(compiled.rules().keySet()).isEqualTo(RuleBook.fromClasspath().rules().keySet());
        ProcurementEngine engine = ProcurementEngine.builder().rules(compiled).build();
        return loaded.examples().stream().map(e -> DynamicTest.dynamicTest(e.toString(), () -> {
            ReleaseExamples.Outcome o = engine.test(e);
            assertThat(o.passed()).as("%s found %s", e, o.found()).isTrue();
        }));
    }

    @Test
    void everyFlagHasPositiveAndNegativeExamples() {
        for (String code : org.adaldyq.risk.procurement.catalogue.IndicatorCatalogue.builtIn().codes()) {
            if (code.equals("R011")) {
                continue; // a pattern over two processes at least: a one-release case cannot raise it
            }
            assertThat(BUILT_IN.examples()).as(code + " positives").anyMatch(e -> e.code().equals(code) && e.expected());
            assertThat(BUILT_IN.examples()).as(code + " negatives").anyMatch(e -> e.code().equals(code) && !e.expected());
        }
    }

    @Test
    void indexListsEveryFileOfThePack() throws IOException {
        List<String> listed = Files.readAllLines(PACK.resolve("index.txt")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList();
        try (Stream<Path> files = Files.list(PACK)) {
            List<String> present = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".drl") || n.endsWith(".examples.jsonl") || n.equals("thresholds.csv")).sorted().toList();
            assertThat(listed).isEqualTo(present);
        }
    }
}
