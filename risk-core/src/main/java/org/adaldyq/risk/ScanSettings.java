package org.adaldyq.risk;

import org.adaldyq.risk.lang.Language;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What defines a distributed scan of documents, as a small immutable serialisable value that a cluster
 * ships to every task (see {@link DocumentScans}). Never holds the engine: {@link #engine()} builds it
 * once per JVM and shares it between tasks.
 *
 * @param language     {@code kk}, {@code ru} or {@code en}; null to detect each document's language
 * @param maxBytes     larger documents are an error record ({@code TOO_LARGE}), never read
 * @param timeoutMillis a document whose scan takes longer is an error record ({@code TIMEOUT})
 * @serial exclude
 */
public record ScanSettings(String language, long maxBytes, long timeoutMillis) implements Serializable {
    /** The only static state of a distributed scan: engines built once per JVM, keyed by their settings. */
    private static final Map<ScanSettings, RiskEngine> ENGINES = new ConcurrentHashMap<>();

    /** Checks the values. */
    public ScanSettings {
        if (language != null && Language.fromCode(language).isEmpty()) {
            throw new IllegalArgumentException("language must be kk, ru or en: " + language);
        }
        if (maxBytes <= 0 || timeoutMillis <= 0) {
            throw new IllegalArgumentException("maxBytes and timeoutMillis must be positive");
        }
    }

    /** Languages detected, documents up to 64 MiB, two minutes each. */
    public static ScanSettings defaults() {
        return new ScanSettings(null, 64L << 20, 120_000);
    }

    /** The engine of these settings (built-in rules), built on the first call in this JVM and shared after it. */
    public RiskEngine engine() {
        return ENGINES.computeIfAbsent(this, s -> {
            RiskEngine.Builder b = RiskEngine.builder();
            if (language != null) {
                b.language(Objects.requireNonNull(Language.fromCode(language).orElseThrow()));
            }
            return b.build();
        });
    }
}
