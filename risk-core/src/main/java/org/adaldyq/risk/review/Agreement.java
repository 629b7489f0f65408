package org.adaldyq.risk.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.adaldyq.risk.regulation.FactorCatalogue;

/**
 * Two experts' reviews of the same texts compared: on the provisions both reviewed, how often they give the same
 * factors, Cohen's kappa per factor and pooled over the factors, and the provisions where they differ, as a review
 * worksheet for a third expert to decide ({@link #adjudication}). A provision's factors are what its review line
 * holds after the review ({@link Review.Decision#factors()}: found, less struck, plus added), so a finding neither
 * expert decided on counts as kept by both. Provisions are matched by text file name, offset and words. Immutable.
 *
 * @param first        the first expert's review
 * @param second       the second expert's review
 * @param common       provisions in both reviews
 * @param onlyFirst    provisions in the first review only (another text, or another version of it)
 * @param onlySecond   provisions in the second review only
 * @param decidedBoth  common provisions on which both experts decided something
 * @param sameFactors  common provisions given the same factors by both
 * @param factors      per factor: how many provisions each expert gave it, how many both did, and kappa
 * @param pooledKappa  Cohen's kappa over every provision and factor together (null when it is undefined)
 * @param disputed     the common provisions whose factors differ, in the first review's order
 */
public record Agreement(Review first, Review second, int common, int onlyFirst, int onlySecond, int decidedBoth, int sameFactors,
                        List<FactorAgreement> factors, Double pooledKappa, List<Dispute> disputed) {

    /** Copies the lists. */
    public Agreement {
        factors = List.copyOf(factors);
        disputed = List.copyOf(disputed);
    }

    /**
     * One factor's agreement over the common provisions.
     *
     * @param code   the factor code
     * @param first  provisions the first expert gave it
     * @param second provisions the second expert gave it
     * @param both   provisions both gave it
     * @param kappa  Cohen's kappa of "has the factor" (null when undefined: neither or both gave it to every provision)
     */
    public record FactorAgreement(String code, int first, int second, int both, Double kappa) {
    }

    /**
     * A provision the experts disagree on.
     *
     * @param first  the first expert's line
     * @param second the second expert's line
     */
    public record Dispute(Review.Decision first, Review.Decision second) {

        /** The factors one expert gave the provision and the other did not. */
        public Set<String> codes() {
            Set<String> codes = new TreeSet<>(first.factors());
            codes.addAll(second.factors());
            Set<String> shared = new TreeSet<>(first.factors());
            shared.retainAll(second.factors());
            codes.removeAll(shared);
            return codes;
        }
    }

    /**
     * Compares two reviews.
     *
     * @param first     one expert's review
     * @param second    the other's
     * @param catalogue the factors compared: its provision-level ones, and any other either expert gave
     */
    public static Agreement of(Review first, Review second, FactorCatalogue catalogue) {
        Map<String, Review.Decision> a = byProvision(first);
        Map<String, Review.Decision> b = byProvision(second);
        Set<String> codes = new TreeSet<>();
        catalogue.codes().stream().filter(c -> catalogue.get(c).map(f -> !f.documentLevel()).orElse(true)).forEach(codes::add);
        a.values().forEach(d -> codes.addAll(d.factors()));
        b.values().forEach(d -> codes.addAll(d.factors()));
        int common = 0;
        int decidedBoth = 0;
        int same = 0;
        List<Dispute> disputed = new ArrayList<>();
        Map<String, int[]> cells = new LinkedHashMap<>(); // per code: first only, second only, both, neither
        codes.forEach(c -> cells.put(c, new int[4]));
        for (Map.Entry<String, Review.Decision> e : a.entrySet()) {
            Review.Decision other = b.get(e.getKey());
            if (other == null) {
                continue;
            }
            Review.Decision mine = e.getValue();
            common++;
            decidedBoth += mine.decided() && other.decided() ? 1 : 0;
            if (mine.factors().equals(other.factors())) {
                same++;
            } else {
                disputed.add(new Dispute(mine, other));
            }
            for (String code : codes) {
                boolean x = mine.factors().contains(code);
                boolean y = other.factors().contains(code);
                cells.get(code)[x && y ? 2 : x ? 0 : y ? 1 : 3]++;
            }
        }
        List<FactorAgreement> factors = new ArrayList<>();
        int[] pooled = new int[4];
        for (Map.Entry<String, int[]> e : cells.entrySet()) {
            int[] c = e.getValue();
            factors.add(new FactorAgreement(e.getKey(), c[0] + c[2], c[1] + c[2], c[2], kappa(c)));
            for (int i = 0; i < 4; i++) {
                pooled[i] += c[i];
            }
        }
        return new Agreement(first, second, common, a.size() - common, b.size() - common, decidedBoth, same, factors, kappa(pooled),
                disputed);
    }

    /**
     * One line of the adjudicated review: the provision's decision, and on a disputed provision what each expert
     * decided on each factor they differ on ({@code dispute}, for the third expert; empty elsewhere).
     *
     * @param decision the line
     * @param dispute  factor code → what the two experts decided on it (with their notes)
     */
    public record Adjudicated(Review.Decision decision, Map<String, String> dispute) {

        /** Copies the map. */
        public Adjudicated {
            dispute = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dispute));
        }
    }

    /**
     * The review for a third expert to finish, whole: where the experts agree, their decisions together (the factors
     * both give, the confirmations and notes of either); a provision only one reviewed, that one's line; a disputed
     * provision as scanned (its factors found, nothing decided), with what each expert decided on each disputed
     * factor, in the provision's language. The third expert decides the disputed provisions (edits their {@code factors}, or loads the file in the
     * annotated page); the file is then the review ({@code scan --review FILE}).
     *
     * @param firstName  how the disputes name the first expert (the review's file name, say)
     * @param secondName how they name the second
     */
    public List<Adjudicated> adjudication(String firstName, String secondName) {
        Map<String, Review.Decision> a = byProvision(first);
        Map<String, Review.Decision> b = byProvision(second);
        List<Adjudicated> lines = new ArrayList<>();
        for (Map.Entry<String, Review.Decision> e : a.entrySet()) {
            Review.Decision mine = e.getValue();
            Review.Decision other = b.get(e.getKey());
            if (other == null) {
                lines.add(new Adjudicated(mine, Map.of()));
            } else if (mine.factors().equals(other.factors())) {
                lines.add(new Adjudicated(together(mine, other), Map.of()));
            } else {
                Map<String, String> dispute = new LinkedHashMap<>();
                for (String code : new Dispute(mine, other).codes()) {
                    dispute.put(code, firstName + ": " + said(mine, code) + " / " + secondName + ": " + said(other, code));
                }
                lines.add(new Adjudicated(new Review.Decision(mine.act(), mine.start(), mine.end(), mine.provision(), mine.language(),
                        mine.text(), mine.found(), Set.of(), Set.of(), Set.of()), dispute));
            }
        }
        b.forEach((k, d) -> {
            if (!a.containsKey(k)) {
                lines.add(new Adjudicated(d, Map.of()));
            }
        });
        return lines;
    }

    /** Two lines that give a provision the same factors, as one: either's confirmations, both notes. */
    static Review.Decision together(Review.Decision a, Review.Decision b) {
        Set<String> confirmed = new TreeSet<>(a.confirmed());
        confirmed.addAll(b.confirmed());
        Set<String> struck = new TreeSet<>(a.struck());
        struck.addAll(b.struck());
        Map<String, String> notes = new java.util.TreeMap<>(a.notes());
        b.notes().forEach((code, note) -> notes.merge(code, note, (x, y) -> x.equals(y) ? x : joined(x, y)));
        return new Review.Decision(a.act(), a.start(), a.end(), a.provision(), a.language(), a.text(), a.found(), confirmed, struck,
                a.added(), notes);
    }

    /** Two notes as one, within a note's length. */
    private static String joined(String x, String y) {
        String both = x + " / " + y;
        return both.length() > Review.MAX_NOTE ? both.substring(0, Review.MAX_NOTE - 1) + "…" : both;
    }

    /** What an expert did with a factor, in the words of the provision's language: added, struck out, confirmed, left, not given. */
    private static final Map<org.adaldyq.risk.lang.Language, List<String>> SAID = Map.of(
            org.adaldyq.risk.lang.Language.EN, List.of("adds it", "strikes it out", "confirms it", "leaves it as found", "does not give it"),
            org.adaldyq.risk.lang.Language.RU, List.of("добавляет", "исключает", "подтверждает", "оставляет как выявлено", "не указывает"),
            org.adaldyq.risk.lang.Language.KK, List.of("қосады", "алып тастайды", "растайды", "анықталғандай қалдырады", "көрсетпейді"));

    /** What one expert did with a factor of a provision, with the expert's note, in the provision's language. */
    static String said(Review.Decision d, String code) {
        List<String> words = SAID.getOrDefault(d.language(), SAID.get(org.adaldyq.risk.lang.Language.EN));
        String what = words.get(d.added().contains(code) ? 0 : d.struck().contains(code) ? 1 : d.confirmed().contains(code) ? 2
                : d.found().contains(code) ? 3 : 4);
        String note = d.notes().get(code);
        return note == null ? what : what + " («" + note + "»)";
    }

    /** Each provision's line, by text file name, offset and words (a later line on one provision replaces an earlier). */
    static Map<String, Review.Decision> byProvision(Review review) {
        Map<String, Review.Decision> lines = new LinkedHashMap<>();
        for (Review.Decision d : review.lines()) {
            lines.put(d.act() + "@" + d.start() + "\n" + d.text(), d);
        }
        return lines;
    }

    /** Cohen's kappa of a 2×2 table (first only, second only, both, neither); null when undefined. */
    private static Double kappa(int[] c) {
        double n = c[0] + c[1] + c[2] + c[3];
        if (n == 0) {
            return null;
        }
        double observed = (c[2] + c[3]) / n;
        double first = (c[0] + c[2]) / n;
        double second = (c[1] + c[2]) / n;
        double expected = first * second + (1 - first) * (1 - second);
        return expected == 1 ? null : (observed - expected) / (1 - expected);
    }
}
