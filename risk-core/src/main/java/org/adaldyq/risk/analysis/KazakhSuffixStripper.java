package org.adaldyq.risk.analysis;

import java.util.Arrays;
import java.util.Comparator;

/**
 * A light, rule-based stemmer for Kazakh: strips inflectional suffixes (plural, possessive, case,
 * common verbal and participial endings) from the end of a lower-cased, normalised word, longest
 * suffix first, as long as a stem of at least {@value #MIN_STEM} letters with a vowel remains.
 *
 * <p>Kazakh is agglutinative: «құжаттарды» = құжат + тар (plural) + ды (accusative). Matching needs
 * the stem, not the word. The stripper is deliberately conservative: it does not touch single-letter
 * suffixes except the possessive/accusative vowels after a stem of four letters or more, and it never
 * empties a word. It is applied to lexicon entries and to the text alike, so an over-stripped stem
 * still matches itself.
 */
public final class KazakhSuffixStripper {

    static final int MIN_STEM = 3;
    private static final int MAX_ROUNDS = 4;

    // Grouped by grammatical role for the reader; matching sorts them by length.
    private static final String[] SUFFIXES = sortedLongestFirst(
            // plural
            "лар", "лер", "дар", "дер", "тар", "тер",
            // possessive
            "ымыз", "іміз", "мыз", "міз", "ыңыз", "іңіз", "ңыз", "ңіз", "ың", "ің", "сы", "сі", "ым", "ім",
            // genitive, dative, accusative, locative, ablative, instrumental
            "ның", "нің", "дың", "дің", "тың", "тің",
            "ға", "ге", "қа", "ке", "на", "не", "ына", "іне", "сына", "сіне",
            "ны", "ні", "ды", "ді", "ты", "ті", "сын", "сін", "ын", "ін",
            "да", "де", "та", "те", "нда", "нде", "ында", "інде", "сында", "сінде",
            "дан", "ден", "тан", "тен", "нан", "нен", "ынан", "інен",
            "мен", "бен", "пен", "менен",
            // verbal nouns, participles, finite forms, passive/imperative
            "ған", "ген", "қан", "кен", "атын", "етін", "йтын", "йтін",
            "уы", "уі", "уға", "уге", "уын", "уін", "удың", "удің", "уда", "уде",
            "ады", "еді", "йды", "йді", "ылады", "іледі", "лады", "леді",
            "ылсын", "ілсін", "сын", "сін", "ылған", "ілген", "ылып", "іліп",
            "ып", "іп", "мақ", "мек", "бақ", "бек", "пақ", "пек",
            "атын", "етін",
            "ыл", "іл");

    /**
     * Agent nouns in -ушы/-уші («беруші» "giver", «өтініш беруші» "applicant") are nouns of their own:
     * stripped like a verb ending they would read as the verb («беру» "to give"). Their stem keeps the
     * suffix, and nothing is stripped from inside it.
     */
    private static final String[] AGENT_NOUN = {"ушы", "уші", "ушыл", "ушіл"};

    private static final String SINGLE_VOWELS = "ыіау";
    /**
     * Possessive accusative -ын/-ін is stripped only after a voiced б, г, ғ («құқығын», «талабын»): after
     * other letters these two letters are as often the end of a root («мүмкін», «орын»).
     */
    private static final java.util.Set<String> VOICED_ONLY = java.util.Set.of("ын", "ін");
    private static final String[] NONE = new String[0];

    /** The suffixes grouped by their last letter, longest first: a word is tested only against its own. */
    private static final java.util.Map<Character, String[]> BY_LAST_LETTER = new java.util.HashMap<>();

    static {
        java.util.Map<Character, java.util.List<String>> groups = new java.util.HashMap<>();
        for (String suffix : SUFFIXES) {
            groups.computeIfAbsent(suffix.charAt(suffix.length() - 1), k -> new java.util.ArrayList<>()).add(suffix);
        }
        groups.forEach((last, list) -> BY_LAST_LETTER.put(last, list.toArray(String[]::new)));
    }

    private KazakhSuffixStripper() {
    }

    /**
     * Strips suffixes from {@code buf[0..len)} in place and returns the new length. A stem left ending in
     * a voiced б, г, ғ after a vowel-initial suffix was stripped gets its written voiceless form back
     * (п, к, қ): Kazakh voices a final consonant before a vowel («талап» → «талабы», «тілек» → «тілегі»,
     * «құқық» → «құқығы»), so the stem of the inflected form is the one of the bare word.
     */
    public static int stem(char[] buf, int len) {
        int current = len;
        boolean voicedBeforeVowel = false;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            if (endsWithAgentNoun(buf, current)) {
                break;
            }
            int stripped = stripOnce(buf, current);
            if (stripped == current) {
                break;
            }
            voicedBeforeVowel = isVowel(buf[stripped]) && isVoicedAlternant(buf[stripped - 1]);
            current = stripped;
        }
        if (voicedBeforeVowel && isVoicedAlternant(buf[current - 1])) {
            buf[current - 1] = devoiced(buf[current - 1]);
        }
        return current;
    }

    private static boolean endsWithAgentNoun(char[] buf, int len) {
        for (String s : AGENT_NOUN) {
            if (len - s.length() >= MIN_STEM - 1 && endsWith(buf, len, s)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isVowel(char c) {
        return "аәеёиоөуұүыіэюя".indexOf(c) >= 0;
    }

    private static boolean isVoicedAlternant(char c) {
        return c == 'б' || c == 'г' || c == 'ғ';
    }

    private static char devoiced(char c) {
        return switch (c) {
            case 'б' -> 'п';
            case 'г' -> 'к';
            case 'ғ' -> 'қ';
            default -> c;
        };
    }

    /** The stem of a lower-cased, normalised word; the word itself when no suffix can be stripped. */
    public static String stem(String word) {
        char[] buf = word.toCharArray();
        return new String(buf, 0, stem(buf, buf.length));
    }

    private static int stripOnce(char[] buf, int len) {
        String[] candidates = len == 0 ? null : BY_LAST_LETTER.get(buf[len - 1]);
        for (String s : candidates == null ? NONE : candidates) {
            int stemLen = len - s.length();
            if (stemLen >= MIN_STEM && endsWith(buf, len, s) && hasVowel(buf, stemLen)
                    && (!VOICED_ONLY.contains(s) || isVoicedAlternant(buf[stemLen - 1]))) {
                return stemLen;
            }
        }
        if (len - 1 >= MIN_STEM + 1 && SINGLE_VOWELS.indexOf(buf[len - 1]) >= 0 && hasVowel(buf, len - 1)) {
            return len - 1;
        }
        return len;
    }

    private static boolean endsWith(char[] buf, int len, String suffix) {
        int off = len - suffix.length();
        for (int i = 0; i < suffix.length(); i++) {
            if (buf[off + i] != suffix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasVowel(char[] buf, int len) {
        for (int i = 0; i < len; i++) {
            if ("аәеёиоөуұүыіэюя".indexOf(buf[i]) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static String[] sortedLongestFirst(String... suffixes) {
        String[] copy = Arrays.stream(suffixes).distinct().toArray(String[]::new);
        Arrays.sort(copy, Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        return copy;
    }
}
