package org.adaldyq.risk.lexicon;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.adaldyq.risk.lang.KazakhNormalizer;
import org.adaldyq.risk.lang.Language;

/**
 * Whether a noun phrase stands in an oblique case — governed by a preposition, or (ru, kk) inflected for a
 * case other than the nominative — and so cannot be the subject that acts. «Уполномоченному органу
 * представляются документы» names the body the documents go to, not a body that acts; «уәкілетті органға»,
 * "to the Secretary" likewise. Read from the words as written: Russian marks case on the phrase's first
 * word (the adjective or the head noun), Kazakh on its last (suffixes); English and both others mark it
 * with a preposition before the phrase.
 *
 * <p>Kazakh suffixes are read after the stem the lexicon names when it names one: «органы» (орган + ы, «its body»,
 * the head of «мемлекеттік кірістер органы») is a nominative, though «-ны» ends an accusative after a vowel
 * («комиссияны»); «лауазымды» (an adjective in «-ды») is no accusative. Without a named stem the endings are
 * read on the whole word.
 *
 * <p>Only unambiguous endings count: a Russian «-а» or «-и» (genitive singular, or a nominative), «-ой»,
 * «-ей», the Russian instrumental (the agent of a passive) and the Kazakh genitive (the possessor of «құқығы бар» is the one who has the right) are read as possible
 * subjects.
 */
public final class GrammaticalCase {

    /**
     * Genitive, dative, accusative and prepositional endings. Not the instrumental: in a passive clause it
     * names the actor («Агентством могут предоставляться льготы», «устанавливается Правительством»).
     */
    private static final List<String> RU_OBLIQUE = List.of(
            "ого", "его", "ому", "ему", "ую", "юю", "ых", "их", "ам", "ям", "ах", "ях", "ов", "ев", "у", "ю");
    private static final List<String> KK_OBLIQUE = List.of(
            // dative, accusative, locative, ablative, instrumental
            "ға", "ге", "қа", "ке", "на", "не",
            "ны", "ні", "ды", "ді", "ты", "ті", "ын", "ін",
            "да", "де", "та", "те",
            "дан", "ден", "тан", "тен", "нан", "нен",
            "мен", "бен", "пен");
    private static final Set<String> RU_PREPOSITIONS = Set.of("в", "во", "на", "к", "ко", "от", "до", "для", "из", "с", "со",
            "у", "при", "через", "о", "об", "по", "за", "между", "перед", "без");
    private static final Set<String> EN_PREPOSITIONS = Set.of("to", "for", "from", "with", "of", "on", "upon", "against",
            "about", "towards", "toward", "before", "under", "between", "among");
    private static final Locale KK = Locale.forLanguageTag("kk");

    private GrammaticalCase() {
    }

    /**
     * @param tokens     the analysed words of the span the phrase stands in
     * @param firstToken index of the phrase's first word
     * @param lastToken  index of its last word
     */
    public static boolean oblique(TokenizedText tokens, int firstToken, int lastToken, Language language) {
        return oblique(tokens, firstToken, lastToken, language, null);
    }

    /**
     * As {@link #oblique(TokenizedText, int, int, Language)}, knowing which beginning of the last word is its stem
     * ({@code lastWordStem}, written as the analyser writes surfaces; null when unknown): then a Kazakh case ending
     * is looked for in the rest only.
     */
    public static boolean oblique(TokenizedText tokens, int firstToken, int lastToken, Language language, String lastWordStem) {
        if (firstToken > 0) {
            Token before = tokens.get(firstToken - 1);
            if (before.sentence() == tokens.get(firstToken).sentence()) {
                String word = before.surface();
                if ((language == Language.RU && RU_PREPOSITIONS.contains(word))
                        || (language == Language.EN && EN_PREPOSITIONS.contains(word))) {
                    return true;
                }
            }
        }
        return switch (language) {
            case RU -> endsWithAny(tokens.get(firstToken).surface(), RU_OBLIQUE);
            case KK -> kazakhOblique(KazakhNormalizer.normalize(tokens.get(lastToken).surface()).toLowerCase(KK), lastWordStem);
            case EN -> false;
        };
    }

    /** A Kazakh case ending after the stem when it is known (any ending of the rest), else on the whole word. */
    private static boolean kazakhOblique(String word, String stem) {
        if (stem != null && word.startsWith(stem)) {
            String rest = word.substring(stem.length());
            return KK_OBLIQUE.stream().anyMatch(rest::endsWith);
        }
        return endsWithAny(word, KK_OBLIQUE);
    }

    /** The word ends with one of the endings and keeps at least three letters before it. */
    private static boolean endsWithAny(String word, List<String> endings) {
        for (String e : endings) {
            if (word.endsWith(e) && word.length() - e.length() >= 3) {
                return true;
            }
        }
        return false;
    }
}
