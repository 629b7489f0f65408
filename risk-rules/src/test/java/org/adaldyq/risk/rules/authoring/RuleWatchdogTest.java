package org.adaldyq.risk.rules.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.rules.RuleLimitException;
import org.adaldyq.risk.rules.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, part 3: a consequence that does not return (a loop inside one firing, which the firing guard
 * between firings never sees) is given up by the watchdog at the time limit: the input fails with a
 * {@code TIME} limit naming the rule, and the same engine goes on scanning.
 */
class RuleWatchdogTest {

    @TempDir
    Path dir;

    @Test
    void aConsequenceThatDoesNotReturnIsGivenUpAtTheTimeLimit() throws IOException {
        // An allowed loop (for-each over a collection) of 40,000 x 40,000 steps: seconds of work in one
        // firing, far past the 300 ms limit; finite, so the abandoned worker ends by itself soon after.
        Files.writeString(dir.resolve("spin.drl"), """
                package org.example;
                import org.adaldyq.risk.regulation.fact.Trigger;
                rule "VAGUE_TERMS.spin"
                    @code("VAGUE_TERMS") @severity("low") @title("Never returns in time") @source("test")
                when
                    $t : Trigger(concept == "VAGUE")
                then
                    long n = 0;
                    for (Integer i : java.util.Collections.nCopies(40000, 1)) {
                        for (Integer j : java.util.Collections.nCopies(40000, 1)) {
                            n += i + j + $t.getText().length();
                        }
                    }
                    if (n == 42) { insert(new Trigger("X", 0, "", 0, 0, "", 0, 0, 0, false)); }
                end
                """);
        RiskEngine engine = RiskEngine.builder().rules(dir).maxRuleTimePerDocument(Duration.ofMillis(300)).build();
        int abandonedBefore = RuleSet.abandonedWorkers();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> engine.scan("Орган принимает необходимые меры.", Language.RU))
                .isInstanceOfSatisfying(RuleLimitException.class, e -> {
                    assertThat(e.limit()).isEqualTo(RuleLimitException.Limit.TIME);
                    assertThat(e.ruleId()).isEqualTo("VAGUE_TERMS.spin");
                    assertThat(e.getMessage()).contains("did not return");
                });
        // the limit plus the grace (100 ms here) and the scan's analysis, with room for a busy machine (without
        // the watchdog there is no exception at all: the one firing would end in seconds, and no limit is checked)
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        assertThat(RuleSet.abandonedWorkers()).isEqualTo(abandonedBefore + 1);
        // the batch goes on: the next input is scanned by the same engine
        assertThat(engine.codesFound(AuthorRulesTest.SUSPEND, Language.RU)).contains("OPTIONAL_POWER");
    }
}
