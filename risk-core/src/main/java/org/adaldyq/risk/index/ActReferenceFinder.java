package org.adaldyq.risk.index;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adaldyq.risk.analysis.LegalTextAnalyzer;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.lexicon.Token;
import org.adaldyq.risk.lexicon.TokenizedText;

/**
 * Finds the references to other acts by title in a provision, and makes the keys that match a title to
 * them. A title cited in quotes is known whole; one cited without quotes («законом о недрах», «… туралы
 * заңында») has an open end (Russian, English: the words after «о», "on") or an open start (Kazakh: the
 * words before «туралы»), so it is matched by its longest prefix or suffix that is an indexed title.
 *
 * <p>The key of a title is its words analysed with the language's {@link LegalTextAnalyzer} (so case
 * endings and Latin look-alike letters do not matter), joined by spaces, after the language code.
 */
final class ActReferenceFinder {
    /** Words of an unquoted title tried at most. */
    static final int MAX_OPEN_WORDS = 12;

    private static final String QUOTE_OPEN = "[«\"“„]";
    private static final String QUOTE_CLOSE = "[»\"”“]";
    private static final String TITLE = "([^«»\"“”„]{3,250}?)";
    /** A Russian reference, read from its «закон…» on: quoted title (group 1) or open one (group 2). */
    private static final Pattern RU_AT = Pattern.compile("(?iu)(?:закон(?:ом|а|у|е|ы|ами|ов)?|законодательств(?:о|а|у|ом|е))(?![\\p{L}])"
            + "(?:\\s+(?:Республики\\s+Казахстан|Российской\\s+Федерации|РК|РФ)(?![\\p{L}]))?"
            // «от 17 апреля 1995 г.», «от 2 августа 1999 года N 466»: the date and number a citation may put before the title
            + "(?:(?:\\s+от\\s+[^«»\"“”„]{1,40}?)?\\s*" + QUOTE_OPEN + TITLE + QUOTE_CLOSE
            + "|\\s+((?:о|об)\\s+[^«»\"“”„,.;:()\\n]{3,250}))");
    /** What may stand between a Kazakh title and its «заң…»: the Republic's name, «Конституциялық». */
    private static final String KK_BEFORE_LAW = "\\s*(?:Қазақстан\\s+Республикасының\\s+)?(?:(?:Конституциялық|кодекс)\\p{L}*\\s+)?$";
    /** The words before a Kazakh «заң…»: a quoted title, read backwards from the law. */
    private static final Pattern KK_QUOTED = Pattern.compile("(?iu)" + QUOTE_OPEN + TITLE + QUOTE_CLOSE + KK_BEFORE_LAW);
    /** …or an unquoted one ending in «туралы», at most {@value #MAX_OPEN_WORDS} words. */
    private static final Pattern KK_OPEN = Pattern.compile("(?iu)((?:[^\\s«»\"“”„,.;:()]+\\s+){1," + MAX_OPEN_WORDS + "}туралы)" + KK_BEFORE_LAW);
    /** Words before a Kazakh «заң…» looked at. */
    private static final int KK_WINDOW = 300;
    /** An English reference, read from its "Law"/"Act" on: quoted title (group 1) or open one after "on" (group 2). */
    private static final Pattern EN_AT = Pattern.compile("(?u)(?:Law|Act)\\s+(?:of\\s+the\\s+Republic\\s+of\\s+Kazakhstan\\s+)?"
            + "(?:" + QUOTE_OPEN + TITLE + QUOTE_CLOSE + "|((?:on|about)\\s+[^,.;:()\\n]{3,250}))");

    private ActReferenceFinder() {
    }

    /** A reference as the index stores it: the title as written, and whether the provision quoted it whole. */
    record Found(String text, boolean quoted) {
        /** The stored form: {@code q<tab>text} or {@code o<tab>text}. */
        String stored() {
            return (quoted ? "q" : "o") + "\t" + text;
        }

        static Found parse(String stored) {
            int tab = stored.indexOf('\t');
            return new Found(stored.substring(tab + 1), stored.startsWith("q"));
        }
    }

    /**
     * The references to acts by title in {@code text}, each title once, in text order. The patterns are tried
     * only where the word for law stands (a plain scan for it first): every provision of a corpus passes
     * here, and few name a law.
     */
    static List<Found> find(String text, Language language) {
        Set<Found> out = new LinkedHashSet<>();
        switch (language) {
            case RU -> {
                Matcher m = RU_AT.matcher(text);
                for (int at = wordAt(text, "закон", 0); at >= 0; at = wordAt(text, "закон", at + 1)) {
                    if (m.region(at, text.length()).lookingAt()) {
                        add(out, m.group(1) != null ? m.group(1) : m.group(2), m.group(1) != null);
                    }
                }
            }
            case KK -> {
                for (int at = wordAt(text, "заң", 0); at >= 0; at = wordAt(text, "заң", at + 1)) {
                    String before = text.substring(Math.max(0, at - KK_WINDOW), at);
                    Matcher quoted = KK_QUOTED.matcher(before);
                    if (quoted.find()) {
                        add(out, quoted.group(1), true);
                    } else if (before.contains("туралы") || before.contains("ТУРАЛЫ")) {
                        Matcher open = KK_OPEN.matcher(before);
                        if (open.find()) {
                            add(out, open.group(1), false);
                        }
                    }
                }
            }
            case EN -> {
                Matcher m = EN_AT.matcher(text);
                for (int at = 0; at < text.length(); at++) {
                    char c = text.charAt(at);
                    if ((c == 'L' || c == 'A') && (at == 0 || !Character.isLetter(text.charAt(at - 1)))
                            && (text.startsWith("Law", at) || text.startsWith("Act", at)) && m.region(at, text.length()).lookingAt()) {
                        add(out, m.group(1) != null ? m.group(1) : m.group(2), m.group(1) != null);
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** The next offset from {@code from} where a word starts with {@code stem} (lower case given; any case matched), or -1. */
    private static int wordAt(String text, String stem, int from) {
        char first = stem.charAt(0);
        char upper = Character.toUpperCase(first);
        for (int i = from; i + stem.length() <= text.length(); i++) {
            char c = text.charAt(i);
            if ((c == first || c == upper) && (i == 0 || !Character.isLetter(text.charAt(i - 1))) && text.regionMatches(true, i, stem, 0, stem.length())) {
                return i;
            }
        }
        return -1;
    }

    private static void add(Set<Found> out, String title, boolean quoted) {
        String t = title.replaceAll("\\s+", " ").strip();
        if (!t.isEmpty()) {
            out.add(new Found(t, quoted));
        }
    }

    /** The key of a title: its analysed words after the language code. */
    static String key(String title, Language language) {
        return key(words(title, language), language);
    }

    /**
     * The keys a reference may match, the most words first: the whole title when quoted; else its prefixes
     * (Russian, English) or suffixes (Kazakh) of at most {@value #MAX_OPEN_WORDS} words, down to two words.
     */
    static List<String> candidateKeys(Found ref, Language language) {
        List<String> words = words(ref.text(), language);
        if (ref.quoted() || words.size() <= 1) {
            return words.isEmpty() ? List.of() : List.of(key(words, language));
        }
        List<String> keys = new ArrayList<>();
        int longest = Math.min(words.size(), MAX_OPEN_WORDS);
        for (int n = longest; n >= 2; n--) {
            keys.add(key(language == Language.KK ? words.subList(words.size() - n, words.size()) : words.subList(0, n), language));
        }
        return keys;
    }

    private static List<String> words(String title, Language language) {
        List<String> words = new ArrayList<>();
        for (Token t : TokenizedText.analyze(title, language).tokens()) {
            words.add(t.term());
        }
        return words;
    }

    private static String key(List<String> words, Language language) {
        return language.code() + ":" + String.join(" ", words);
    }
}
