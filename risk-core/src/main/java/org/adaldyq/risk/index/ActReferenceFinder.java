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
    private static final String RU_LAW = "(?:(?:федеральн|конституционн|кодекс)\\p{L}*\\s+)?(?:закон(?:ом|а|у|е|ы|ами|ов)?|законодательств(?:о|а|у|ом|е))"
            + "(?:\\s+(?:Республики\\s+Казахстан|Российской\\s+Федерации|РК|РФ))?";
    /** «от 17 апреля 1995 г.», «от 2 августа 1999 года N 466»: the date and number a citation may put before the title. */
    private static final String RU_DATE = "(?:\\s+от\\s+[^«»\"“”„]{1,40}?)?";
    private static final Pattern RU_QUOTED = Pattern.compile("(?iu)(?<![\\p{L}])" + RU_LAW + RU_DATE + "\\s*" + QUOTE_OPEN + TITLE + QUOTE_CLOSE);
    private static final Pattern RU_OPEN = Pattern.compile("(?iu)(?<![\\p{L}])" + RU_LAW + "\\s+((?:о|об)\\s+[^«»\"“”„,.;:()\\n]{3,250})");
    private static final String KK_LAW = "(?:Қазақстан\\s+Республикасының\\s+)?(?:(?:Конституциялық|кодекс)\\p{L}*\\s+)?заң\\p{L}*";
    private static final Pattern KK_QUOTED = Pattern.compile("(?iu)" + QUOTE_OPEN + TITLE + QUOTE_CLOSE + "\\s*" + KK_LAW);
    private static final Pattern KK_OPEN = Pattern.compile("(?iu)((?:[^\\s«»\"“”„,.;:()]+\\s+){1," + MAX_OPEN_WORDS + "}туралы)\\s+" + KK_LAW);
    private static final Pattern EN_QUOTED = Pattern.compile("(?u)\\b(?:Law|Act)\\s+(?:of\\s+the\\s+Republic\\s+of\\s+Kazakhstan\\s+)?"
            + QUOTE_OPEN + TITLE + QUOTE_CLOSE);
    private static final Pattern EN_OPEN = Pattern.compile("(?u)\\b(?:the\\s+)?Law\\s+(?:of\\s+the\\s+Republic\\s+of\\s+Kazakhstan\\s+)?"
            + "((?:on|about)\\s+[^,.;:()\\n]{3,250})");

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

    /** The references to acts by title in {@code text}, each title once, in text order. */
    static List<Found> find(String text, Language language) {
        if (!mayRefer(text, language)) {
            return List.of(); // most provisions name no law: skip the patterns (every provision of a corpus passes here)
        }
        Set<Found> out = new LinkedHashSet<>();
        switch (language) {
            case RU -> {
                add(out, RU_QUOTED.matcher(text), true);
                add(out, RU_OPEN.matcher(text), false);
            }
            case KK -> {
                add(out, KK_QUOTED.matcher(text), true);
                Matcher m = KK_OPEN.matcher(text);
                while (m.find()) {
                    // a quoted title ends in a quote, not in «туралы»: the open pattern sees only unquoted ones
                    out.add(new Found(m.group(1).strip(), false));
                }
            }
            case EN -> {
                add(out, EN_QUOTED.matcher(text), true);
                add(out, EN_OPEN.matcher(text), false);
            }
        }
        return new ArrayList<>(out);
    }

    /** Whether the text holds the word the patterns start from: «закон», «заң», "Law"/"Act" (as written or in capitals). */
    private static boolean mayRefer(String text, Language language) {
        return switch (language) {
            case RU -> text.contains("акон") || text.contains("АКОН");
            case KK -> text.contains("аң") || text.contains("АҢ");
            case EN -> text.contains("Law") || text.contains("Act") || text.contains("LAW") || text.contains("ACT");
        };
    }

    private static void add(Set<Found> out, Matcher m, boolean quoted) {
        while (m.find()) {
            String title = m.group(1).replaceAll("\\s+", " ").strip();
            if (!title.isEmpty()) {
                out.add(new Found(title, quoted));
            }
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
