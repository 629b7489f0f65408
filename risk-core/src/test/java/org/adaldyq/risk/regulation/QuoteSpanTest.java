package org.adaldyq.risk.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.adaldyq.risk.regulation.fact.Trigger;
import org.junit.jupiter.api.Test;

/**
 * A finding quotes the words of its hit from the quoted trigger on; words of the hit just before it join the
 * quote when nothing but a space, comma or dash stands between (Kazakh puts the action before the modal).
 */
class QuoteSpanTest {

    /** A trigger on words of {@code text} (runs of letters and digits), given as word indexes (first, last). */
    private static Trigger on(String text, String concept, int firstWord, int lastWord, int sentence) {
        List<int[]> words = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[\\p{L}\\p{N}]+").matcher(text);
        while (m.find()) {
            words.add(new int[] {m.start(), m.end()});
        }
        int start = words.get(firstWord)[0];
        int end = words.get(lastWord)[1];
        return new Trigger(concept, 0, "1", start, end, text.substring(start, end), firstWord, lastWord, sentence, false);
    }

    private static String quote(String text, List<Trigger> hit) {
        Trigger quoted = hit.get(0);
        int start = RegulationScanner.joinedBefore(text, hit, quoted, quoted.getStart(), quoted.getEnd());
        return text.substring(start, quoted.getEnd());
    }

    @Test
    void theActionBeforeAKazakhModalJoinsTheQuote() {
        String text = "Уәкілетті орган лицензияның қолданылуын тоқтата тұруға құқылы.";
        // words: 0 Уәкілетті 1 орган 2 лицензияның 3 қолданылуын 4 тоқтата 5 тұруға 6 құқылы
        Trigger modal = on(text, "OPTIONAL_VERB", 6, 6, 0);
        Trigger stop = on(text, "AFFECTING_ACTION", 4, 4, 0);
        Trigger auxiliary = on(text, "AFFECTING_ACTION", 5, 5, 0);
        assertThat(quote(text, List.of(modal, stop, auxiliary))).isEqualTo("тоқтата тұруға құқылы");
    }

    @Test
    void onlyWordsRightBeforeTheQuoteJoin() {
        String text = "Агенттік мынадай жеңілдіктерді бере алады";
        Trigger modal = on(text, "OPTIONAL_VERB", 4, 4, 0);
        Trigger action = on(text, "AFFECTING_ACTION", 3, 3, 0);
        Trigger body = on(text, "STATE_BODY", 0, 0, 0);
        // a word stands between the body and the action: the body stays out
        assertThat(quote(text, List.of(modal, action, body))).isEqualTo("бере алады");
        Trigger object = on(text, "AFFECTING_ACTION", 2, 2, 0);
        assertThat(quote(text, List.of(modal, action, object))).isEqualTo("жеңілдіктерді бере алады");
    }

    @Test
    void aCommaJoinsButABracketOrAnotherSentenceDoesNot() {
        String comma = "в порядке, установленном Правительством";
        assertThat(quote(comma, List.of(on(comma, "DELEGATION_FORMULA", 2, 3, 0), on(comma, "DELEGATED_MATTER", 1, 1, 0))))
                .isEqualTo("порядке, установленном Правительством");
        String bracket = "о приостановлении деятельности) может";
        assertThat(quote(bracket, List.of(on(bracket, "OPTIONAL_VERB", 3, 3, 0), on(bracket, "AFFECTING_ACTION", 2, 2, 0))))
                .isEqualTo("может");
        String twoSentences = "Лицензия береді. Орган құқылы";
        assertThat(quote(twoSentences, List.of(on(twoSentences, "OPTIONAL_VERB", 3, 3, 1), on(twoSentences, "AFFECTING_ACTION", 1, 1, 0))))
                .isEqualTo("құқылы");
    }
    @Test
    void aRussianQuoteTakesThePrepositionThatGovernsItsFirstWord() {
        String text = "Лицензия выдается в порядке, установленном Правительством, без уважительных причин.";
        int order = text.indexOf("порядке");
        assertThat(text.substring(RegulationScanner.withPreposition(text, order))).startsWith("в порядке");
        int reasons = text.indexOf("уважительных");
        assertThat(text.substring(RegulationScanner.withPreposition(text, reasons))).startsWith("без уважительных");
        // a word ending in a preposition's letters is no preposition; nor is a word two spaces away
        String noun = "Комиссия вправе отказать";
        assertThat(RegulationScanner.withPreposition(noun, noun.indexOf("вправе"))).isEqualTo(noun.indexOf("вправе"));
        String far = "в  порядке";
        assertThat(RegulationScanner.withPreposition(far, far.indexOf("порядке"))).isEqualTo(far.indexOf("порядке"));
        assertThat(RegulationScanner.withPreposition("порядке", 0)).isZero();
    }
}
