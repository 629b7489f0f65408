package org.adaldyq.risk.index;

import org.adaldyq.risk.lang.Language;

/**
 * An act in the index.
 *
 * @param id         the act id
 * @param title      the title (document metadata, else its heading, else the file name)
 * @param path       the file it was read from
 * @param hash       SHA-256 of the file's bytes, in hex
 * @param language   its language
 * @param score      the document score of its scan, in [0, 1]
 * @param provisions how many provisions it was split into
 * @param leadIns    how many list lead-ins it has (each indexed as a document of its own, found by searches
 *                   beside the provisions)
 * @param findings   how many findings its scan reported
 */
public record IndexedAct(String id, String title, String path, String hash, Language language, double score,
                         int provisions, int leadIns, int findings) {

    /** The riskiest first (by {@link #score}, then by id): where to read first across the body of law. */
    public static final java.util.Comparator<IndexedAct> RISKIEST_FIRST =
            java.util.Comparator.comparingDouble(IndexedAct::score).reversed().thenComparing(IndexedAct::id);

    /**
     * Whether the act went into the index as an expert's review left it ({@link ProvisionIndex#add(org.adaldyq.risk.review.Review,
     * java.nio.file.Path...)} with decisions on it: {@code index --review}, or saved from its page in {@code serve}); its
     * {@link #findings} are then those the review left.
     */
    public boolean reviewed() {
        return !fileHash().equals(hash);
    }

    /** The SHA-256 of the file's bytes alone: {@link #hash} without the digest of the review the act went in with. */
    public String fileHash() {
        int reviewed = hash.indexOf(ProvisionIndex.REVIEWED);
        return reviewed < 0 ? hash : hash.substring(0, reviewed);
    }
}
