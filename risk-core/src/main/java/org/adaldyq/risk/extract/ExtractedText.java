package org.adaldyq.risk.extract;

import java.util.Map;
import java.util.Objects;

/**
 * Text extracted from a document: one paragraph per line ({@code \n}), an empty line where the source
 * had an empty block; the media type detected; and the document's metadata (title, author, charset…),
 * first value per name.
 */
public record ExtractedText(String text, String mediaType, Map<String, String> metadata) {
    /** Requires text and media type; copies the metadata. */
    public ExtractedText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(mediaType, "mediaType");
        metadata = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(metadata)); // sorted: the same order in every run
    }
}
