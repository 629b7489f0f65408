package org.adaldyq.risk.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.adaldyq.risk.lang.Language;
import org.junit.jupiter.api.Test;

class LazyLexiconTest {

    @Test
    void lazyAndEagerLexiconsFindTheSameMatches() {
        Lexicon.Builder b = Lexicon.builder()
                .add(Language.RU, "DISCRETION", "ru/DISCRETION.txt", List.of("по своему усмотрению", "в разумный срок"))
                .add(Language.EN, "DISCRETION", "en/DISCRETION.txt", List.of("at its discretion"));
        TokenizedText ru = TokenizedText.analyze("Орган решает по своему усмотрению в разумный срок.", Language.RU);
        assertThat(b.buildLazily().match(ru)).isEqualTo(b.build().match(ru));
        assertThat(b.buildLazily().match(ru)).hasSize(2);
    }

    @Test
    void aBrokenLanguageFailsOnlyWhenUsed() {
        Lexicon lazy = Lexicon.builder()
                .add(Language.RU, "OK", "ru/OK.txt", List.of("вправе"))
                .add(Language.EN, "BAD", "en/BAD.txt", List.of("<MISSING> word"))
                .buildLazily();
        assertThat(lazy.match(TokenizedText.analyze("Орган вправе", Language.RU))).hasSize(1);
        assertThatThrownBy(() -> lazy.match(TokenizedText.analyze("may", Language.EN)))
                .isInstanceOf(LexiconException.class).hasMessageContaining("en/BAD.txt:1:1");
    }
}
