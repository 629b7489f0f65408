package org.adaldyq.risk.regulation.fact;

/**
 * A provision of the scanned text, as rules see it: its index (the key other facts refer to), its
 * citation, the citation of its article (the scope of "the provision or its article" in the catalogue)
 * and whether it is a list item with lead-in words.
 */
public final class ProvisionFact {
    private final int index;
    private final String citation;
    private final String article;
    private final String language;
    private final boolean listItem;
    private final int tokenCount;

    public ProvisionFact(int index, String citation, String article, String language, boolean listItem, int tokenCount) {
        this.index = index;
        this.citation = citation;
        this.article = article;
        this.language = language;
        this.listItem = listItem;
        this.tokenCount = tokenCount;
    }

    public int getIndex() {
        return index;
    }

    public String getCitation() {
        return citation;
    }

    public String getArticle() {
        return article;
    }

    /** {@code kk}, {@code ru} or {@code en}. */
    public String getLanguage() {
        return language;
    }

    public boolean isListItem() {
        return listItem;
    }

    public int getTokenCount() {
        return tokenCount;
    }

    @Override
    public String toString() {
        return "Provision[" + index + " " + citation + "]";
    }
}
