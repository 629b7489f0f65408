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

    /** A provision; {@code tokenCount} counts the tokens of its own text, without the lead-in. */
    public ProvisionFact(int index, String citation, String article, String language, boolean listItem, int tokenCount) {
        this.index = index;
        this.citation = citation;
        this.article = article;
        this.language = language;
        this.listItem = listItem;
        this.tokenCount = tokenCount;
    }

    /** 0-based position of the provision in document order; triggers and hits refer to it. */
    public int getIndex() {
        return index;
    }

    /** The provision's English citation, e.g. {@code Article 12(3)(a)}. */
    public String getCitation() {
        return citation;
    }

    /** The citation of the enclosing article or section, e.g. {@code Article 12}; the scope of article-level rules. */
    public String getArticle() {
        return article;
    }

    /** {@code kk}, {@code ru} or {@code en}. */
    public String getLanguage() {
        return language;
    }

    /** True when the provision is a list item with lead-in words (its parent's text ending with ":"). */
    public boolean isListItem() {
        return listItem;
    }

    /** Number of tokens in the provision's own text, lead-in excluded. */
    public int getTokenCount() {
        return tokenCount;
    }

    @Override
    public String toString() {
        return "Provision[" + index + " " + citation + "]";
    }
}
