package org.adaldyq.risk.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import org.adaldyq.risk.lang.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GrammaticalCaseTest {

    /** The phrase is words [from, to] of the sentence (0-based, inclusive). */
    @ParameterizedTest(name = "{0}: [{1}, {2}] oblique = {3}")
    @CsvSource(delimiter = '|', value = {
            "ru|Уполномоченный орган вправе отказать|0|1|false",
            "ru|Уполномоченному органу представляются документы|0|1|true",
            "ru|Документы направляются в уполномоченный орган|3|4|true",
            "ru|Льготы предоставляются Правительством|2|2|false",
            "ru|Решения органов местного самоуправления|1|1|true",
            "kk|Уәкілетті орган бас тартуға құқылы|0|1|false",
            "kk|Құжаттар уәкілетті органға беріледі|1|2|true",
            "kk|Өтініш уәкілетті органның шешімімен қаралады|1|2|false",
            "kk|Уәкілетті органнан жауап алынады|0|1|true",
            "en|The Secretary may deny the application|1|1|false",
            "en|The applicant shall submit to the Secretary a statement|5|5|true",
            "en|Regulations prescribed by the Secretary|4|4|false",
    })
    void obliqueCaseOrPreposition(String lang, String sentence, int from, int to, boolean oblique) {
        Language language = Language.fromCode(lang).orElseThrow();
        TokenizedText t = TokenizedText.analyze(sentence, language);
        assertThat(GrammaticalCase.oblique(t, from, to, language)).isEqualTo(oblique);
    }

    /**
     * Kazakh, with the stem of the last word known (from the lexicon entry that matched): the case is read in the
     * rest of the word only. «органы» is «орган» + the possessive «-ы», the head of «мемлекеттік кірістер органы»,
     * though «-ны» also ends an accusative after a vowel («комиссияны»); the stem tells them apart.
     */
    @ParameterizedTest(name = "{0} [{1}, {2}] stem {3}: oblique = {4}")
    @CsvSource(delimiter = '|', value = {
            "Мемлекеттік кірістер органы талап етуге құқылы|2|2|орган|false",
            "Мемлекеттік кірістер органы талап етуге құқылы|2|2||true",
            "Құжаттар бақылау органына беріледі|2|2|орган|true",
            "Салық органдары тексеру жүргізеді|1|1|орган|false",
            "Құжаттар салық органдарына беріледі|2|2|орган|true",
            "Уәкілетті органның шешімі|1|1|орган|false",
            "Лауазымды адам тексеруге құқылы|0|1|адам|false",
            "Шешім лауазымды адамға жіберіледі|1|2|адам|true",
            "Әкім комиссияны құрады|1|1|комиссия|true",
            "Комиссиясы шешім қабылдайды|0|0|комиссия|false",
    })
    void kazakhCaseAfterTheNamedStem(String sentence, int from, int to, String stem, boolean oblique) {
        TokenizedText t = TokenizedText.analyze(sentence, Language.KK);
        assertThat(GrammaticalCase.oblique(t, from, to, Language.KK, stem)).isEqualTo(oblique);
    }
}
