package org.adaldyq.risk.regulation.fact;

/**
 * A lexicon entry found in a provision: the concept (lexicon file name), where it is (character offsets
 * in the document, token positions and sentence within the provision), and whether it stands in the
 * provision's lead-in words rather than in its own text. Token positions of lead-in triggers count
 * within the lead-in.
 */
public final class Trigger {
    private final String concept;
    private final int provision;
    private final String article;
    private final int start;
    private final int end;
    private final String text;
    private final int firstToken;
    private final int lastToken;
    private final int sentence;
    private final boolean leadIn;
    private final boolean oblique;

    /** A trigger that is not in an oblique case. */
    public Trigger(String concept, int provision, String article, int start, int end, String text,
            int firstToken, int lastToken, int sentence, boolean leadIn) {
        this(concept, provision, article, start, end, text, firstToken, lastToken, sentence, leadIn, false);
    }

    /**
     * @param oblique the words stand in an oblique case or after a preposition ({@code GrammaticalCase}):
     *                a body named so is where something goes, not who acts
     */
    public Trigger(String concept, int provision, String article, int start, int end, String text,
            int firstToken, int lastToken, int sentence, boolean leadIn, boolean oblique) {
        this.oblique = oblique;
        this.concept = concept;
        this.provision = provision;
        this.article = article;
        this.start = start;
        this.end = end;
        this.text = text;
        this.firstToken = firstToken;
        this.lastToken = lastToken;
        this.sentence = sentence;
        this.leadIn = leadIn;
    }

    /** The concept found: the lexicon's file name, e.g. {@code OPTIONAL_VERB} or {@code STATE_BODY}. */
    public String getConcept() {
        return concept;
    }

    /** The {@link ProvisionFact#getIndex() index} of the provision it is found in. */
    public int getProvision() {
        return provision;
    }

    /** Citation of the article the provision belongs to. */
    public String getArticle() {
        return article;
    }

    /** Offset in the document text where the words start. */
    public int getStart() {
        return start;
    }

    /** Offset in the document text where the words end (exclusive). */
    public int getEnd() {
        return end;
    }

    /** The exact words matched, as written in the document. */
    public String getText() {
        return text;
    }

    /** 0-based position of its first token in the provision's own text, or in the lead-in when {@link #isLeadIn()}. */
    public int getFirstToken() {
        return firstToken;
    }

    /** 0-based position of its last token (inclusive), counted like {@link #getFirstToken()}. */
    public int getLastToken() {
        return lastToken;
    }

    /** 0-based sentence of its first token within the own text or lead-in; -1 for a model signal's span. */
    public int getSentence() {
        return sentence;
    }

    /** True when the words stand in the provision's lead-in (its parent's text before ":"), not its own text. */
    public boolean isLeadIn() {
        return leadIn;
    }

    /** Whether the words stand in an oblique case or after a preposition: then they cannot be a subject. */
    public boolean isOblique() {
        return oblique;
    }

    /** Words between this trigger and a later one ({@code other} starts after this ends), else -1. */
    public int gapTo(Trigger other) {
        if (other.leadIn != leadIn || other.firstToken <= lastToken) {
            return -1;
        }
        return other.firstToken - lastToken - 1;
    }

    /** Whether the two stand in the same sentence of the same part (lead-in or own text). */
    public boolean sameSentence(Trigger other) {
        return other.leadIn == leadIn && other.sentence == sentence;
    }

    @Override
    public String toString() {
        return concept + "@" + provision + (leadIn ? "/lead-in" : "") + "[" + start + "," + end + ") '" + text + "'";
    }
}
