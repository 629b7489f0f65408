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

    public String getConcept() {
        return concept;
    }

    public int getProvision() {
        return provision;
    }

    /** Citation of the article the provision belongs to. */
    public String getArticle() {
        return article;
    }

    public int getStart() {
        return start;
    }

    public int getEnd() {
        return end;
    }

    /** The exact words matched, as written in the document. */
    public String getText() {
        return text;
    }

    public int getFirstToken() {
        return firstToken;
    }

    public int getLastToken() {
        return lastToken;
    }

    public int getSentence() {
        return sentence;
    }

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
