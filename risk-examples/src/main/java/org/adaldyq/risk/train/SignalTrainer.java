package org.adaldyq.risk.train;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.adaldyq.risk.regulation.RegulationScanner;
import org.adaldyq.risk.signal.FactorModel;
import org.adaldyq.risk.signal.FactorModels;
import org.adaldyq.risk.signal.SignalFeature;
import org.adaldyq.risk.structure.DocumentReader;
import org.adaldyq.risk.structure.ParsedDocument;

/**
 * Trains one logistic-regression model per factor (liblinear-java, L1-regularised: sparse, small,
 * readable weights) on labelled provisions, picks its regularisation on the dev provisions, and the
 * thresholds with which the rules weigh it ({@code <FACTOR>.signal.accept}, {@code .veto}).
 *
 * <p>Why liblinear-java: a faithful Java port of LIBLINEAR (BSD-3), one small jar with no dependencies,
 * deterministic once its random generator is reset, and sparse linear models are what a few thousand
 * labelled provisions support; the weights it learns are plain data the library reads without it.
 */
public final class SignalTrainer {

    /** Factors need this many positive training provisions for a model. */
    static final int MIN_POSITIVES = 5;
    /** Features must occur in this many training provisions. */
    static final int MIN_DOCUMENT_FREQUENCY = 2;
    static final double[] C_GRID = {0.25, 0.5, 1, 2, 4, 8, 16};
    static final double[] ACCEPT_GRID = {0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1.01};
    static final double[] VETO_GRID = {0, 0.01, 0.02, 0.03, 0.05, 0.08, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7};

    /** A labelled provision with its features, the rules' codes (signal off) and, once trained, the models' scores. */
    public static final class Example {
        final LabelledProvision labelled;
        final List<List<SignalFeature>> provisions;
        final Set<String> features;
        final Set<String> ruleCodes;
        final Map<String, Double> scores = new HashMap<>();

        Example(LabelledProvision labelled, List<List<SignalFeature>> provisions, Set<String> ruleCodes) {
            this.labelled = labelled;
            this.provisions = provisions;
            this.features = new TreeSet<>();
            provisions.forEach(p -> p.forEach(f -> features.add(f.name())));
            this.ruleCodes = ruleCodes;
        }

        public LabelledProvision labelled() {
            return labelled;
        }

        public Set<String> ruleCodes() {
            return ruleCodes;
        }

        /** The model's score: the highest of the text's provisions. */
        double score(FactorModel m) {
            double best = 0;
            for (List<SignalFeature> p : provisions) {
                best = Math.max(best, m.probability(p));
            }
            return best;
        }
    }

    /** What training produced for one factor. */
    public record Trained(String factor, FactorModel model, double c, int positives, double modelThreshold,
                          double accept, double veto, double devModelF1, double devRulesF1, double devHybridF1) {

        /** The same model with its signal switched off (accept above 1, veto 0): the hybrid is the rules alone. */
        public Trained off() {
            return new Trained(factor, model, c, positives, modelThreshold, 1.01, 0, devModelF1, devRulesF1, devRulesF1);
        }
    }

    private SignalTrainer() {
    }

    /** Reads and analyses every labelled provision with the scanner (whose models are not used). */
    public static List<Example> featurize(RegulationScanner scanner, DocumentReader reader, List<LabelledProvision> data) {
        return featurize(scanner, reader, data, List.of());
    }

    /** As {@link #featurize(RegulationScanner, DocumentReader, List)}, leaving out features whose names start with {@code without}. */
    public static List<Example> featurize(RegulationScanner scanner, DocumentReader reader, List<LabelledProvision> data,
                                          List<String> without) {
        RegulationScanner rulesOnly = scanner.withModels(FactorModels.none());
        List<Example> out = new ArrayList<>();
        for (LabelledProvision p : data) {
            ParsedDocument doc = reader.read(p.text(), p.id(), p.language());
            Set<String> codes = new TreeSet<>();
            rulesOnly.scan(doc).findings().forEach(f -> codes.add(f.code()));
            codes.removeAll(LabelledProvision.DOCUMENT_LEVEL);
            List<List<SignalFeature>> features = scanner.signalFeatures(doc);
            if (!without.isEmpty()) {
                features = features.stream().map(f -> f.stream()
                        .filter(x -> without.stream().noneMatch(w -> x.name().startsWith(w))).toList()).toList();
            }
            out.add(new Example(p, features, codes));
        }
        return out;
    }

    /** Folds of the cross-validation that chooses C and the thresholds. */
    static final int FOLDS = 5;

    /** Weights smaller than this are left out of the model file (L2 leaves every feature a tiny weight). */
    static final double MIN_WEIGHT = 1e-3;

    /**
     * Trains every factor with enough positives. C, the model's own threshold and the rules' accept and
     * veto thresholds are chosen on out-of-fold scores: {@value #FOLDS} folds by act (no act in two folds),
     * so every provision is scored by a model that never saw its act; the shipped model is then fitted on
     * all the given provisions with the chosen C.
     */
    public static List<Trained> train(List<Example> data, Set<String> factors, String dataId, SolverType solver) {
        return train(data, factors, dataId, solver, e -> true);
    }

    /**
     * As {@link #train(List, Set, String, SolverType)}, with C and the thresholds chosen on the out-of-fold
     * scores of the examples {@code tuneOn} keeps only. The weights still learn from every example. What it
     * is for: the trigger rules were written while reading the corpus's train and dev provisions, so there
     * they are right far more often than on text nobody read; thresholds chosen there trust the rules too
     * much. Chosen on provisions the rules' authors never read (sets such as {@code calib}), they are set
     * by the rules' behaviour on new text.
     */
    public static List<Trained> train(List<Example> data, Set<String> factors, String dataId, SolverType solver,
                                      java.util.function.Predicate<Example> tuneOn) {
        Linear.disableDebugOutput();
        List<Integer> tuned = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            if (tuneOn.test(data.get(i))) {
                tuned.add(i);
            }
        }
        List<Example> tuning = tuned.stream().map(data::get).toList();
        List<String> acts = data.stream().map(SignalTrainer::actOf).distinct().sorted().toList();
        Map<String, Integer> foldOfAct = new HashMap<>();
        for (int i = 0; i < acts.size(); i++) {
            foldOfAct.put(acts.get(i), i % FOLDS);
        }
        int[] fold = data.stream().mapToInt(e -> foldOfAct.get(actOf(e))).toArray();
        List<List<Example>> trainOf = new ArrayList<>();
        List<Map<String, Integer>> vocabularyOf = new ArrayList<>();
        for (int k = 0; k < FOLDS; k++) {
            List<Example> t = new ArrayList<>();
            for (int i = 0; i < data.size(); i++) {
                if (fold[i] != k) {
                    t.add(data.get(i));
                }
            }
            trainOf.add(t);
            vocabularyOf.add(vocabulary(t));
        }
        Map<String, Integer> vocabulary = vocabulary(data);
        List<Trained> out = new ArrayList<>();
        for (String factor : new TreeSet<>(factors)) {
            int positives = (int) data.stream().filter(e -> e.labelled.factors().contains(factor)).count();
            if (positives < MIN_POSITIVES) {
                continue;
            }
            double bestC = C_GRID[0];
            double[] bestOp = {0.5, -1};
            double[] bestScores = null;
            for (double c : C_GRID) {
                double[] oof = new double[data.size()];
                for (int k = 0; k < FOLDS; k++) {
                    FactorModel m = fit(trainOf.get(k), vocabularyOf.get(k), factor, c, dataId, solver);
                    for (int i = 0; i < data.size(); i++) {
                        if (fold[i] == k) {
                            oof[i] = data.get(i).score(m);
                        }
                    }
                }
                double[] op = bestThreshold(tuning, tuned.stream().mapToDouble(i -> oof[i]).toArray(), factor);
                if (op[1] > bestOp[1] + 1e-9) {
                    bestC = c;
                    bestOp = op;
                    bestScores = oof;
                }
            }
            for (int i = 0; i < data.size(); i++) {
                data.get(i).scores.put(factor, bestScores[i]);
            }
            FactorModel fitted = fit(data, vocabulary, factor, bestC, dataId, solver);
            FactorModel model = new FactorModel(factor, fitted.trainedOn() + " C=" + bestC, fitted.bias(), fitted.weights(), bestOp[0]);
            double[] hybrid = bestHybrid(tuning, factor);
            out.add(new Trained(factor, model, bestC, positives, bestOp[0], hybrid[0], hybrid[1],
                    bestOp[1], f1(tuning, factor, i -> tuning.get(i).ruleCodes.contains(factor)), hybrid[2]));
        }
        return out;
    }

    private static String actOf(Example e) {
        return e.labelled.act().isEmpty() ? e.labelled.id() : e.labelled.act();
    }

    static Map<String, Integer> vocabulary(List<Example> train) {
        Map<String, Integer> df = new TreeMap<>();
        for (Example e : train) {
            e.features.forEach(f -> df.merge(f, 1, Integer::sum));
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : df.entrySet()) {
            if (e.getValue() >= MIN_DOCUMENT_FREQUENCY) {
                index.put(e.getKey(), index.size() + 1);
            }
        }
        return index;
    }

    static FactorModel fit(List<Example> train, Map<String, Integer> vocabulary, String factor, double c, String dataId,
                           SolverType solver) {
        Problem problem = new Problem();
        problem.l = train.size();
        problem.n = vocabulary.size() + 1;
        problem.bias = 1;
        problem.x = new Feature[train.size()][];
        problem.y = new double[train.size()];
        int positives = 0;
        for (int i = 0; i < train.size(); i++) {
            Example e = train.get(i);
            List<Feature> row = new ArrayList<>();
            for (String f : e.features) {
                Integer idx = vocabulary.get(f);
                if (idx != null) {
                    row.add(new FeatureNode(idx, 1.0));
                }
            }
            row.sort((a, b) -> Integer.compare(a.getIndex(), b.getIndex()));
            row.add(new FeatureNode(problem.n, 1.0));
            problem.x[i] = row.toArray(new Feature[0]);
            boolean pos = e.labelled.factors().contains(factor);
            problem.y[i] = pos ? 1 : -1;
            positives += pos ? 1 : 0;
        }
        double negatives = train.size() - positives;
        Parameter parameter = new Parameter(solver, c, 0.001);
        parameter.setWeights(new double[] {Math.min(10.0, Math.max(1.0, negatives / Math.max(1, positives))), 1.0}, new int[] {1, -1});
        Linear.resetRandom();
        Model model = Linear.train(problem, parameter);
        double[] w = model.getFeatureWeights();
        double sign = model.getLabels()[0] == 1 ? 1 : -1;
        Map<String, Double> weights = new TreeMap<>();
        for (Map.Entry<String, Integer> v : vocabulary.entrySet()) {
            double x = w[v.getValue() - 1] * sign;
            if (Math.abs(x) >= MIN_WEIGHT) {
                weights.put(v.getKey(), round(x));
            }
        }
        double bias = round(w[problem.n - 1] * sign);
        return new FactorModel(factor, dataId + " positives=" + positives + " of " + train.size() + " " + solver, bias, weights, 0.5);
    }

    /** Six significant digits: what the model file keeps, so the model in memory is the one written. */
    static double round(double v) {
        return Double.parseDouble(String.format(java.util.Locale.ROOT, "%.6g", v));
    }

    /** The score threshold with the best F1 of the model alone: {threshold, F1}. */
    static double[] bestThreshold(List<Example> dev, double[] scores, String factor) {
        double[] best = {0.5, -1};
        for (double t : ACCEPT_GRID) {
            double f = f1(dev, factor, i -> scores[i] >= t);
            if (f > best[1] + 1e-9) {
                best = new double[] {t, f};
            }
        }
        return best;
    }

    /**
     * The accept and veto thresholds with the best F1 of rules and signal together on dev: a rule's hit
     * stands when the score reaches veto; the score alone reports from accept. {accept, veto, F1}.
     * Ties keep the more conservative pair (signal alone reporting less, vetoing less).
     */
    static double[] bestHybrid(List<Example> dev, String factor) {
        double[] best = {1.01, 0, f1(dev, factor, i -> dev.get(i).ruleCodes.contains(factor))};
        for (int a = ACCEPT_GRID.length - 1; a >= 0; a--) {
            for (double veto : VETO_GRID) {
                double accept = ACCEPT_GRID[a];
                if (veto > accept) {
                    continue;
                }
                double f = f1(dev, factor, i -> hybrid(dev.get(i), factor, accept, veto));
                if (f > best[2] + 1e-9) {
                    best = new double[] {accept, veto, f};
                }
            }
        }
        return best;
    }

    static boolean hybrid(Example e, String factor, double accept, double veto) {
        double s = e.scores.getOrDefault(factor, 0.0);
        return (e.ruleCodes.contains(factor) && s >= veto) || s >= accept;
    }

    /** F1 of {@code found} (by index into {@code dev}) against the labels of one factor. */
    static double f1(List<Example> dev, String factor, java.util.function.IntPredicate found) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < dev.size(); i++) {
            boolean gold = dev.get(i).labelled.factors().contains(factor);
            boolean got = found.test(i);
            tp += gold && got ? 1 : 0;
            fp += !gold && got ? 1 : 0;
            fn += gold && !got ? 1 : 0;
        }
        return f1(tp, fp, fn);
    }

    static double f1(int tp, int fp, int fn) {
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    /**
     * The thresholds on a second, independently labelled set: for each trained factor, the F1 of the rules
     * alone and of the rules with the signal at its accept/veto thresholds. A factor whose signal lowers F1
     * there is switched off (accept above 1, veto 0): cross-validation on one corpus does not show how the
     * signal carries to text labelled by someone else. Returns the trained list with those changes.
     */
    public static List<Trained> validate(List<Trained> trained, List<Example> validation, List<String> report) {
        List<Trained> out = new ArrayList<>();
        for (Trained t : trained) {
            for (Example e : validation) {
                e.scores.put(t.factor(), e.score(t.model()));
            }
            double rules = f1(validation, t.factor(), i -> validation.get(i).ruleCodes.contains(t.factor()));
            double with = f1(validation, t.factor(), i -> hybrid(validation.get(i), t.factor(), t.accept(), t.veto()));
            boolean support = validation.stream().anyMatch(e -> e.labelled.factors().contains(t.factor())
                    || e.ruleCodes.contains(t.factor()));
            if (support && with < rules - 1e-9) {
                report.add(String.format(java.util.Locale.ROOT, "%s: signal off (validation F1 rules %.3f, with signal %.3f)",
                        t.factor(), rules, with));
                out.add(t.off());
            } else {
                report.add(String.format(java.util.Locale.ROOT, "%s: signal kept (validation F1 rules %.3f, with signal %.3f)",
                        t.factor(), rules, with));
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The rule authors' examples as the last guard: a factor's signal may not turn an example of that
     * factor that the rules alone get right into a wrong one (lose a {@code +} example, add a {@code -}
     * one). The examples state what the pack must do whatever a model learnt from a few dozen labelled
     * provisions; a signal that breaks one is switched off (accept above 1, veto 0), with the examples
     * named in the report.
     *
     * @param examples featurized examples; each one's labels hold its factor when it is a {@code +} example
     * @param codes    the factor each example is about, by index
     * @param where    file:line of each example, by index
     */
    public static List<Trained> keepExamples(List<Trained> trained, List<Example> examples, List<String> codes,
                                             List<String> where, List<String> report) {
        List<Trained> out = new ArrayList<>();
        for (Trained t : trained) {
            List<String> broken = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (!codes.get(i).equals(t.factor())) {
                    continue;
                }
                Example e = examples.get(i);
                e.scores.put(t.factor(), e.score(t.model()));
                boolean expected = e.labelled.factors().contains(t.factor());
                boolean rules = e.ruleCodes.contains(t.factor());
                if (rules == expected && hybrid(e, t.factor(), t.accept(), t.veto()) != expected) {
                    broken.add(where.get(i));
                }
            }
            if (broken.isEmpty()) {
                out.add(t);
            } else {
                report.add(t.factor() + ": signal off (it would break " + broken.size() + " rule example(s): "
                        + String.join(", ", broken) + ")");
                out.add(t.off());
            }
        }
        return out;
    }

    /**
     * Writes the out-of-fold scores that chose C and the thresholds, one tab-separated line per provision
     * and trained factor: id, language, act, factor, labelled (1/0), found by the rules alone (1/0), the
     * score of a model that never saw the provision's act. What a ministry reads to see how far the signal
     * carries beyond the acts it was trained on, and where it would add or drop findings.
     */
    public static void writeOutOfFold(List<Example> data, List<Trained> trained, java.io.Writer out) throws java.io.IOException {
        out.write("id\tlang\tact\tfactor\tlabelled\trules\tscore\n");
        for (Example e : data) {
            for (Trained t : trained) {
                Double s = e.scores.get(t.factor());
                if (s == null) {
                    continue;
                }
                out.write(String.join("\t", e.labelled.id(), e.labelled.language().code(), actOf(e), t.factor(),
                        e.labelled.factors().contains(t.factor()) ? "1" : "0", e.ruleCodes.contains(t.factor()) ? "1" : "0",
                        String.format(java.util.Locale.ROOT, "%.6f", s)) + "\n");
            }
        }
    }

    /** A short, stable name of the training data: how many provisions and a hash of their ids and labels. */
    public static String dataId(List<LabelledProvision> data) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (LabelledProvision p : data) {
                sha.update((p.id() + "\t" + String.join(",", p.factors()) + "\t" + p.text() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return data.size() + " provisions sha256:" + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
