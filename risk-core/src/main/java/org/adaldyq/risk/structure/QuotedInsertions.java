package org.adaldyq.risk.structure;

import org.adaldyq.risk.structure.ProvisionSegmenter.Para;
import org.adaldyq.risk.structure.ProvisionSegmenter.Quote;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Text an amending act inserts in quotation marks («Статью 5 изложить в следующей редакции: "…"»): where
 * an amending lead-in is, where its quotation opens and closes across paragraphs (balanced marks of each
 * kind: "…", «…», “…”, „…“), and whether the quote restates a unit ({@code amended}) or adds one
 * ({@code new}). One per text; the segmenter segments each quote as a provision of its own.
 */
final class QuotedInsertions {
    private static final Pattern AMENDING = Pattern.compile(
            "(?iU)(мазмұндағы|редакцияда|толықтырылсын|жазылсын|следующего\\s+содержания|следующей\\s+редакции"
                    + "|изложить|дополнить|to read as follows|inserting|adding|the following)");
    private static final Pattern RESTATING = Pattern.compile("(?iU)(редакцияда|редакции|to read as follows)");

    private final String text;

    QuotedInsertions(String text) {
        this.text = text;
    }

    boolean isAmendingLeadIn(Para p) {
        return ProvisionSegmenter.endsWith(text, p, ':') && AMENDING.matcher(text.substring(p.bodyStart(), p.end())).find();
    }

    boolean opensQuote(Para p) {
        char c = text.charAt(p.bodyStart());
        return c == '"' || c == '«' || c == '“' || c == '„';
    }

    /** Index of the paragraph that closes the quotation opened at {@code k}, or -1. */
    int quoteEnd(List<Para> paras, int k) {
        char open = text.charAt(paras.get(k).bodyStart());
        int balance = 0;
        int firstCandidate = -1;
        int limit = Math.min(paras.size(), k + 2000);
        for (int j = k; j < limit; j++) {
            Para p = paras.get(j);
            for (int i = p.bodyStart(); i < p.end(); i++) {
                balance += delta(open, text.charAt(i), balance);
            }
            if (closingQuoteAt(p) >= 0) {
                boolean balanced = open == '"' ? balance % 2 == 0 : balance <= 0;
                if (balanced) {
                    return j;
                }
                if (firstCandidate < 0) {
                    firstCandidate = j;
                }
            }
        }
        return firstCandidate;
    }

    private static int delta(char open, char c, int balance) {
        switch (open) {
            case '"':
                return c == '"' ? 1 : 0;
            case '«':
                return c == '«' ? 1 : c == '»' ? -1 : 0;
            case '“':
                return c == '“' ? 1 : c == '”' ? -1 : 0;
            default: // „ … “
                return c == '„' ? 1 : c == '“' ? -1 : 0;
        }
    }

    /** Offset of the closing quotation mark at the end of a paragraph (before . ; ,), or -1. */
    private int closingQuoteAt(Para p) {
        int e = p.end();
        while (e > p.bodyStart() && (text.charAt(e - 1) == '.' || text.charAt(e - 1) == ';'
                || text.charAt(e - 1) == ',' || ProvisionSegmenter.isSpace(text.charAt(e - 1)))) {
            e--;
        }
        if (e > p.bodyStart()) {
            char c = text.charAt(e - 1);
            if (c == '"' || c == '»' || c == '”' || c == '“') {
                return e - 1;
            }
        }
        return -1;
    }

    Quote quote(Para first, Para last, Para instruction) {
        int start = first.bodyStart() + 1;
        int end = closingQuoteAt(last);
        if (end < start) {
            end = start;
        }
        String label = RESTATING.matcher(text.substring(instruction.bodyStart(), instruction.end())).find()
                ? "amended" : "new";
        return new Quote(start, end, label);
    }
}
