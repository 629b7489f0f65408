package org.adaldyq.risk.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words that differ between two texts: the longest common subsequence of their words, the rest marked
 * deleted or inserted. For showing a changed provision; texts longer than a few thousand words each are
 * shown as one deletion and one insertion rather than compared word by word.
 */
public final class WordDiff {

    /** Above this many word pairs the quadratic table is not built. */
    private static final long MAX_CELLS = 4_000_000L;
    /** A word with the spaces and punctuation after it: the unit compared and shown. */
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+[^\\p{L}\\p{N}]*|[^\\p{L}\\p{N}]+");

    /** What a piece of text is in the comparison. */
    public enum Op {
        /** In both texts. */
        SAME,
        /** Only in the old text. */
        DELETED,
        /** Only in the new text. */
        INSERTED
    }

    /**
     * A run of text with one operation.
     *
     * @param op   what it is
     * @param text the text, with its spaces
     */
    public record Piece(Op op, String text) {
    }

    private WordDiff() {
    }

    /**
     * The pieces that turn {@code before} into {@code after}, in order; consecutive pieces of one operation
     * are joined.
     *
     * @param before the old text
     * @param after  the new text
     * @return the pieces: the SAME and DELETED ones joined give {@code before}, the SAME and INSERTED ones
     *         {@code after}, but for the spaces after a word, which are those of either text
     */
    public static List<Piece> of(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        List<Piece> out = new ArrayList<>();
        if ((long) a.size() * b.size() > MAX_CELLS) {
            add(out, Op.DELETED, before);
            add(out, Op.INSERTED, after);
            return out;
        }
        List<String> ka = a.stream().map(String::strip).toList();
        List<String> kb = b.stream().map(String::strip).toList();
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = ka.get(i).equals(kb.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && ka.get(i).equals(kb.get(j))) {
                add(out, Op.SAME, a.get(i).length() > b.get(j).length() ? a.get(i) : b.get(j)); // keep a space either had
                i++;
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                add(out, Op.DELETED, a.get(i++));
            } else {
                add(out, Op.INSERTED, b.get(j++));
            }
        }
        return out;
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static void add(List<Piece> out, Op op, String text) {
        if (text.isEmpty()) {
            return;
        }
        int last = out.size() - 1;
        if (last >= 0 && out.get(last).op() == op) {
            out.set(last, new Piece(op, out.get(last).text() + text));
        } else {
            out.add(new Piece(op, text));
        }
    }
}
