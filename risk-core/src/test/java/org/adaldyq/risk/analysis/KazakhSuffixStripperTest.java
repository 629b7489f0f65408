package org.adaldyq.risk.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.lexicon.TokenizedText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class KazakhSuffixStripperTest {

    @ParameterizedTest(name = "{0} and {1} share a stem")
    @CsvSource({
            "құжаттар, құжаттарды",
            "жағдайларда, жағдайда",
            "комиссия, комиссиясының",
            "тәртіппен, тәртібі",
            "мерзімін, мерзімде",
    })
    void inflectedFormsOfOneWordShareAStem(String a, String b) {
        String sa = stem(a);
        String sb = stem(b);
        assertThat(sa.startsWith(sb) || sb.startsWith(sa)).as("%s -> %s, %s -> %s", a, sa, b, sb).isTrue();
    }

    @Test
    void neverEmptiesAWordAndKeepsShortWords() {
        for (String w : new String[] {"бап", "ол", "он", "сот", "ай", "үшін"}) {
            assertThat(KazakhSuffixStripper.stem(w)).isNotEmpty();
            assertThat(KazakhSuffixStripper.stem(w).length()).isGreaterThanOrEqualTo(Math.min(w.length(), KazakhSuffixStripper.MIN_STEM));
        }
    }

    @Test
    void latinLettersInKazakhWordsAreFoldedBeforeStemming() {
        // Real texts write «мүмкiн» with a Latin i; it must be the same term as «мүмкін».
        assertThat(TokenizedText.analyze("мүмкiн", Language.KK).get(0).term())
                .isEqualTo(TokenizedText.analyze("мүмкін", Language.KK).get(0).term());
        assertThat(TokenizedText.analyze("Yкiметi", Language.KK).get(0).surface()).isEqualTo("үкіметі");
    }

    private static String stem(String w) {
        return KazakhSuffixStripper.stem(w);
    }
}
