package org.adaldyq.risk.structure;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adaldyq.risk.lang.Language;

/**
 * A provision's citation as a reader of the page's language writes it. Citations are kept in one form in
 * reports and JSON ({@code Article 12, part 2, point 3}, {@code sub-point 1)}); a Russian page shows
 * {@code Статья 12, часть 2, пункт 3}, a Kazakh one {@code 12-бап, 2-бөлік, 3-тармақ}. English, and
 * anything else (US sections, divisions), is shown as it is.
 */
public final class CitationText {
    private static final Pattern PART = Pattern.compile("([Aa]rticle|[Pp]art|[Pp]oint|[Ss]ub-point|[Pp]aragraph) ([^,\\s]+)");
    /** What follows the arrow of a quoted amendment: the inserted ({@code new}) or restated text, with or without its number. */
    private static final Pattern INSERTED = Pattern.compile("(new|amended) (.+)");

    private CitationText() {
    }

    /**
     * {@code citation} (a provision's citation as reports keep it) as a reader of {@code language} writes it.
     *
     * @param citation the citation, {@code Article 12, part 2, point 3}; null gives null
     * @param language the reader's language
     */
    public static String of(String citation, Language language) {
        if (citation == null || language == Language.EN) {
            return citation;
        }
        int arrow = citation.indexOf("→ ");
        String s = arrow < 0 ? levels(citation, language)
                : levels(citation.substring(0, arrow), language) + "→ " + inserted(citation.substring(arrow + 2), language);
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static String levels(String citation, Language language) {
        Matcher m = PART.matcher(citation);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String level = m.group(1).toLowerCase(Locale.ROOT);
            String word = language == Language.KK ? kazakh(level, m.group(2)) : russian(level) + " " + m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(word));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The text an amending provision inserts ({@code new Article 237-1, point 1}, {@code new text}) or restates
     * ({@code amended point 3}, {@code amended text}) as the page's language says it: «новый пункт 3», «пункт 3
     * в новой редакции», «жаңа мәтін», «жаңа редакциядағы 3-тармақ».
     */
    private static String inserted(String rest, Language language) {
        Matcher m = INSERTED.matcher(rest);
        if (!m.matches()) {
            return levels(rest, language);
        }
        boolean restated = m.group(1).equals("amended");
        boolean text = m.group(2).equals("text");
        if (language == Language.KK) {
            return (restated ? "жаңа редакциядағы " : "жаңа ") + (text ? "мәтін" : levels(m.group(2), language));
        }
        String what = text ? "текст" : levels(m.group(2), language);
        if (restated) {
            return what + " в новой редакции";
        }
        boolean feminine = what.startsWith("статья") || what.startsWith("часть");
        return (feminine ? "новая " : "новый ") + what;
    }

    private static String russian(String level) {
        return switch (level) {
            case "article" -> "статья";
            case "part" -> "часть";
            case "point" -> "пункт";
            case "sub-point" -> "подпункт";
            default -> "абзац";
        };
    }

    private static String kazakh(String level, String n) {
        return switch (level) {
            case "article" -> n + "-бап";
            case "part" -> n + "-бөлік";
            case "point" -> n + "-тармақ";
            case "sub-point" -> n + " тармақша";
            default -> n + "-абзац";
        };
    }
}
