package org.adaldyq.risk.rules.regulation;

import org.adaldyq.risk.rules.PackOptions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.regulation.RegulationRules;
import org.adaldyq.risk.regulation.RegulationScanner;
import org.adaldyq.risk.rules.RuleExamples;
import org.adaldyq.risk.rules.RuleLimits;
import org.adaldyq.risk.structure.DocumentReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the example cases kept beside every built-in regulation rule exactly as {@code rules test} runs an
 * author's: the examples come from the packaged pack's index, the runner is {@link RiskEngine#testRule}.
 */
class RegulationRuleExamplesTest {

    static final Path PACK = Path.of("src/main/resources/org/adaldyq/risk/rules/regulation");
    static final RiskEngine ENGINE = RiskEngine.builder().build();

    @TestFactory
    Stream<DynamicTest> everyExampleHoldsOnThePrecompiledRules() {
        return ENGINE.ruleExamples().stream().map(e -> DynamicTest.dynamicTest(e + ": " + e.text(), () -> {
            RuleExamples.Outcome o = ENGINE.testRule(e);
            assertThat(o.passed()).as("%s found %s in «%s»", e, o.found(), e.text()).isTrue();
        }));
    }

    /** The same DRL compiled at run time (the path author folders take) must behave the same. */
    @TestFactory
    Stream<DynamicTest> everyExampleHoldsOnTheRulesCompiledFromSource() {
        RegulationRules.Loaded loaded = RegulationRules.load(new PackOptions(
                getClass().getClassLoader(), true, List.of(), RuleLimits.DEFAULT, true));
        assertThat(loaded.problems()).isEmpty();
        RegulationScanner scanner = loaded.orThrow();
        DocumentReader reader = DocumentReader.create();
        return loaded.examples().stream().map(e -> DynamicTest.dynamicTest(e + ": " + e.text(), () -> {
            Set<String> found = new TreeSet<>();
            scanner.scan(reader.read(e.text(), "example", e.language())).findings().forEach(f -> found.add(f.code()));
            assertThat(found.contains(e.code())).as("%s found %s in «%s»", e, found, e.text()).isEqualTo(e.expected());
        }));
    }

    @Test
    void everyFactorHasPositiveAndHardNegativeExamples() {
        List<RuleExamples.Example> examples = ENGINE.ruleExamples();
        for (String code : List.of("WIDE_DISCRETION", "OPTIONAL_POWER", "SELECTIVE_EXCEPTION", "BLANKET_DELEGATION",
                "MISSING_PROCEDURE", "NON_COMPETITIVE", "NORM_COLLISION", "EXCESSIVE_REQUIREMENTS", "APPLICANT_BURDEN",
                "VAGUE_TERMS", "PRIVATE_DELEGATION", "CONFLICT_OF_INTEREST", "NO_ACCOUNTABILITY", "NON_TRANSPARENCY")) {
            assertThat(examples).as(code + " positives").anyMatch(e -> e.code().equals(code) && e.expected());
            assertThat(examples).as(code + " hard negatives").anyMatch(e -> e.code().equals(code) && !e.expected());
            assertThat(Files.exists(PACK.resolve(code + ".drl"))).as(code + ".drl").isTrue();
        }
    }

    @Test
    void lexiconIndexListsExactlyTheLexiconFiles() throws IOException {
        Path lexicon = PACK.resolve("lexicon");
        List<String> indexed = Files.readAllLines(lexicon.resolve("index.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).sorted().toList();
        try (Stream<Path> files = Files.walk(lexicon)) {
            List<String> onDisk = files.filter(p -> p.toString().endsWith(".txt") && !p.getFileName().toString().equals("index.txt"))
                    .map(p -> lexicon.relativize(p).toString().replace('\\', '/')).sorted().toList();
            assertThat(indexed).containsExactlyElementsOf(onDisk);
        }
    }

    @Test
    void packIndexListsExactlyTheRuleExampleAndThresholdFiles() throws IOException {
        List<String> indexed = Files.readAllLines(PACK.resolve("index.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).sorted().toList();
        try (Stream<Path> files = Files.list(PACK)) {
            List<String> onDisk = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".drl") || n.endsWith(".examples") || n.equals("thresholds.csv")).sorted().toList();
            assertThat(indexed).containsExactlyElementsOf(onDisk);
        }
    }
}
