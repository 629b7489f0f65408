package org.adaldyq.risk.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.adaldyq.risk.lang.Language;
import org.junit.jupiter.api.Test;

class LexiconTest {

    private static List<String> concepts(Lexicon lexicon, String text, Language lang) {
        return lexicon.match(TokenizedText.analyze(text, lang)).stream()
                .map(m -> m.concept() + ":" + text.substring(m.start(), m.end())).toList();
    }

    @Test
    void inflectedRussianPhraseMatchesWithOffsetsIntoTheText() {
        Lexicon lex = Lexicon.builder()
                .add(Language.RU, "DISCRETION", "ru/DISCRETION.txt", List.of("# comment", "по своему усмотрению"))
                .build();
        String text = "Орган решает вопрос по своему усмотрению.";
        assertThat(concepts(lex, text, Language.RU)).containsExactly("DISCRETION:по своему усмотрению");
    }

    @Test
    void slopAllowsWordsInBetweenButNotAcrossASentence() {
        Lexicon lex = Lexicon.builder()
                .add(Language.RU, "EXEMPTION", "f", List.of("освободить от ~2"))
                .build();
        assertThat(concepts(lex, "может освободить правонарушителя от ответственности", Language.RU))
                .containsExactly("EXEMPTION:освободить правонарушителя от");
        assertThat(concepts(lex, "может освободить правонарушителя; от ответственности", Language.RU)).isEmpty();
        assertThat(concepts(lex, "освободить одного двух трех от", Language.RU)).isEmpty();
    }

    @Test
    void surfacePrefixNumberAndClassElements() {
        Lexicon lex = Lexicon.builder()
                .add(Language.EN, "TIME_UNIT", "f", List.of("days", "months"))
                .add(Language.EN, "NUMBER_WORD", "f", List.of("thirty"))
                .add(Language.EN, "DEADLINE", "f", List.of("within <num> <TIME_UNIT>"))
                .add(Language.EN, "OPTIONAL", "f", List.of("\"may\""))
                .add(Language.EN, "WAIVE", "f", List.of("waiv*"))
                .build();
        assertThat(concepts(lex, "The Secretary may waive it within 30 days or within thirty months.", Language.EN))
                .containsExactly("OPTIONAL:may", "WAIVE:waive", "DEADLINE:within 30 days", "TIME_UNIT:days",
                        "DEADLINE:within thirty months", "NUMBER_WORD:thirty", "TIME_UNIT:months");
        // "May" the month is a different surface form only by case, which is folded; "mayor" is not "may".
        assertThat(concepts(lex, "The mayor", Language.EN)).isEmpty();
    }

    @Test
    void kazakhEntryMatchesInflectedAndLatinMixedSpelling() {
        Lexicon lex = Lexicon.builder()
                .add(Language.KK, "EXCEPTIONAL", "f", List.of("ерекше жағдайларда"))
                .build();
        assertThat(concepts(lex, "Ерекше жағдайда Агенттiк мерзiмдi ұзартуға хақылы.", Language.KK))
                .containsExactly("EXCEPTIONAL:Ерекше жағдайда");
    }

    /** A match says which beginning of its last word the entry names (the rest is inflection), when the entry says. */
    @Test
    void aMatchNamesTheStemOfItsLastWord() {
        Lexicon lex = Lexicon.builder()
                .add(Language.KK, "STATE_BODY", "f", List.of("орган*", "лауазымды адам*"))
                .add(Language.KK, "BURDEN", "f", List.of("құжаттар", "\"қосымша\""))
                .build();
        List<String> found = lex.match(TokenizedText.analyze("Кірістер органына лауазымды адамдар қосымша құжаттарды береді", Language.KK))
                .stream().map(m -> m.concept() + ":" + m.lastWordStem()).toList();
        assertThat(found).containsExactlyInAnyOrder("STATE_BODY:орган", "STATE_BODY:адам", "BURDEN:қосымша", "BURDEN:құжаттар");
    }

    @Test
    void problemsNameFileLineAndColumn() {
        assertThatThrownBy(() -> Lexicon.builder()
                .add(Language.RU, "X", "ru/X.txt", List.of("ok", "  <NOPE> слово", "? слово"))
                .build())
                .isInstanceOf(LexiconException.class)
                .satisfies(e -> assertThat(((LexiconException) e).problems()).extracting(LexiconProblem::toString)
                        .containsExactly("ru/X.txt:2:3: unknown concept <NOPE> (no ru/NOPE.txt)",
                                "ru/X.txt:3:1: an entry cannot start or end with '?'"));
    }

    @Test
    void anEntryTheAnalyserReducesToNothingIsAnError() {
        assertThatThrownBy(() -> Lexicon.builder().add(Language.EN, "P", "en/P.txt", List.of("—")).build())
                .hasMessageContaining("en/P.txt:1:1:").hasMessageContaining("can never match");
    }

    @Test
    void conceptNamesMustBeUpperSnakeCase() {
        assertThatThrownBy(() -> Lexicon.builder().add(Language.EN, "lower", "en/lower.txt", List.of("x")).build())
                .hasMessageContaining("UPPER_SNAKE_CASE");
    }
}
