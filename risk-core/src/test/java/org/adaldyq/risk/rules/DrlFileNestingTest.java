package org.adaldyq.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files the fuzzer found that kept Drools' DRL parser busy for more than five minutes: inline lists nested a
 * hundred deep behind a quote that is never closed and bytes that are no text. The nesting is counted on the
 * tokens of Drools' own lexer, so the file is refused before the parser backtracks over it; the time bound
 * turns a regression into a failure instead of a stuck build.
 */
class DrlFileNestingTest {

    @ParameterizedTest
    @ValueSource(strings = {"unclosed-quote-hides-deep-lists", "unclosed-quote-hides-deep-lists-2", "lists-nested-117-deep"})
    void aFuzzersFileIsRefusedBeforeTheParserBacktracks(String name) throws Exception {
        String text;
        try (InputStream in = getClass().getResourceAsStream("RuleCheckFuzzTestInputs/drlCheckTurnsAnyTextIntoProblems/" + name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        DrlFile file = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> DrlFile.parse(new RuleSet.DrlSource("fuzz.drl", "org/example/fuzz.drl", text)));
        assertThat(file.problems()).anyMatch(p -> p.error() && p.message().contains("lists nested too deeply"));
    }
}
