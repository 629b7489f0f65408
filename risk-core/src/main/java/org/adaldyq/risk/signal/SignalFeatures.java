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
        return extract(language, body, bodyMatches, leadIn, leadInMatches, articleConcepts, null);
    }

    /**
     * As {@link #extract(Language, TokenizedText, List, TokenizedText, List, Set)}, keeping only the word,
     * bigram and character features {@code vocabulary} knows (null: all): a scan needs only the features
     * its models weigh, and a word's character n-grams are looked up once per word.
     */
    public static List<SignalFeature> extract(Language language, TokenizedText body, List<TermMatch> bodyMatches,
                                              TokenizedText leadIn, List<TermMatch> leadInMatches,
                                              Set<String> articleConcepts, Vocabulary vocabulary) {
        Map<String, SignalFeature> out = new LinkedHashMap<>();
        String lang = language.code();
        if (leadIn != null) {
            words(lang, leadIn, out, vocabulary);
            concepts("lk:", leadIn, leadInMatches, out, vocabulary);
            concepts("k:", leadIn, leadInMatches, out, vocabulary);
            put(out, "s:list", -1, -1);
        }
        words(lang, body, out, vocabulary);
        concepts("k:", body, bodyMatches, out, vocabulary);
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

    private static void words(String lang, TokenizedText text, Map<String, SignalFeature> out, Vocabulary vocabulary) {
        List<Token> tokens = text.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (vocabulary == null || vocabulary.knowsWord(lang, t.term())) {
                put(out, "w:" + lang + ":" + t.term(), t.start(), t.end());
            }
            if (i + 1 < tokens.size() && tokens.get(i + 1).sentence() == t.sentence()) {
                Token u = tokens.get(i + 1);
                if (vocabulary == null || vocabulary.knowsBigram(lang, t.term(), u.term())) {
                    put(out, "b:" + lang + ":" + t.term() + " " + u.term(), t.start(), u.end());
                }
            }
            for (String c : vocabulary == null ? charGrams(lang, t.surface()) : vocabulary.charGrams(lang, t.surface())) {
                put(out, c, t.start(), t.end());
            }
        }
    }

    /** The character 4-gram features of a written word (padded with ^ and $), for words of 3 letters or more. */
    static List<String> charGrams(String lang, String surface) {
        String w = "^" + surface + "$";
        if (w.length() < 5) {
            return List.of();
        }
        List<String> out = new ArrayList<>(w.length() - 3);
        for (int k = 0; k + 4 <= w.length(); k++) {
            out.add("c:" + lang + ":" + w.substring(k, k + 4));
        }
        return out;
    }

    /**
     * The feature names some model weighs, with a bounded per-word cache of the character features among
     * them. Thread-safe.
     */
    public static final class Vocabulary {
        private static final int MAX_CACHED_WORDS = 50_000;
        private final Set<String> names;
        /** "lang:term" of the known word features, and "lang:first" → seconds of the known bigrams. */
        private final Set<String> words = new java.util.HashSet<>();
        private final Map<String, Set<String>> bigrams = new java.util.HashMap<>();
        private final Map<String, Set<String>> pairs = new java.util.HashMap<>();
        private final java.util.concurrent.ConcurrentHashMap<String, List<String>> charGramsByWord =
                new java.util.concurrent.ConcurrentHashMap<>();

        /** The vocabulary of these feature names (those of every model in use). */
        public Vocabulary(Set<String> names) {
            this.names = Set.copyOf(names);
            for (String n : this.names) {
                if (n.startsWith("w:")) {
                    words.add(n.substring(2));
                } else if (n.startsWith("b:")) {
                    int colon = n.indexOf(':', 2);
                    int space = n.indexOf(' ', colon + 1);
                    if (colon > 0 && space > 0) {
                        bigrams.computeIfAbsent(n.substring(2, space), k -> new java.util.HashSet<>()).add(n.substring(space + 1));
                    }
                } else if (n.startsWith("p:")) {
                    int gt = n.indexOf('>');
                    if (gt > 0) {
                        pairs.computeIfAbsent(n.substring(2, gt), k -> new java.util.HashSet<>()).add(n.substring(gt + 1));
                    }
                }
            }
        }

        /** True when some model weighs {@code feature}. */
        public boolean knows(String feature) {
            return names.contains(feature);
        }

        boolean knowsWord(String lang, String term) {
            return words.contains(lang + ":" + term);
        }

        boolean knowsBigram(String lang, String first, String second) {
            Set<String> s = bigrams.get(lang + ":" + first);
            return s != null && s.contains(second);
        }

        boolean hasPairs() {
            return !pairs.isEmpty();
        }

        boolean knowsPair(String a, String b) {
            Set<String> s = pairs.get(a);
            return s != null && s.contains(b);
        }

        List<String> charGrams(String lang, String surface) {
            String key = lang + ":" + surface;
            List<String> known = charGramsByWord.get(key);
            if (known == null) {
                known = SignalFeatures.charGrams(lang, surface).stream().filter(names::contains).toList();
                if (charGramsByWord.size() >= MAX_CACHED_WORDS) {
                    charGramsByWord.clear();
                }
                charGramsByWord.put(key, known);
            }
            return known;
        }
    }

    private static void concepts(String prefix, TokenizedText text, List<TermMatch> matches, Map<String, SignalFeature> out,
                                 Vocabulary vocabulary) {
        for (TermMatch m : matches) {
            put(out, prefix + m.concept(), m.start(), m.end());
        }
        if (!prefix.equals("k:") || (vocabulary != null && !vocabulary.hasPairs())) {
            return;
        }
        List<TermMatch> sorted = new ArrayList<>(matches);
        sorted.sort(Comparator.comparingInt(TermMatch::firstToken).thenComparing(TermMatch::concept));
        int limit = Math.min(sorted.size(), MAX_PAIR_MATCHES);
        for (int i = 0; i < limit; i++) {
            TermMatch a = sorted.get(i);
            for (int j = i + 1; j < limit; j++) {
                TermMatch b = sorted.get(j);
                if (b.sentence() != a.sentence() || b.concept().equals(a.concept())
                        || (vocabulary != null && !vocabulary.knowsPair(a.concept(), b.concept()))) {
                    continue;
                }
                put(out, "p:" + a.concept() + ">" + b.concept(), a.start(), Math.max(a.end(), b.end()));
            }
        }
    }

    private static void put(Map<String, SignalFeature> out, String name, int start, int end) {
        if (!out.containsKey(name)) {
            out.put(name, new SignalFeature(name, start, end));
        }
    }
}
