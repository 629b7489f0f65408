package org.adaldyq.risk.structure;

import static org.assertj.core.api.Assertions.assertThat;

import org.adaldyq.risk.lang.Language;
import org.junit.jupiter.api.Test;

/** Citations on a Russian or Kazakh page read as a lawyer of that language writes them. */
class CitationTextTest {

    @Test
    void russianAndKazakhPagesShowCitationsInTheirLanguage() {
        assertThat(CitationText.of("Article 12, part 2, point 3", Language.RU)).isEqualTo("Статья 12, часть 2, пункт 3");
        assertThat(CitationText.of("Article 7, point 1, sub-point 3)", Language.RU)).isEqualTo("Статья 7, пункт 1, подпункт 3)");
        assertThat(CitationText.of("Article 12, part 2, point 3", Language.KK)).isEqualTo("12-бап, 2-бөлік, 3-тармақ");
        assertThat(CitationText.of("Article 7, point 1, sub-point 3)", Language.KK)).isEqualTo("7-бап, 1-тармақ, 3) тармақша");
        assertThat(CitationText.of("Article 1, point 1, sub-point 1) → new Article 237-1, point 1", Language.RU))
                .isEqualTo("Статья 1, пункт 1, подпункт 1) → новая статья 237-1, пункт 1");
        assertThat(CitationText.of("Article 3, paragraph 2", Language.KK)).isEqualTo("3-бап, 2-абзац");
    }

    /** The text a quoted amendment inserts or restates: no English word left on the page, Russian genders agreed. */
    @Test
    void insertedAndRestatedTextIsNamedInThePagesLanguage() {
        assertThat(CitationText.of("Article 1, point 2, sub-point 1) → new text", Language.KK))
                .isEqualTo("1-бап, 2-тармақ, 1) тармақша → жаңа мәтін");
        assertThat(CitationText.of("Point 3 → new text", Language.RU)).isEqualTo("Пункт 3 → новый текст");
        assertThat(CitationText.of("Point 3 → new Article 12-1, point 2", Language.KK)).isEqualTo("3-тармақ → жаңа 12-1-бап, 2-тармақ");
        assertThat(CitationText.of("Article 2 → new point 4", Language.RU)).isEqualTo("Статья 2 → новый пункт 4");
        assertThat(CitationText.of("Article 2 → new part 4", Language.RU)).isEqualTo("Статья 2 → новая часть 4");
        assertThat(CitationText.of("Article 2, point 1 → amended text", Language.RU)).isEqualTo("Статья 2, пункт 1 → текст в новой редакции");
        assertThat(CitationText.of("Article 2, point 1 → amended text", Language.KK)).isEqualTo("2-бап, 1-тармақ → жаңа редакциядағы мәтін");
        assertThat(CitationText.of("Article 2 → amended point 3", Language.RU)).isEqualTo("Статья 2 → пункт 3 в новой редакции");
        assertThat(CitationText.of("Article 2 → amended point 3", Language.KK)).isEqualTo("2-бап → жаңа редакциядағы 3-тармақ");
        assertThat(CitationText.of("Sub-point 3) → new text", Language.KK)).isEqualTo("3) тармақша → жаңа мәтін");
        assertThat(CitationText.of("Paragraph 2 → new sub-point 30-1)", Language.RU)).isEqualTo("Абзац 2 → новый подпункт 30-1)");
        assertThat(CitationText.of("Point 3 → new text", Language.EN)).isEqualTo("Point 3 → new text");
    }

    @Test
    void englishAndUnknownFormsStayAsTheyAre() {
        assertThat(CitationText.of("Section 2(a)(1)", Language.EN)).isEqualTo("Section 2(a)(1)");
        assertThat(CitationText.of("Article 12, point 2", Language.EN)).isEqualTo("Article 12, point 2");
        assertThat(CitationText.of("Preamble", Language.RU)).isEqualTo("Preamble");
        assertThat(CitationText.of(null, Language.RU)).isNull();
    }
}
