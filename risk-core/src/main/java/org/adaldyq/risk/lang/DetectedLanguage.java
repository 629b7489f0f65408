package org.adaldyq.risk.lang;

/**
 * The language of a text and how sure the detector is, in [0, 1]. Confidence 0 means the text held no
 * letters at all and {@code language} is only the caller's fallback.
 */
public record DetectedLanguage(Language language, double confidence) {
    /** Requires a language and a confidence in [0, 1]. */
    public DetectedLanguage {
        if (language == null) {
            throw new IllegalArgumentException("language is required");
        }
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence out of [0, 1]: " + confidence);
        }
    }
}
