package org.adaldyq.risk.lang;

import java.util.Locale;
import java.util.Optional;

/** The languages the regulation engine analyses. Codes are ISO 639-1 and appear as such in reports. */
public enum Language {
    /** Kazakh. */
    KK("kk"),
    /** Russian. */
    RU("ru"),
    /** English. */
    EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** ISO 639-1 code: {@code kk}, {@code ru} or {@code en}. */
    public String code() {
        return code;
    }

    /** Parses an ISO 639-1 code, case-insensitively; empty for anything else. */
    public static Optional<Language> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String c = code.trim().toLowerCase(Locale.ROOT);
        for (Language l : values()) {
            if (l.code.equals(c)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return code;
    }

    /**
     * The text of {@code texts} (keyed by language code) for this language: Kazakh falls back to Russian
     * (the other official language), anything missing to English.
     */
    public String pick(java.util.Map<String, String> texts) {
        String s = texts.get(code);
        if (s == null && this == KK) {
            s = texts.get(RU.code);
        }
        return s != null ? s : texts.get(EN.code);
    }
}
