package org.adaldyq.risk.index;

import org.adaldyq.risk.lang.Language;

/** The index's field names: one place, so writing and searching cannot drift apart. */
final class IndexFields {
    /** {@code provision} or {@code act}: which kind of Lucene document. */
    static final String KIND = "kind";
    static final String KIND_PROVISION = "provision";
    static final String KIND_ACT = "act";

    static final String ACT = "act";
    static final String TITLE = "title";
    static final String LANGUAGE = "language";
    static final String PATH = "path";
    static final String HASH = "hash";
    static final String CITATION = "citation";
    /** Offset of the provision's text in the act's extracted text. */
    static final String START = "start";
    /** Lower-cased, unstemmed text: exact phrases. */
    static final String EXACT = "exact";
    static final String FACTOR = "factor";
    static final String SEVERITY = "severity";
    /** A factor of the provision the expert's review confirmed or added (indexed as the code, stored as {@code CODE<tab>decision}). */
    static final String EXPERT = "expert";
    /** The code of a factor the expert's review confirmed or added: what {@link SearchOptions#confirmed()} keeps. */
    static final String EXPERT_FACTOR = "expert_factor";
    static final String SCORE = "score";
    /** Stored only: a finding of the provision as {@code CODE<tab>quote}, one value per finding. */
    static final String QUOTE = "quote";
    /** {@code leadin} on the document of a list's lead-in (absent on a provision's). */
    static final String PART = "part";
    static final String PART_LEAD_IN = "leadin";
    /** Stored only: a reference to another act by title, as {@code q<tab>title} (quoted whole) or {@code o<tab>title} (open). */
    static final String REFERENCE = "reference";
    /** On act documents: the key of the act's title ({@link ActReferenceFinder#key}), what references are matched to. */
    static final String TITLE_KEY = "title_key";
    static final String PROVISIONS = "provisions";
    /** Stored only, on an act document: the expert's review lines the act was indexed with (JSON lines), if any. */
    static final String REVIEW = "review";
    static final String FINDINGS = "findings";
    static final String LEAD_INS = "leadins";

    /** Facet dimensions. */
    static final String DIM_FACTOR = "factor";
    static final String DIM_ACT = "act";
    static final String DIM_LANGUAGE = "language";

    private IndexFields() {
    }

    /** The field holding provision text analysed with the language's chain: {@code text_kk}, {@code text_ru}, {@code text_en}. */
    static String text(Language language) {
        return "text_" + language.code();
    }
}
