package org.adaldyq.risk.regulation.fact;

import java.util.List;

/**
 * What the trained model of a factor reads in a provision: its score in (0, 1), and the words that
 * weighed most ({@code start}, {@code end}, {@code text}; the whole provision when no single span
 * stood out). The rules decide what a score means: {@code SIGNAL.drl} accepts a factor the rules missed
 * when the score reaches {@code <FACTOR>.signal.accept} and drops a rule's finding when it stays below
 * {@code <FACTOR>.signal.veto} (thresholds.csv).
 */
public final class FactorSignal {
    private final String factor;
    private final int provision;
    private final String article;
    private final double score;
    private final int start;
    private final int end;
    private final String text;
    private final List<String> features;

    /** A model's reading of one provision; {@code features} is copied. */
    public FactorSignal(String factor, int provision, String article, double score, int start, int end, String text,
                        List<String> features) {
        this.factor = factor;
        this.provision = provision;
        this.article = article;
        this.score = score;
        this.start = start;
        this.end = end;
        this.text = text;
        this.features = List.copyOf(features);
    }

    /** The factor's code as in the catalogue, e.g. {@code OPTIONAL_POWER}. */
    public String getFactor() {
        return factor;
    }

    /** The {@link ProvisionFact#getIndex() index} of the provision scored. */
    public int getProvision() {
        return provision;
    }

    /** The model's probability that the factor is present, in (0, 1). */
    public double getScore() {
        return score;
    }

    /** Offset in the document text where the quoted span starts. */
    public int getStart() {
        return start;
    }

    /** Offset in the document text where the quoted span ends (exclusive). */
    public int getEnd() {
        return end;
    }

    /** The quoted span as written in the document: the words that weighed most, or the provision's start. */
    public String getText() {
        return text;
    }

    /** The features that weighed most for the factor, strongest first. */
    public List<String> getFeatures() {
        return features;
    }

    /** Threshold key above which the signal alone reports the factor. */
    public String getAcceptKey() {
        return factor + ".signal.accept";
    }

    /** Threshold key below which the signal drops the rules' finding of the factor. */
    public String getVetoKey() {
        return factor + ".signal.veto";
    }

    /** The span as a trigger, so that a finding made on the signal quotes it like any other. */
    public Trigger asTrigger() {
        return new Trigger("SIGNAL", provision, article, start, end, text, -1, -1, -1, false);
    }

    @Override
    public String toString() {
        return "Signal[" + factor + "@" + provision + " " + String.format(java.util.Locale.ROOT, "%.3f", score) + " «" + text + "»]";
    }
}
