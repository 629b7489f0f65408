package org.adaldyq.risk.rules.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.rules.RuleExamples;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs the example cases kept beside every built-in regulation rule, exactly as authors run theirs. */
class RegulationRuleExamplesTest {

    static final Path PACK = Path.of("src/main/resources/org/adaldyq/risk/rules/regulation");
    static final RiskEngine ENGINE = RiskEngine.builder().build();

    @TestFactory
    Stream<DynamicTest> everyExampleHoldsOnThePrecompiledRules() throws IOException {
        return RuleExamples.read(PACK).stream().map(e -> DynamicTest.dynamicTest(e.toString() + ": " + e.text(), () -> {
            Set<String> found = ENGINE.scan(e.text(), e.language()).findings().stream().map(Finding::code)
                    .collect(Collectors.toSet());
            assertThat(found.contains(e.code())).as("%s found %s in «%s»", e, found, e.text()).isEqualTo(e.expected());
        }));
    }

    @Test
    void everyFactorHasPositiveAndHardNegativeExamples() throws IOException {
        List<RuleExamples.Example> examples = RuleExamples.read(PACK);
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
}
