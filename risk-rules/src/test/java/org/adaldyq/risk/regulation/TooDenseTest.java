package org.adaldyq.risk.regulation;

import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.extract.DocumentReadException;
import org.adaldyq.risk.lang.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A provision made of thousands of trigger words would make the rules' joins exhaust the memory (issue 11):
 * it is refused before the rules run, as TOO_DENSE for a file, and the engine goes on scanning.
 */
class TooDenseTest {
    static final RiskEngine ENGINE = RiskEngine.builder().build();
    static final String DENSE = "Орган вправе ".repeat(3000);

    @Test
    void aDenseProvisionIsRefusedBeforeTheRules() {
        assertThatThrownBy(() -> ENGINE.scan(DENSE, Language.RU)).isInstanceOf(TooDenseException.class)
                .hasMessageContaining("trigger words").hasMessageContaining(String.valueOf(RegulationScanner.MAX_TRIGGERS_PER_PROVISION));
        // the engine still serves: a normal provision right after
        assertThat(ENGINE.scan("Орган вправе отказать в выдаче разрешения.", Language.RU).findings()).isNotEmpty();
    }

    @Test
    void aDenseFileIsATooDenseReadProblem(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("dense.txt"), DENSE);
        assertThatThrownBy(() -> ENGINE.scan(file)).isInstanceOfSatisfying(DocumentReadException.class,
                e -> assertThat(e.reason()).isEqualTo(DocumentReadException.Reason.TOO_DENSE));
    }
}
