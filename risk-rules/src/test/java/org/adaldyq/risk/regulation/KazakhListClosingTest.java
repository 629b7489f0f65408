package org.adaldyq.risk.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.finding.ProvisionLocation;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.report.ScanReport;
import org.junit.jupiter.api.Test;

/**
 * A Kazakh list states its modal once, after its last item («…: 1) …-уға; 2) …-уға құқығы бар.»), where the
 * Russian version puts it in the lead-in («… вправе: 1) …»): every item is read with it.
 */
class KazakhListClosingTest {
    private static final RiskEngine ENGINE = RiskEngine.builder().build();

    private static List<String> optionalPowers(String text) {
        ScanReport report = ENGINE.scan(text, Language.KK);
        return report.findings().stream().filter(f -> f.code().equals("OPTIONAL_POWER"))
                .map(f -> ((ProvisionLocation) f.location()).provision()).distinct().sorted().toList();
    }

    @Test
    void theModalAfterTheLastItemGovernsEveryItem() {
        String rights = """
                5-бап. Инспекцияның өкілеттіктері
                1. Уәкілетті орган өз функцияларын жүзеге асыру үшін:
                1) жеке кәсіпкерлерге тексеру жүргізуге;
                2) лицензияның қолданылуын тоқтата тұруға;
                3) айыппұл салуға құқылы.
                """;
        assertThat(optionalPowers(rights)).containsExactly("Article 5, point 1, sub-point 1)", "Article 5, point 1, sub-point 2)",
                "Article 5, point 1, sub-point 3)");
        Finding first = ENGINE.scan(rights, Language.KK).findings().stream()
                .filter(f -> f.code().equals("OPTIONAL_POWER")).findFirst().orElseThrow();
        assertThat(((ProvisionLocation) first.location()).quote()).isEqualTo("құқылы");
    }

    @Test
    void aListThatClosesWithADutyIsNoPower() {
        String duties = """
                5-бап. Инспекцияның міндеттері
                1. Уәкілетті орган өз функцияларын жүзеге асыру үшін:
                1) жеке кәсіпкерлерге тексеру жүргізуге;
                2) лицензияның қолданылуын тоқтата тұруға;
                3) айыппұл салуға міндетті.
                """;
        assertThat(optionalPowers(duties)).isEmpty();
    }
}
