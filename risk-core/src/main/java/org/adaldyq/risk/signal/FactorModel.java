package org.adaldyq.risk.signal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A linear model of one factor: a weight per feature and a bias; the score of a provision is the
 * logistic of the sum of the weights of its features. Immutable and thread-safe.
 *
 * <p>File format (UTF-8 text, one model per file, written by the {@code train} command):
 * <pre>
 * # comment lines
 * factor  OPTIONAL_POWER
 * features  f1
 * trained  &lt;what it was trained on&gt;
 * bias  -3.25
 * threshold  0.6
 * w  &lt;weight&gt;  &lt;feature name&gt;
 * </pre>
 * fields separated by a tab, weights sorted by feature name, so that the same training gives the same
 * bytes.
 */
public final class FactorModel {

    private final String factor;
    private final String trainedOn;
    private final double bias;
    private final Map<String, Double> weights;
    private final double threshold;

    /**
     * @param threshold the model's own operating point: the score from which the model alone says the
     *                  factor is present (chosen on dev data by {@code train}; used when it is scored alone)
     */
    public FactorModel(String factor, String trainedOn, double bias, Map<String, Double> weights, double threshold) {
        this.factor = factor;
        this.trainedOn = trainedOn;
        this.bias = bias;
        this.weights = Collections.unmodifiableMap(new HashMap<>(weights));
        this.threshold = threshold;
    }

    /** The bias: the logit of a provision without any weighted feature. */
    public double bias() {
        return bias;
    }

    /** Weight by feature name, as logit contributions; unmodifiable. */
    public Map<String, Double> weights() {
        return weights;
    }

    /** The model's own operating point, in (0, 1): the score from which it alone says the factor is present. */
    public double threshold() {
        return threshold;
    }

    /** The code of the factor the model scores, e.g. {@code OPTIONAL_POWER}. */
    public String factor() {
        return factor;
    }

    /** What the model was trained on, as the {@code trained} line of its file says. */
    public String trainedOn() {
        return trainedOn;
    }

    /** Number of weighted features. */
    public int size() {
        return weights.size();
    }

    /** The weight of {@code feature}, 0 when the model does not weigh it. */
    public double weight(String feature) {
        return weights.getOrDefault(feature, 0.0);
    }

    /** The score alone, without the contributions (the fast path: most provisions are not reported). */
    public double probability(List<SignalFeature> features) {
        double z = bias;
        for (SignalFeature f : features) {
            Double w = weights.get(f.name());
            if (w != null) {
                z += w;
            }
        }
        return 1.0 / (1.0 + Math.exp(-z));
    }

    /** The score of a provision with these features, in (0, 1), with the features that made it. */
    public Scored score(List<SignalFeature> features) {
        double z = bias;
        List<Contribution> parts = new ArrayList<>();
        for (SignalFeature f : features) {
            Double w = weights.get(f.name());
            if (w != null) {
                z += w;
                parts.add(new Contribution(f, w));
            }
        }
        return new Scored(factor, 1.0 / (1.0 + Math.exp(-z)), parts);
    }

    /** A feature present in the provision and its weight in this model. */
    public record Contribution(SignalFeature feature, double weight) {
    }

    /** A model's score for one provision, with the features that made it. */
    public record Scored(String factor, double score, List<Contribution> contributions) {

        /**
         * The words that weighed most for the factor: the located span with the largest sum of positive
         * weights of the features standing on it, widened to the neighbouring spans that also weigh for it
         * (at most {@code maxChars}). Null when no located feature weighs for the factor.
         */
        public int[] strongestSpan(int maxChars) {
            // Weight per start offset of a located feature; features over several words count on each of them.
            TreeMap<Integer, double[]> byStart = new TreeMap<>();
            for (Contribution c : contributions) {
                if (c.weight() <= 0 || !c.feature().located()) {
                    continue;
                }
                double[] slot = byStart.computeIfAbsent(c.feature().start(), k -> new double[] {0, c.feature().end()});
                slot[0] += c.weight();
                slot[1] = Math.max(slot[1], c.feature().end());
            }
            if (byStart.isEmpty()) {
                return null;
            }
            Map.Entry<Integer, double[]> best = null;
            for (Map.Entry<Integer, double[]> e : byStart.entrySet()) {
                if (best == null || e.getValue()[0] > best.getValue()[0]) {
                    best = e;
                }
            }
            int start = best.getKey();
            int end = (int) best.getValue()[1];
            double floor = best.getValue()[0] / 4;
            for (Map.Entry<Integer, double[]> e : byStart.tailMap(start, false).entrySet()) {
                if (e.getKey() > end + 40 || e.getValue()[1] - start > maxChars) {
                    break;
                }
                if (e.getValue()[0] >= floor) {
                    end = Math.max(end, (int) e.getValue()[1]);
                }
            }
            for (Map.Entry<Integer, double[]> e : byStart.headMap(start, false).descendingMap().entrySet()) {
                if (e.getValue()[1] < start - 40 || end - e.getKey() > maxChars) {
                    break;
                }
                if (e.getValue()[0] >= floor) {
                    start = e.getKey();
                }
            }
            return new int[] {start, end};
        }

        /** Names of the {@code n} features that weighed most for the factor. */
        public List<String> topFeatures(int n) {
            List<Contribution> sorted = new ArrayList<>(contributions);
            sorted.removeIf(c -> c.weight() <= 0);
            sorted.sort((a, b) -> Double.compare(b.weight(), a.weight()));
            List<String> out = new ArrayList<>();
            for (int i = 0; i < Math.min(n, sorted.size()); i++) {
                out.add(sorted.get(i).feature().name());
            }
            return out;
        }
    }

    /** Writes the model in its file format; weights of exactly 0 are left out. */
    public void write(Writer out) throws IOException {
        out.write("# Adaldyq Risk factor model: logistic regression over SignalFeatures. Written by `risk-cli train`; do not edit.\n");
        out.write("factor\t" + factor + "\n");
        out.write("features\t" + SignalFeatures.VERSION + "\n");
        out.write("trained\t" + trainedOn + "\n");
        out.write("bias\t" + format(bias) + "\n");
        out.write("threshold\t" + format(threshold) + "\n");
        for (Map.Entry<String, Double> e : new TreeMap<>(weights).entrySet()) {
            if (e.getValue() != 0.0) {
                out.write("w\t" + format(e.getValue()) + "\t" + e.getKey() + "\n");
            }
        }
    }

    static String format(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** Reads a model; {@code origin} names it in error messages. */
    public static FactorModel read(BufferedReader in, String origin) throws IOException {
        String factor = null;
        String trained = "";
        String features = null;
        double bias = 0;
        double threshold = 0.5;
        Map<String, Double> weights = new HashMap<>();
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 3);
            try {
                switch (f[0]) {
                    case "factor" -> factor = f[1];
                    case "features" -> features = f[1];
                    case "trained" -> trained = f.length > 1 ? f[1] : "";
                    case "bias" -> bias = Double.parseDouble(f[1]);
                    case "threshold" -> threshold = Double.parseDouble(f[1]);
                    case "w" -> weights.put(f[2], Double.parseDouble(f[1]));
                    default -> throw new IOException(origin + ":" + n + ": unknown line kind '" + f[0] + "'");
                }
            } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
                throw new IOException(origin + ":" + n + ": malformed line: " + e.getMessage(), e);
            }
        }
        if (factor == null) {
            throw new IOException(origin + ": no 'factor' line");
        }
        if (!SignalFeatures.VERSION.equals(features)) {
            throw new IOException(origin + ": made for features '" + features + "', this build reads '"
                    + SignalFeatures.VERSION + "': retrain with `risk-cli train`");
        }
        return new FactorModel(factor, trained, bias, weights, threshold);
    }
}
