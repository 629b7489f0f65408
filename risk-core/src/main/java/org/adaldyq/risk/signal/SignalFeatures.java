package org.adaldyq.risk.signal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.lexicon.TermMatch;
import org.adaldyq.risk.lexicon.Token;
import org.adaldyq.risk.lexicon.TokenizedText;

/**
 * Turns an analysed provision into the features the factor models read. The same code serves training
 * and scanning, so a model always sees features made the way it was trained on.
 *
 * <ul>
 *   <li>{@code w:<lang>:<stem>} — every analysed word (Lucene chain: normalisation, stemming);</li>
 *   <li>{@code b:<lang>:<stem> <stem>} — adjacent words in one clause;</li>
 *   <li>{@code c:<lang>:<4-gram>} — character 4-grams of the written word, padded ({@code ^ $}): catch
 *       forms the stemmer leaves apart (Kazakh voicing at suffix boundaries, aspect pairs);</li>
 *   <li>{@code k:<CONCEPT>} — lexicon concepts found (language-independent), {@code lk:} in the lead-in;</li>
 *   <li>{@code p:<A>><B>} — concept A before concept B in one clause: who acts, what is negated, what
 *       follows the modal verb (the subject and role features);</li>
 *   <li>{@code a:<CONCEPT>} — a concept found elsewhere in the article (a deadline, an appeal);</li>
 *   <li>{@code s:...} — structure: list item with lead-in, length bucket, language;</li>
 *   <li>{@code h:<FACTOR>}, {@code r:<rule id>} — what the trigger rules concluded on the provision
 *       (the model learns how far to trust each rule, and in which words).</li>
 * </ul>
 */
public final class SignalFeatures {

    /** Version of the feature set; a model trained on another version is refused. */
    public static final String VERSION = "f2";

    private static final int MAX_PAIR_MATCHES = 40;

    private SignalFeatures() {
    }

    /**
     * The features of one provision.
     *
     * @param body             the provision's own text, analysed
     * @param bodyMatches      lexicon matches in it
     * @param leadIn           the lead-in words, analysed, or null
     * @param leadInMatches    lexicon matches in the lead-in (empty when none)
     * @param articleConcepts  concepts found in the other provisions of its article
     */
    public static List<SignalFeature> extract(Language language, TokenizedText body, List<TermMatch> bodyMatches,
                                              TokenizedText leadIn, List<TermMatch> leadInMatches,
                                              Set<String> articleConcepts) {
        Map<String, SignalFeature> out = new LinkedHashMap<>();
        String lang = language.code();
        if (leadIn != null) {
            words(lang, leadIn, out);
            concepts("lk:", leadIn, leadInMatches, out);
            concepts("k:", leadIn, leadInMatches, out);
            put(out, "s:list", -1, -1);
        }
        words(lang, body, out);
        concepts("k:", body, bodyMatches, out);
        for (String c : articleConcepts) {
            put(out, "a:" + c, -1, -1);
        }
        int n = body.size() + (leadIn == null ? 0 : leadIn.size());
        put(out, "s:len:" + (n <= 8 ? "xs" : n <= 20 ? "s" : n <= 50 ? "m" : n <= 120 ? "l" : "xl"), -1, -1);
        put(out, "s:lang:" + lang, -1, -1);
        return new ArrayList<>(out.values());
    }

    /** The trigger rules' conclusions on one provision, located at their first trigger. */
    public static List<SignalFeature> ruleHits(List<org.adaldyq.risk.regulation.fact.FactorHit> hits) {
        Map<String, SignalFeature> out = new LinkedHashMap<>();
        List<org.adaldyq.risk.regulation.fact.FactorHit> sorted = new ArrayList<>(hits);
        sorted.sort(Comparator.comparing(org.adaldyq.risk.regulation.fact.FactorHit::getRuleId)
                .thenComparingInt(h -> h.getTriggers().get(0).getStart()));
        for (org.adaldyq.risk.regulation.fact.FactorHit h : sorted) {
            var t = h.getTriggers().get(0);
            put(out, "h:" + h.getFactor(), t.getStart(), t.getEnd());
            put(out, "r:" + h.getRuleId(), t.getStart(), t.getEnd());
        }
        return new ArrayList<>(out.values());
    }

    private static void words(String lang, TokenizedText text, Map<String, SignalFeature> out) {
        List<Token> tokens = text.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            put(out, "w:" + lang + ":" + t.term(), t.start(), t.end());
            if (i + 1 < tokens.size() && tokens.get(i + 1).sentence() == t.sentence()) {
                Token u = tokens.get(i + 1);
                put(out, "b:" + lang + ":" + t.term() + " " + u.term(), t.start(), u.end());
            }
            String w = "^" + t.surface() + "$";
            if (w.length() >= 5) {
                for (int k = 0; k + 4 <= w.length(); k++) {
                    put(out, "c:" + lang + ":" + w.substring(k, k + 4), t.start(), t.end());
                }
            }
        }
    }

    private static void concepts(String prefix, TokenizedText text, List<TermMatch> matches, Map<String, SignalFeature> out) {
        for (TermMatch m : matches) {
            put(out, prefix + m.concept(), m.start(), m.end());
        }
        if (!prefix.equals("k:")) {
            return;
        }
        List<TermMatch> sorted = new ArrayList<>(matches);
        sorted.sort(Comparator.comparingInt(TermMatch::firstToken).thenComparing(TermMatch::concept));
        int limit = Math.min(sorted.size(), MAX_PAIR_MATCHES);
        for (int i = 0; i < limit; i++) {
            TermMatch a = sorted.get(i);
            for (int j = i + 1; j < limit; j++) {
                TermMatch b = sorted.get(j);
                if (b.sentence() != a.sentence() || b.concept().equals(a.concept())) {
                    continue;
                }
                put(out, "p:" + a.concept() + ">" + b.concept(), a.start(), Math.max(a.end(), b.end()));
            }
        }
    }

    private static void put(Map<String, SignalFeature> out, String name, int start, int end) {
        out.putIfAbsent(name, new SignalFeature(name, start, end));
    }
}
