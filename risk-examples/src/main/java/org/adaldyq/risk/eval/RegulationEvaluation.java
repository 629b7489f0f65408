package org.adaldyq.risk.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.regulation.ConfidenceTable;
import org.adaldyq.risk.regulation.RegulationScanner;
import org.adaldyq.risk.signal.FactorModel;
import org.adaldyq.risk.signal.FactorModels;
import org.adaldyq.risk.signal.SignalFeature;
import org.adaldyq.risk.structure.DocumentReader;
import org.adaldyq.risk.structure.ParsedDocument;
import org.adaldyq.risk.train.LabelledProvision;

/**
 * Scores the regulation scanner on labelled provisions: each provision is scanned as its own text, three
 * ways — the rules alone (signal off), the trained models alone (each model's own threshold), and both as
 * shipped (rules weighing the signal) — and the factor codes found are compared with the labels.
 * Document-level factors are not labelled per provision and are left out. Confidence intervals come from
 * a seeded bootstrap over provisions.
 */
public final class RegulationEvaluation {

    /** How the factors are found. */
    public enum Mode {
        /** Trigger rules and guards only. */
        RULES,
        /** The trained models only, each at its own threshold. */
        MODEL,
        /** The shipped engine: rules and signal together. */
        HYBRID
    }

    /**
     * One labelled provision and what each mode found in it; {@code rules}: for each factor the trigger rules
     * found alone, the ids of the rules that found it; {@code confidence}: the confidence of each factor the
     * shipped engine found (a factor the confidence table has no row for is not in it).
     */
    public record Case(LabelledProvision labelled, Map<Mode, Set<String>> found, Map<String, Set<String>> rules,
                       Map<String, Double> confidence) {

        public Set<String> expected() {
            return labelled.factors();
        }

        public Set<String> found(Mode mode) {
            return found.get(mode);
        }

        public Language language() {
            return labelled.language();
        }

        public Set<String> missed(Mode mode) {
            Set<String> s = new TreeSet<>(expected());
            s.removeAll(found(mode));
            return s;
        }

        public Set<String> extra(Mode mode) {
            Set<String> s = new TreeSet<>(found(mode));
            s.removeAll(expected());
            return s;
        }

        /**
         * What the shipped engine found with a confidence of at least {@code min}: what {@code scan
         * --min-confidence} keeps (a finding with no confidence is kept).
         */
        public Set<String> foundAt(double min) {
            Set<String> s = new TreeSet<>(found(Mode.HYBRID));
            s.removeIf(code -> confidence.containsKey(code) && confidence.get(code) < min);
            return s;
        }
    }

    /**
     * How often one trigger rule was right, by provision: {@code right} / {@code wrong} count the provisions
     * where it found its factor and the labels have / have not got it; {@code onlyRight} / {@code onlyWrong}
     * those where no other rule found that factor, so switching the rule off would lose the finding. What a
     * rule author reads to see which rule costs more than it finds.
     */
    public record RuleCounts(Language language, String rule, String factor, int right, int wrong, int onlyRight, int onlyWrong) {

        public double precision() {
            return right + wrong == 0 ? 0 : (double) right / (right + wrong);
        }
    }

    /** Per language and rule (rules alone), ordered by language, then by what switching it off would save. */
    public static List<RuleCounts> byRule(List<Case> cases) {
        record Key(Language language, String rule, String factor) {
        }
        Map<Key, int[]> counts = new java.util.HashMap<>();
        for (Case c : cases) {
            c.rules().forEach((factor, ids) -> {
                boolean right = c.expected().contains(factor);
                for (String id : ids) {
                    int[] n = counts.computeIfAbsent(new Key(c.language(), id, factor), k -> new int[4]);
                    n[right ? 0 : 1]++;
                    if (ids.size() == 1) {
                        n[right ? 2 : 3]++;
                    }
                }
            });
        }
        List<RuleCounts> out = new ArrayList<>();
        counts.forEach((k, n) -> out.add(new RuleCounts(k.language(), k.rule(), k.factor(), n[0], n[1], n[2], n[3])));
        out.sort(java.util.Comparator.comparing(RuleCounts::language)
                .thenComparingInt(r -> r.onlyRight() - r.onlyWrong()).thenComparing(RuleCounts::rule).thenComparing(RuleCounts::factor));
        return out;
    }

    /** True/false positives and false negatives. */
    public record Counts(int tp, int fp, int fn) {

        public double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        public double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }

        public double f1() {
            return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }

        /** Examples of the factor in the labels. */
        public int support() {
            return tp + fn;
        }
    }

    /** A 95% interval of a measure. */
    public record Interval(double low, double high) {
    }

    private RegulationEvaluation() {
    }

    /** Scans every labelled provision three ways. */
    public static List<Case> run(RegulationScanner scanner, DocumentReader reader, List<LabelledProvision> data) {
        RegulationScanner rulesOnly = scanner.withModels(FactorModels.none());
        List<Case> out = new ArrayList<>();
        for (LabelledProvision p : data) {
            ParsedDocument doc = reader.read(p.text(), p.id(), p.language());
            Map<Mode, Set<String>> found = new EnumMap<>(Mode.class);
            Map<String, Set<String>> rules = new TreeMap<>();
            rulesOnly.scan(doc).findings().forEach(f -> rules.computeIfAbsent(f.code(), k -> new TreeSet<>()).add(f.ruleId()));
            rules.keySet().removeAll(LabelledProvision.DOCUMENT_LEVEL);
            found.put(Mode.RULES, new TreeSet<>(rules.keySet()));
            List<Finding> shipped = scanner.scan(doc).findings();
            found.put(Mode.HYBRID, codes(shipped));
            Map<String, Double> confidence = new TreeMap<>();
            shipped.stream().filter(f -> f.confidence() != null).forEach(f -> confidence.put(f.code(), f.confidence()));
            Set<String> model = new TreeSet<>();
            for (List<SignalFeature> features : scanner.signalFeatures(doc)) {
                for (FactorModel m : scanner.models().all()) {
                    if (m.score(features).score() >= m.threshold()) {
                        model.add(m.factor());
                    }
                }
            }
            found.put(Mode.MODEL, model);
            out.add(new Case(p, found, rules, confidence));
        }
        return out;
    }

    private static Set<String> codes(List<Finding> findings) {
        Set<String> codes = new TreeSet<>();
        findings.forEach(f -> codes.add(f.code()));
        codes.removeAll(LabelledProvision.DOCUMENT_LEVEL);
        return codes;
    }

    /** Counts over the cases, for one factor or (null) micro over all factors. */
    public static Counts counts(List<Case> cases, Mode mode, String factor) {
        return counts(cases, c -> c.found(mode), factor);
    }

    /**
     * Micro counts over the cases of what the shipped engine found with a confidence of at least {@code min}
     * (see {@link Case#foundAt}); the labels it no longer finds count as missed.
     */
    public static Counts countsAt(List<Case> cases, double min) {
        return counts(cases, c -> c.foundAt(min), null);
    }

    /**
     * The confidence table of the shipped engine's findings on {@code cases}: for each language the cases
     * have and each factor of {@code factors}, the findings right and wrong against the labels (provision
     * level, as {@link #counts}), smoothed towards the language's micro precision p with the weight of
     * {@code k} findings ({@link ConfidenceTable#smoothed}); a factor with no findings gets p. The set of a
     * row is the split (or splits, joined by {@code +}) of its language's cases.
     */
    public static List<ConfidenceTable.Row> confidenceRows(List<Case> cases, Set<String> factors, double k) {
        List<ConfidenceTable.Row> rows = new ArrayList<>();
        for (Language lang : Language.values()) {
            List<Case> inLang = where(cases, c -> c.language() == lang);
            if (inLang.isEmpty()) {
                continue;
            }
            double p = counts(inLang, Mode.HYBRID, null).precision();
            Set<String> splits = new TreeSet<>();
            inLang.forEach(c -> splits.add(c.labelled().split()));
            String set = String.join("+", splits);
            for (String factor : new TreeSet<>(factors)) {
                Counts c = counts(inLang, Mode.HYBRID, factor);
                rows.add(new ConfidenceTable.Row(lang, factor, c.tp(), c.fp(), ConfidenceTable.smoothed(c.tp(), c.fp(), p, k), set,
                        "measured"));
            }
        }
        return rows;
    }

    /**
     * The pair rows of a confidence table: per pair of languages whose twins are among {@code cases}, the
     * findings both versions carry (each against its own version's labels, every factor together), right and
     * wrong, smoothed towards the precision of all findings of the twinned provisions with the weight of
     * {@code k} findings. None when no provision has its twin.
     */
    public static List<ConfidenceTable.PairRow> pairConfidenceRows(List<Case> cases, double k) {
        Map<String, Language[]> pairs = new TreeMap<>();
        for (Case[] t : twins(cases)) {
            if (t[0].language() != t[1].language()) {
                pairs.putIfAbsent(ConfidenceTable.pairKey(t[0].language(), t[1].language()), new Language[] {t[0].language(), t[1].language()});
            }
        }
        List<Case> twinned = twinned(cases);
        List<Case> both = withTwins(cases, false);
        List<ConfidenceTable.PairRow> rows = new ArrayList<>();
        for (Language[] pair : pairs.values()) {
            java.util.function.Predicate<Case> inPair = x -> x.language() == pair[0] || x.language() == pair[1];
            double p = counts(where(twinned, inPair), Mode.HYBRID, null).precision();
            List<Case> agreed = where(both, inPair);
            Counts right = counts(agreed, Mode.HYBRID, null);
            Set<String> splits = new TreeSet<>();
            agreed.forEach(x -> splits.add(x.labelled().split()));
            rows.add(ConfidenceTable.PairRow.of(pair[0], pair[1], right.tp(), right.fp(),
                    ConfidenceTable.smoothed(right.tp(), right.fp(), p, k), String.join("+", splits), "measured"));
        }
        return rows;
    }

    private static Counts counts(List<Case> cases, java.util.function.Function<Case, Set<String>> foundBy, String factor) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Case c : cases) {
            Set<String> found = foundBy.apply(c);
            Set<String> codes = new TreeSet<>(c.expected());
            codes.addAll(found);
            for (String code : codes) {
                if (factor != null && !factor.equals(code)) {
                    continue;
                }
                boolean exp = c.expected().contains(code);
                boolean got = found.contains(code);
                if (exp && got) {
                    tp++;
                } else if (got) {
                    fp++;
                } else {
                    fn++;
                }
            }
        }
        return new Counts(tp, fp, fn);
    }

    /**
     * Percentile bootstrap (2.5%, 97.5%) of precision, recall and F1: {@code resamples} draws of the
     * cases with replacement, seeded, so the same data gives the same interval.
     */
    public static Interval[] bootstrap(List<Case> cases, Mode mode, String factor, int resamples, long seed) {
        if (cases.isEmpty()) {
            return new Interval[] {new Interval(0, 0), new Interval(0, 0), new Interval(0, 0)};
        }
        // Per case counts once, then resample the counts.
        int[][] per = new int[cases.size()][];
        for (int i = 0; i < cases.size(); i++) {
            Counts c = counts(List.of(cases.get(i)), mode, factor);
            per[i] = new int[] {c.tp(), c.fp(), c.fn()};
        }
        Random random = new Random(seed);
        double[][] values = new double[3][resamples];
        for (int r = 0; r < resamples; r++) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int i = 0; i < per.length; i++) {
                int[] x = per[random.nextInt(per.length)];
                tp += x[0];
                fp += x[1];
                fn += x[2];
            }
            Counts c = new Counts(tp, fp, fn);
            values[0][r] = c.precision();
            values[1][r] = c.recall();
            values[2][r] = c.f1();
        }
        Interval[] out = new Interval[3];
        for (int k = 0; k < 3; k++) {
            java.util.Arrays.sort(values[k]);
            out[k] = new Interval(values[k][(int) Math.floor(0.025 * (resamples - 1))],
                    values[k][(int) Math.ceil(0.975 * (resamples - 1))]);
        }
        return out;
    }

    /** The cases one predicate keeps (a language, a split). */
    public static List<Case> where(List<Case> cases, Predicate<Case> keep) {
        return cases.stream().filter(keep).toList();
    }

    /**
     * The kk/ru twins (field {@code pair}) both present, each scored against its own labels with what the
     * modes found in it and in its twin: their union ({@code union}: all that {@code scan --pair} reports) or
     * only what both versions carry (the findings {@code scan --pair} does not mark as one version's).
     * Provisions without a twin in the data are left out.
     */
    public static List<Case> withTwins(List<Case> cases, boolean union) {
        return withTwins(cases, union ? Twinned.UNION : Twinned.BOTH);
    }

    /** How the findings of a version and of its twin combine ({@link #withTwins(List, Twinned)}). */
    public enum Twinned {
        /** All findings of the pair. */
        UNION,
        /** The findings both versions carry. */
        BOTH,
        /** The findings this version has and its twin has not: those {@code scan --pair} marks as one version's. */
        THIS_ONLY
    }

    /**
     * The kk/ru twins (field {@code pair}) both present, each scored against its own labels with its findings
     * and its twin's combined as {@code how} says. Provisions without a twin in the data are left out.
     */
    public static List<Case> withTwins(List<Case> cases, Twinned how) {
        List<Case> out = new ArrayList<>();
        for (Case[] t : twins(cases)) {
            Case c = t[0];
            Case twin = t[1];
            Map<Mode, Set<String>> paired = new EnumMap<>(Mode.class);
            c.found().forEach((mode, found) -> {
                Set<String> both = new TreeSet<>(found);
                switch (how) {
                    case UNION -> both.addAll(twin.found(mode));
                    case BOTH -> both.retainAll(twin.found(mode));
                    case THIS_ONLY -> both.removeAll(twin.found(mode));
                }
                paired.put(mode, both);
            });
            Map<String, Double> confidence = new TreeMap<>(twin.confidence());
            confidence.putAll(c.confidence()); // a factor both versions found keeps this version's
            out.add(new Case(c.labelled(), paired, c.rules(), confidence));
        }
        return out;
    }

    /** The cases whose twin (field {@code pair}) is among the cases, as they are: each version scanned alone. */
    public static List<Case> twinned(List<Case> cases) {
        return twins(cases).stream().map(t -> t[0]).toList();
    }

    /** Each case whose twin (field {@code pair}) is among the cases, with that twin, in the cases' order. */
    private static List<Case[]> twins(List<Case> cases) {
        Map<String, Case> byId = new java.util.HashMap<>();
        cases.forEach(c -> byId.put(c.labelled().id(), c));
        List<Case[]> out = new ArrayList<>();
        for (Case c : cases) {
            Case twin = c.labelled().pair().isEmpty() ? null : byId.get(c.labelled().pair());
            if (twin != null) {
                out.add(new Case[] {c, twin});
            }
        }
        return out;
    }

    /**
     * kk/ru twins (field {@code pair}) both present: how many pairs, and in how many each mode found the
     * same factor set in both versions; the last number is the labels' own agreement.
     */
    public static int[] pairAgreement(List<Case> cases, Mode mode) {
        int pairs = 0;
        int same = 0;
        int goldSame = 0;
        for (Case[] t : twins(cases)) {
            Case c = t[0];
            Case twin = t[1];
            if (c.language() != Language.KK) {
                continue;
            }
            pairs++;
            same += c.found(mode).equals(twin.found(mode)) ? 1 : 0;
            goldSame += c.expected().equals(twin.expected()) ? 1 : 0;
        }
        return new int[] {pairs, same, goldSame};
    }
}
