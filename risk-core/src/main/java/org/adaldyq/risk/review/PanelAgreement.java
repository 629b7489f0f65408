package org.adaldyq.risk.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.adaldyq.risk.regulation.FactorCatalogue;

/**
 * Three or more experts' reviews of the same texts compared, as a panel: on the provisions all of them reviewed,
 * how many got the same factors from everyone, Fleiss' kappa per factor and pooled over the factors, Cohen's kappa
 * of each pair of experts, and the provisions they differ on, as a review for the panel's chair to finish
 * ({@link #adjudication}: each factor a majority gives is kept, what each expert decided is named). A provision's
 * factors are what its line holds after the review ({@link Review.Decision#factors()}), as in {@link Agreement}.
 * Immutable.
 *
 * @param names       how the experts are named (their review files' names, say), in order
 * @param reviews     their reviews, in the same order
 * @param common      provisions every expert reviewed
 * @param unanimous   common provisions given the same factors by every expert
 * @param factors     per factor: how many provisions each expert gave it, and Fleiss' kappa
 * @param pooledKappa Fleiss' kappa over every common provision and factor together (null when undefined)
 * @param pairs       Cohen's pooled kappa of each pair of experts (first, second, kappa), on the provisions both reviewed
 * @param disputed    the common provisions the experts differ on: each expert's line, in the first review's order
 */
public record PanelAgreement(List<String> names, List<Review> reviews, int common, int unanimous, List<FactorPanel> factors,
                             Double pooledKappa, List<Pair> pairs, List<List<Review.Decision>> disputed) {

    /** Copies the lists. */
    public PanelAgreement {
        names = List.copyOf(names);
        reviews = List.copyOf(reviews);
        factors = List.copyOf(factors);
        pairs = List.copyOf(pairs);
        disputed = disputed.stream().map(List::copyOf).toList();
    }

    /**
     * One factor across the panel.
     *
     * @param code  the factor code
     * @param given per expert, the common provisions given it
     * @param kappa Fleiss' kappa of "has the factor" (null when undefined: every expert gave it to all, or to none)
     */
    public record FactorPanel(String code, List<Integer> given, Double kappa) {
        /** Copies the list. */
        public FactorPanel {
            given = List.copyOf(given);
        }
    }

    /**
     * Two experts of the panel.
     *
     * @param first  the first's index in {@link #names}
     * @param second the second's index
     * @param kappa  Cohen's kappa pooled over the factors, on the provisions both reviewed (null when undefined)
     */
    public record Pair(int first, int second, Double kappa) {
    }

    /**
     * Compares the reviews of a panel.
     *
     * @param names     how to name the experts, one per review
     * @param reviews   at least three reviews
     * @param catalogue the factors compared: its provision-level ones, and any other an expert gave
     */
    public static PanelAgreement of(List<String> names, List<Review> reviews, FactorCatalogue catalogue) {
        if (reviews.size() < 3 || names.size() != reviews.size()) {
            throw new IllegalArgumentException("a panel is three reviews or more, each with its name (two: Agreement.of)");
        }
        List<Map<String, Review.Decision>> lines = reviews.stream().map(Agreement::byProvision).toList();
        Set<String> codes = new TreeSet<>();
        catalogue.codes().stream().filter(c -> catalogue.get(c).map(f -> !f.documentLevel()).orElse(true)).forEach(codes::add);
        lines.forEach(m -> m.values().forEach(d -> codes.addAll(d.factors())));
        int n = reviews.size();
        int common = 0;
        int unanimous = 0;
        List<List<Review.Decision>> disputed = new ArrayList<>();
        Map<String, int[]> given = new LinkedHashMap<>();
        Map<String, double[]> fleiss = new LinkedHashMap<>(); // per code: sum of P_i, yes ratings, items
        codes.forEach(c -> {
            given.put(c, new int[n]);
            fleiss.put(c, new double[3]);
        });
        double[] pooled = new double[3];
        for (Map.Entry<String, Review.Decision> e : lines.get(0).entrySet()) {
            List<Review.Decision> all = new ArrayList<>();
            for (Map<String, Review.Decision> m : lines) {
                Review.Decision d = m.get(e.getKey());
                if (d == null) {
                    break;
                }
                all.add(d);
            }
            if (all.size() < n) {
                continue;
            }
            common++;
            if (all.stream().allMatch(d -> d.factors().equals(all.get(0).factors()))) {
                unanimous++;
            } else {
                disputed.add(all);
            }
            for (String code : codes) {
                int yes = 0;
                for (int r = 0; r < n; r++) {
                    if (all.get(r).factors().contains(code)) {
                        yes++;
                        given.get(code)[r]++;
                    }
                }
                double agreement = (yes * (yes - 1.0) + (n - yes) * (n - yes - 1.0)) / (n * (n - 1.0));
                for (double[] sums : List.of(fleiss.get(code), pooled)) {
                    sums[0] += agreement;
                    sums[1] += yes;
                    sums[2]++;
                }
            }
        }
        List<FactorPanel> factors = new ArrayList<>();
        for (String code : codes) {
            int[] g = given.get(code);
            factors.add(new FactorPanel(code, java.util.Arrays.stream(g).boxed().toList(), kappa(fleiss.get(code), n)));
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                pairs.add(new Pair(i, j, Agreement.of(reviews.get(i), reviews.get(j), catalogue).pooledKappa()));
            }
        }
        return new PanelAgreement(names, reviews, common, unanimous, factors, kappa(pooled, n), pairs, disputed);
    }

    /** Fleiss' kappa from the sum of the items' agreement, the yes ratings and the items, for {@code n} raters; null when undefined. */
    private static Double kappa(double[] sums, int n) {
        if (sums[2] == 0) {
            return null;
        }
        double observed = sums[0] / sums[2];
        double yes = sums[1] / (sums[2] * n);
        double expected = yes * yes + (1 - yes) * (1 - yes);
        return expected == 1 ? null : (observed - expected) / (1 - expected);
    }

    /**
     * The review for the panel's chair to finish, whole: a provision every expert gave the same factors, their
     * decisions together; a provision some expert did not review, the first line there is of it; a disputed provision
     * with the factors a majority of the panel gives (more than half) — added where the scanner did not find them,
     * struck out where it did and the majority does not give them — and, for each factor the experts differ on, what
     * each decided ({@link Agreement.Adjudicated#dispute()}), for the chair to confirm or change.
     */
    public List<Agreement.Adjudicated> adjudication() {
        List<Map<String, Review.Decision>> lines = reviews.stream().map(Agreement::byProvision).toList();
        Map<String, List<Review.Decision>> disputes = new LinkedHashMap<>();
        disputed.forEach(all -> disputes.put(all.get(0).act() + "@" + all.get(0).start() + "\n" + all.get(0).text(), all));
        List<Agreement.Adjudicated> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Map<String, Review.Decision> m : lines) {
            for (Map.Entry<String, Review.Decision> e : m.entrySet()) {
                if (!seen.add(e.getKey())) {
                    continue;
                }
                List<Review.Decision> all = disputes.get(e.getKey());
                if (all == null) {
                    List<Review.Decision> present = lines.stream().map(l -> l.get(e.getKey())).filter(java.util.Objects::nonNull).toList();
                    Review.Decision together = present.get(0);
                    for (Review.Decision d : present.subList(1, present.size())) {
                        together = d.factors().equals(together.factors()) ? Agreement.together(together, d) : together;
                    }
                    out.add(new Agreement.Adjudicated(together, Map.of()));
                } else {
                    out.add(majority(all));
                }
            }
        }
        return out;
    }

    /** A disputed provision's line: the factors a majority gives, and what each expert decided on each factor they differ on. */
    private Agreement.Adjudicated majority(List<Review.Decision> all) {
        Review.Decision first = all.get(0);
        Set<String> any = new TreeSet<>();
        all.forEach(d -> any.addAll(d.factors()));
        Set<String> kept = new TreeSet<>();
        Map<String, String> dispute = new LinkedHashMap<>();
        for (String code : any) {
            long yes = all.stream().filter(d -> d.factors().contains(code)).count();
            if (2 * yes > all.size()) {
                kept.add(code);
            }
            if (yes < all.size()) {
                List<String> said = new ArrayList<>();
                for (int r = 0; r < all.size(); r++) {
                    said.add(names.get(r) + ": " + Agreement.said(all.get(r), code));
                }
                dispute.put(code, String.join(" / ", said));
            }
        }
        Set<String> struck = new TreeSet<>(first.found());
        struck.removeAll(kept);
        Set<String> added = new TreeSet<>(kept);
        added.removeAll(first.found());
        return new Agreement.Adjudicated(new Review.Decision(first.act(), first.start(), first.end(), first.provision(), first.language(),
                first.text(), first.found(), Set.of(), struck, added), dispute);
    }
}
