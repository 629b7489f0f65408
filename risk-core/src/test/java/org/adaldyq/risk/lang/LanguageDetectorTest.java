package org.adaldyq.risk.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Агенттік мынадай жағдайларда келiсiм-шартты бұзуы мүмкiн:|kk",
        // Latin i for і only: no genuine Kazakh letter at all
        "Жеңiлдiктер мен преференциялар жүйесi|kk",
        "Осы Заң ресми жарияланған күнінен бастап қолданысқа енгізіледі.|kk",
        "Настоящий Закон вводится в действие с 1 января 2007 года.|ru",
        "Отказ в предоставлении водного объекта может быть обжалован в судебном порядке.|ru",
        "The Secretary may waive the requirements of this section.|en",
        "Congress finds that Route 66 was the first all-weather highway.|en",
    })
    void detectsOneSentence(String sentence, String code) {
        DetectedLanguage d = LanguageDetector.detect(sentence);
        assertThat(d.language().code()).isEqualTo(code);
        assertThat(d.confidence()).isGreaterThan(0.5);
    }

    @Test
    void aRussianTextQuotingOneKazakhWordStaysRussian() {
        DetectedLanguage d = LanguageDetector.detect(
                "Слово «мүмкін» в казахском тексте закона означает возможность, а не обязанность органа.");
        assertThat(d.language()).isEqualTo(Language.RU);
    }

    @Test
    void anEnglishTextQuotingRussianStaysEnglish() {
        DetectedLanguage d = LanguageDetector.detect(
                "The Russian term «вправе» means that the authority may act at its discretion.");
        assertThat(d.language()).isEqualTo(Language.EN);
    }

    @Test
    void noLettersMeansNoConfidence() {
        DetectedLanguage d = LanguageDetector.detect("1. 2) 3, 2007 — §", Language.KK);
        assertThat(d.language()).isEqualTo(Language.KK);
        assertThat(d.confidence()).isZero();
    }
}
