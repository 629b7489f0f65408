package org.adaldyq.risk.analysis;

import org.apache.lucene.util.Attribute;

/**
 * The word as written (normalised and lower-cased, not stemmed) and its stem, as shared string
 * instances, set by the stemming filter of a {@link LegalTextAnalyzer} chain. Lexicon entries in quotes
 * or with a {@code *} compare against the surface form; the shared instances keep their hash codes, which
 * makes the lexicon's lookups cheap.
 */
public interface SurfaceAttribute extends Attribute {
    /** The word as written, normalised and lower-cased but not stemmed; null until a stem filter sets it. */
    String surface();

    /** The word's stem, as the term attribute holds it after stemming; null until a stem filter sets it. */
    String stem();

    /** Sets both forms; the stem filter passes its shared instances. */
    void setForms(String surface, String stem);
}
