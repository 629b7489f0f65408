package org.adaldyq.risk.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.adaldyq.risk.index.ActReferenceFinder.Found;
import org.adaldyq.risk.lang.Language;
import org.junit.jupiter.api.Test;

/** The reference patterns on sentences of the bundled acts (risk-core/src/test/resources/documents). */
class ActReferenceFinderTest {

    @Test
    void aRussianTitleInQuotesAfterTheLawsDate() {
        // kz-laws_rus_28811, article 1 point 2
        assertThat(ActReferenceFinder.find("2. В Закон Республики Казахстан от 17 апреля 1995 г. \"О лицензировании\" (Ведомости "
                + "Верховного Совета Республики Казахстан, 1995 г., N 3-4, ст. 37)", Language.RU))
                .containsExactly(new Found("О лицензировании", true));
    }

    @Test
    void aRussianTitleWithoutQuotesEndsAtThePunctuation() {
        // kz-laws_rus_104440, article 12 point 2; «законодательство» counts, «законодательный акт» does not
        assertThat(ActReferenceFinder.find("проводит ее экспертизу на соответствие законодательству Республики Казахстан о "
                + "государственной поддержке прямых инвестиций. По результатам", Language.RU))
                .containsExactly(new Found("о государственной поддержке прямых инвестиций", false));
        assertThat(ActReferenceFinder.find("требований законодательного акта Республики Казахстан о долевом участии", Language.RU)).isEmpty();
    }

    @Test
    void kazakhTitlesComeBeforeTheWordLaw() {
        // kz-laws_kaz_17717, the heading; kz-laws_kaz_104440, article 12 point 2
        assertThat(ActReferenceFinder.find("\"Қазақстан Республикасындағы арнайы экономикалық аймақтар туралы\" Қазақстан "
                + "Республикасының Заңына толықтырулар енгiзу туралы", Language.KK))
                .containsExactly(new Found("Қазақстан Республикасындағы арнайы экономикалық аймақтар туралы", true));
        List<Found> open = ActReferenceFinder.find("оның Қазақстан Республикасының тiкелей инвестицияларды мемлекеттiк қолдау туралы "
                + "заңдарына сәйкестiгiне сараптама жүргiзедi", Language.KK);
        assertThat(open).hasSize(1);
        assertThat(open.get(0).quoted()).isFalse();
        // an open title is tried by its suffixes, the longest first: the act's own title is among them
        assertThat(ActReferenceFinder.candidateKeys(open.get(0), Language.KK))
                .contains(ActReferenceFinder.key("Тiкелей инвестицияларды мемлекеттiк қолдау туралы", Language.KK));
    }

    @Test
    void titlesAreComparedByTheirAnalysedWords() {
        assertThat(ActReferenceFinder.key("О ГОСУДАРСТВЕННОЙ ПОДДЕРЖКЕ ПРЯМЫХ ИНВЕСТИЦИЙ", Language.RU))
                .isEqualTo(ActReferenceFinder.key("о государственной поддержке прямых инвестиций", Language.RU));
        // Latin look-alike letters (i for і) fold in Kazakh titles
        assertThat(ActReferenceFinder.key("Тiкелей инвестицияларды", Language.KK)).isEqualTo(ActReferenceFinder.key("Тікелей инвестицияларды", Language.KK));
    }

    @Test
    void anEnglishLawOn() {
        assertThat(ActReferenceFinder.find("in accordance with the Law on Public Procurement, the agency", Language.EN))
                .containsExactly(new Found("on Public Procurement", false));
    }
}
