package org.adaldyq.risk.report.writer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.adaldyq.risk.lang.Language;

/**
 * The words of a page's interface in kk, ru and en, read from a JSON resource beside the class that shows
 * them ({@code key → language code → text}); Kazakh falls back to Russian, anything missing to English.
 */
public final class UiLabels {
    private final Map<String, Map<String, String>> texts;

    private UiLabels(Map<String, Map<String, String>> texts) {
        this.texts = Map.copyOf(texts);
    }

    /**
     * Reads {@code resource}, relative to {@code owner}'s package.
     *
     * @throws IllegalStateException when the resource is not in the jar
     */
    public static UiLabels read(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the library jar");
            }
            return new UiLabels(new ObjectMapper().readValue(in, new TypeReference<Map<String, Map<String, String>>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The label {@code key} in {@code language}.
     *
     * @throws IllegalArgumentException for a key the resource does not have
     */
    public String get(String key, Language language) {
        Map<String, String> t = texts.get(key);
        if (t == null) {
            throw new IllegalArgumentException("no label " + key);
        }
        return language.pick(t);
    }
}
