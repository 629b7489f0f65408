package org.adaldyq.risk.regulation.fact;

/** The scanned document as a whole, for the document-level factors. */
public final class DocumentFact {
    private final String language;
    private final int provisionCount;

    /** The document in {@code language}, with {@code provisionCount} provisions. */
    public DocumentFact(String language, int provisionCount) {
        this.language = language;
        this.provisionCount = provisionCount;
    }

    /** The document's detected language code: {@code kk}, {@code ru} or {@code en}. */
    public String getLanguage() {
        return language;
    }

    /** Number of provisions the document was split into; 0 when it has no structure the reader found. */
    public int getProvisionCount() {
        return provisionCount;
    }
}
