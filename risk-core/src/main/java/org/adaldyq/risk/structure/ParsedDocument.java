package org.adaldyq.risk.structure;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.adaldyq.risk.lang.Language;

/**
 * A document read into text, language and provisions. Provision offsets index {@link #text()}.
 *
 * @param source             file or source name given by the caller
 * @param text               extracted text, one paragraph per line
 * @param language           detected (or forced) language
 * @param languageConfidence detector's confidence in [0, 1]; 1 when the language was forced
 * @param mediaType          detected media type ({@code text/html}, {@code application/pdf}, {@code application/uslm+xml}…)
 * @param metadata           document metadata, first value per name
 * @param provisions         provisions in document order
 */
public record ParsedDocument(String source, String text, Language language, double languageConfidence,
                             String mediaType, Map<String, String> metadata, List<Provision> provisions) {

    /** Requires source, text, language and media type; copies metadata and provisions. */
    public ParsedDocument {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(mediaType, "mediaType");
        metadata = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(metadata)); // sorted: the same order in every run
        provisions = List.copyOf(provisions);
    }

    /** The provision with exactly this citation, the first one if several share it. */
    public Optional<Provision> provision(String citation) {
        for (Provision p : provisions) {
            if (p.citation().equals(citation)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The own text of {@code p}, a provision of this document. */
    public String textOf(Provision p) {
        return p.text(text);
    }
}
