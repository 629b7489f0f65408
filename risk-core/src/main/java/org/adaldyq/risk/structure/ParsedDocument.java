package org.adaldyq.risk.structure;

import java.util.List;
import java.util.Map;
import org.adaldyq.risk.lang.Language;

/** Placeholder until the reader lands; same shape as the final record. */
public record ParsedDocument(String source, String text, Language language, double languageConfidence,
        String mediaType, Map<String, String> metadata, List<Provision> provisions) {
}
