package org.adaldyq.risk.lang;

import java.util.Locale;
import java.util.Set;

/**
 * Tells Kazakh, Russian and English apart, reliably even on a single sentence.
 *
 * <p>Statistical detectors trained on web text confuse Kazakh with Russian (same script) and are slow to
 * load; here the three languages are told apart by what distinguishes them in legal text:
 * <ol>
 *   <li>script: words in Latin letters against words in Cyrillic letters (a Cyrillic word with Latin
 *       look-alikes mixed in, as in {@code тiкелей}, counts as Cyrillic);</li>
 *   <li>among Cyrillic words, Kazakh evidence — the letters ә ғ қ ң ө ұ ү һ і, a Latin i/Y/h standing
 *       for one of them inside a Cyrillic word, or a frequent Kazakh word without them ({@code осы},
 *       {@code мен}, {@code туралы}) — against Russian evidence: frequent Russian words and Russian
 *       inflections ({@code -ость}, {@code -ого}, {@code -ается}).</li>
 * </ol>
 * Proportions of words decide, not the presence of one letter: a Russian text that quotes a Kazakh word
 * stays Russian. Stateless and thread-safe.
 */
public final class LanguageDetector {

    private static final Set<String> KAZAKH_WORDS = Set.of(
            "осы", "мен", "бен", "пен", "туралы", "бойынша", "мына", "мынадай", "мыналар", "немесе", "бар",
            "деген", "болса", "болып", "табылады", "жатады", "арасында", "сондай", "олар", "оның",
            "бап", "баптың", "заңы", "заңына", "заңның", "ережелер", "тарау", "мазмұндағы", "жылғы", "сатып",
            "алу", "ал", "да", "де", "та", "те");
    private static final Set<String> RUSSIAN_WORDS = Set.of(
            "и", "в", "во", "на", "не", "что", "с", "со", "по", "для", "от", "к", "ко", "о", "об", "или", "при",
            "из", "а", "но", "как", "это", "его", "ее", "её", "их", "также", "если", "то", "же", "до", "за",
            "под", "без", "может", "быть", "является", "настоящего", "настоящей", "настоящим", "статья",
            "статьи", "статьей", "закона", "законом", "федерации", "российской", "республики", "случае",
            "порядке", "который", "которые", "которая", "которых", "лица", "лицо", "органы", "органа", "орган",
            "вправе", "иные", "иных", "через", "после", "между", "только", "либо", "года", "году");
    private static final String[] RUSSIAN_ENDINGS = {
            "ость", "ости", "остью", "ание", "ания", "анию", "ении", "ение", "ения", "ением", "ого", "его",
            "ому", "ему", "ыми", "ими", "ться", "тся", "ает", "яет", "ует", "ают", "яют", "ной", "ный", "ная",
            "ное", "ные", "ных", "ский", "ская", "ское", "ских", "ской", "ции", "цию", "цией", "ства", "ство",
            "ств", "ами", "ями", "ется", "ится"};

    private LanguageDetector() {
    }

    /** Detects the language of {@code text}; with no letters at all, {@code RU} with confidence 0. */
    public static DetectedLanguage detect(CharSequence text) {
        return detect(text, Language.RU);
    }

    /** Detects the language of {@code text}; with no letters at all, {@code fallback} with confidence 0. */
    public static DetectedLanguage detect(CharSequence text, Language fallback) {
        int latinWords = 0;
        int cyrillicWords = 0;
        int kazakh = 0;
        int russian = 0;
        StringBuilder word = new StringBuilder(32);
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) {
                i++;
                continue;
            }
            word.setLength(0);
            boolean hasCyrillic = false;
            boolean hasLatin = false;
            boolean kazakhLetter = false;
            while (i < n && (Character.isLetter(text.charAt(i)) || isInnerHyphen(text, i))) {
                char d = text.charAt(i);
                if (KazakhNormalizer.isCyrillic(d)) {
                    hasCyrillic = true;
                    kazakhLetter |= isKazakhLetter(d);
                } else if (d < 0x80 && d != '-') {
                    hasLatin = true;
                }
                word.append(d);
                i++;
            }
            if (hasCyrillic) {
                cyrillicWords++;
                if (hasLatin) {
                    char[] w = word.toString().toCharArray();
                    KazakhNormalizer.normalize(w, 0, w.length);
                    for (char d : w) {
                        kazakhLetter |= isKazakhLetter(d);
                    }
                }
                String lower = word.toString().toLowerCase(Locale.ROOT);
                if (kazakhLetter || KAZAKH_WORDS.contains(lower)) {
                    kazakh++;
                } else if (RUSSIAN_WORDS.contains(lower) || hasRussianEnding(lower)) {
                    russian++;
                }
            } else if (hasLatin) {
                latinWords++;
            }
        }
        int words = latinWords + cyrillicWords;
        if (words == 0) {
            return new DetectedLanguage(fallback, 0.0);
        }
        if (latinWords > cyrillicWords) {
            return new DetectedLanguage(Language.EN, (double) latinWords / words);
        }
        double script = (double) cyrillicWords / words;
        // Laplace smoothing: one Kazakh letter in a one-word text is evidence, not certainty.
        if (kazakh > 0 && kazakh >= russian) {
            return new DetectedLanguage(Language.KK, script * (kazakh + 1.0) / (kazakh + russian + 2.0));
        }
        return new DetectedLanguage(Language.RU, script * (russian + 1.0) / (kazakh + russian + 2.0));
    }

    private static boolean isInnerHyphen(CharSequence text, int i) {
        return text.charAt(i) == '-' && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1))
                && i > 0 && Character.isLetter(text.charAt(i - 1));
    }

    static boolean isKazakhLetter(char c) {
        switch (c) {
            case 'ә': case 'Ә': case 'ғ': case 'Ғ': case 'қ': case 'Қ': case 'ң': case 'Ң': case 'ө': case 'Ө':
            case 'ұ': case 'Ұ': case 'ү': case 'Ү': case 'һ': case 'Һ': case 'і': case 'І':
                return true;
            default:
                return false;
        }
    }

    private static boolean hasRussianEnding(String lower) {
        if (lower.length() < 5) {
            return false;
        }
        for (String e : RUSSIAN_ENDINGS) {
            if (lower.endsWith(e)) {
                return true;
            }
        }
        return false;
    }
}
