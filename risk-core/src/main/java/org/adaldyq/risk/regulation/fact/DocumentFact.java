package org.adaldyq.risk.regulation.fact;

/** The scanned document as a whole, for the document-level factors. */
public final class DocumentFact {
    private final String language;
    private final int provisionCount;

    public DocumentFact(String language, int provisionCount) {
        this.language = language;
        this.provisionCount = provisionCount;
    }

    public String getLanguage() {
        return language;
    }

    public int getProvisionCount() {
        return provisionCount;
    }
}
