package org.adaldyq.risk.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.lexicon.Token;
import org.adaldyq.risk.lexicon.TokenizedText;
import org.junit.jupiter.api.Test;

class EnglishStemmingTest {

    private static List<String> terms(String text) {
        return TokenizedText.analyze(text, Language.EN).tokens().stream().map(Token::term).toList();
    }

    @Test
    void shortFunctionWordsDoNotCollide() {
        assertThat(terms("as necessary")).isNotEqualTo(terms("a necessary"));
        assertThat(terms("it is")).doesNotContain("i");
    }

    @Test
    void contentWordsStillShareTheirStem() {
        assertThat(terms("determines")).isEqualTo(terms("determined"));
        assertThat(terms("waivers")).isEqualTo(terms("waiver"));
        assertThat(terms("denied")).isEqualTo(terms("deny"));
    }
}
