package org.adaldyq.risk.index;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Turns the highlighter's best passage into a {@link Snippet} with the match offsets as they are (no markup
 * in the text), merging overlapping or touching matches into one span.
 */
final class SnippetFormatter extends PassageFormatter {

    @Override
    public Object format(Passage[] passages, String content) {
        if (passages.length == 0) {
            return null;
        }
        Passage p = passages[0];
        List<Snippet.Span> spans = new ArrayList<>();
        for (int i = 0; i < p.getNumMatches(); i++) {
            int s = p.getMatchStarts()[i];
            int e = p.getMatchEnds()[i];
            if (!spans.isEmpty() && s <= spans.get(spans.size() - 1).end()) {
                Snippet.Span last = spans.remove(spans.size() - 1);
                spans.add(new Snippet.Span(last.start(), Math.max(last.end(), e)));
            } else {
                spans.add(new Snippet.Span(s, e));
            }
        }
        return new Snippet(content.substring(p.getStartOffset(), p.getEndOffset()), p.getStartOffset(), spans);
    }
}
