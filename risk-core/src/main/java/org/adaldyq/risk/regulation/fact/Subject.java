package org.adaldyq.risk.regulation.fact;

/**
 * Who acts at a trigger: the nearest subject word ({@code STATE_BODY}, {@code PRIVATE_PERSON},
 * {@code COURT}) before it in its sentence, else the last one in the provision's lead-in. Derived by
 * the rules of {@code CONTEXT.drl}; factor rules use it as the catalogue's guard "the subject is a
 * state body, not a citizen".
 */
public final class Subject {
    private final Trigger anchor;
    private final String kind;
    private final Trigger word;

    /** The subject {@code word} of the trigger {@code anchor}; its kind is the word's concept. */
    public Subject(Trigger anchor, Trigger word) {
        this.anchor = anchor;
        this.kind = word.getConcept();
        this.word = word;
    }

    /** The trigger the subject acts at, e.g. an {@code OPTIONAL_VERB} such as "may". */
    public Trigger getAnchor() {
        return anchor;
    }

    /** {@code STATE_BODY}, {@code PRIVATE_PERSON} or {@code COURT}. */
    public String getKind() {
        return kind;
    }

    /** The subject word itself, a {@code STATE_BODY}, {@code PRIVATE_PERSON} or {@code COURT} trigger. */
    public Trigger getWord() {
        return word;
    }

    @Override
    public String toString() {
        return "Subject[" + kind + " '" + word.getText() + "' of " + anchor + "]";
    }
}
