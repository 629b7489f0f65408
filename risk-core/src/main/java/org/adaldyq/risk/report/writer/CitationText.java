package org.adaldyq.risk.report.writer;

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
final class CitationText {
    private static final Pattern PART = Pattern.compile("(new )?(Article|part|point|sub-point|paragraph) ([^,\\s]+)|\\btext$");

    private CitationText() {
    }

    static String of(String citation, Language language) {
        if (citation == null || language == Language.EN) {
            return citation;
        }
        boolean kk = language == Language.KK;
        Matcher m = PART.matcher(citation);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().equals("text")) {
                replacement = kk ? "мәтіні" : "текст";
            } else {
                String n = m.group(3);
                String word = kk ? kazakh(m.group(2), n) : russian(m.group(2)) + " " + n;
                replacement = m.group(1) == null ? word : (kk ? "жаңа " : "новая ") + word;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        String s = out.toString();
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static String russian(String level) {
        return switch (level) {
            case "Article" -> "статья";
            case "part" -> "часть";
            case "point" -> "пункт";
            case "sub-point" -> "подпункт";
            default -> "абзац";
        };
    }

    private static String kazakh(String level, String n) {
        return switch (level) {
            case "Article" -> n + "-бап";
            case "part" -> n + "-бөлік";
            case "point" -> n + "-тармақ";
            case "sub-point" -> n + " тармақша";
            default -> n + "-абзац";
        };
    }
}
