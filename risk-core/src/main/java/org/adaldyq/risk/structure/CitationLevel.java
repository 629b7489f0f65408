package org.adaldyq.risk.structure;

import java.util.List;
import java.util.Objects;

/**
 * One step of a provision's citation path: a kind of unit and its number as written in the act
 * ({@code "7"}, {@code "237-1"}, {@code "39.6"}, {@code "ч-1"}, {@code "a"}, {@code "iv"}).
 *
 * <p>Kazakh and Russian acts use {@link Kind#ARTICLE} (бап / статья), {@link Kind#PART} (бөлік / часть),
 * {@link Kind#POINT} (тармақ / пункт), {@link Kind#SUBPOINT} (тармақша / подпункт) and
 * {@link Kind#PARAGRAPH} for an unnumbered paragraph (абзац) counted from 1. US acts use
 * {@link Kind#DIVISION}, {@link Kind#SECTION} and the USLM levels below it, {@link Kind#SUBSECTION}
 * "(a)", {@link Kind#US_PARAGRAPH} "(1)", {@link Kind#SUBPARAGRAPH} "(A)", {@link Kind#CLAUSE} "(i)",
 * {@link Kind#SUBCLAUSE} "(I)", {@link Kind#ITEM} "(aa)", {@link Kind#SUBITEM} "(AA)".
 * {@link Kind#AMENDMENT} separates an amending provision from the text it inserts (number {@code new})
 * or restates (number {@code amended}). Chapters, titles and sections of codes are not in citations.
 */
public record CitationLevel(Kind kind, String number) {

    /** Kinds of citable units. */
    public enum Kind {
        /** A division of a US act ({@code Division H}). */
        DIVISION,
        /** An article: бап (kk), статья (ru). */
        ARTICLE,
        /** A section of a US act ({@code Section 3}). */
        SECTION,
        /** A part of an article: бөлік (kk), часть (ru). */
        PART,
        /** A point: тармақ (kk), пункт (ru). */
        POINT,
        /** A sub-point: тармақша (kk), подпункт (ru). */
        SUBPOINT,
        /** An unnumbered paragraph (абзац), counted from 1. */
        PARAGRAPH,
        /** A US subsection, "(a)". */
        SUBSECTION,
        /** A US paragraph, "(1)". */
        US_PARAGRAPH,
        /** A US subparagraph, "(A)". */
        SUBPARAGRAPH,
        /** A US clause, "(i)". */
        CLAUSE,
        /** A US subclause, "(I)". */
        SUBCLAUSE,
        /** A US item, "(aa)". */
        ITEM,
        /** A US subitem, "(AA)". */
        SUBITEM,
        /** Separates an amending provision from the text it inserts ({@code new}) or restates ({@code amended}). */
        AMENDMENT;

        /** True for the parenthesised levels below a US section: "(a)", "(1)", "(A)"… */
        public boolean isUsSubdivision() {
            return ordinal() >= SUBSECTION.ordinal() && ordinal() <= SUBITEM.ordinal();
        }
    }

    /** Requires a kind and a number. */
    public CitationLevel {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(number, "number");
    }

    /** The level {@code kind} numbered {@code number}. */
    public static CitationLevel of(Kind kind, String number) {
        return new CitationLevel(kind, number);
    }

    /**
     * The English citation of a path, as in the project's annotated data: {@code Article 7, point 1,
     * sub-point 3)}, {@code Article 12, part 2, point 3}, {@code Section 2(a)(1)}, {@code Paragraph 4},
     * {@code Article 1, point 1, sub-point 1) → new Article 237-1, point 1}.
     */
    public static String format(List<CitationLevel> path) {
        StringBuilder sb = new StringBuilder();
        Kind previous = null;
        boolean afterArrow = false;
        for (CitationLevel level : path) {
            Kind k = level.kind();
            if (k == Kind.AMENDMENT) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append("→ ").append(level.number());
                afterArrow = true;
                previous = k;
                continue;
            }
            String label = label(level);
            if (k.isUsSubdivision() && previous != null
                    && (previous == Kind.SECTION || previous.isUsSubdivision())) {
                sb.append(label);
            } else {
                if (afterArrow) {
                    sb.append(' ');
                    afterArrow = false;
                } else if (sb.length() > 0) {
                    sb.append(", ");
                }
                if (sb.length() == 0) {
                    label = Character.toUpperCase(label.charAt(0)) + label.substring(1);
                }
                sb.append(label);
            }
            previous = k;
        }
        if (afterArrow) {
            sb.append(" text");
        }
        return sb.toString();
    }

    private static String label(CitationLevel level) {
        String n = level.number();
        switch (level.kind()) {
            case DIVISION: return "Division " + n;
            case ARTICLE: return "Article " + n;
            case SECTION: return "Section " + n;
            case PART: return "part " + n;
            case POINT: return "point " + n;
            case SUBPOINT: return "sub-point " + n + ")";
            case PARAGRAPH: return "paragraph " + n;
            default: return "(" + n + ")";
        }
    }
}
