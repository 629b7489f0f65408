package org.adaldyq.risk.procurement;

import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.procurement.catalogue.IndicatorCatalogue;
import org.adaldyq.risk.procurement.ocds.OcdsReader;
import org.adaldyq.risk.procurement.rules.ProcurementRules;
import org.adaldyq.risk.procurement.rules.RuleBook;
import org.adaldyq.risk.procurement.settings.Settings;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What defines a distributed procurement run, as a small immutable serialisable value that a cluster
 * ships to every task: the settings text (Cardinal's INI; null for the defaults), the flag codes, the
 * language of texts, and the batch and line limits. Never holds an engine, a rule base or a mapper:
 * {@link #engine(String)} builds the engine once per JVM and shares it between tasks.
 *
 * @param settingsText Cardinal's INI text, null for {@link Settings#defaults()}
 * @param lenient      read the settings as Cardinal does (unknown sections and keys ignored)
 * @param codes        the flag codes, null for every flag of the built-in rules (as {@code tenders})
 * @param language     {@code en}, {@code ru} or {@code kk}
 * @param batchSize    processes per rule session
 * @param maxLineBytes longer lines are skipped and reported
 *
 * @serial exclude
 */
public record PartitionSettings(String settingsText, boolean lenient, List<String> codes, String language, int batchSize,
                                int maxLineBytes) implements Serializable {
    /** The only static state of a distributed run: engines built once per JVM, keyed by what defines them. */
    private static final Map<Object, ProcurementEngine> ENGINES = new ConcurrentHashMap<>();

    /** Copies the codes; checks the language. */
    public PartitionSettings {
        codes = codes == null ? null : List.copyOf(codes);
        Objects.requireNonNull(language, "language");
        if (Language.fromCode(language).isEmpty()) {
            throw new IllegalArgumentException("language must be en, ru or kk: " + language);
        }
    }

    /** The defaults of the {@code tenders} command: default settings, every flag, English. */
    public static PartitionSettings defaults() {
        return new PartitionSettings(null, false, null, "en", ProcurementEngine.DEFAULT_BATCH_SIZE,
                OcdsReader.DEFAULT_MAX_LINE_BYTES);
    }

    /** These settings with the settings text {@code ini} (null for the defaults). */
    public PartitionSettings withSettingsText(String ini, boolean lenient) {
        return new PartitionSettings(ini, lenient, codes, language, batchSize, maxLineBytes);
    }

    /** These settings in another language ({@code en}, {@code ru}, {@code kk}). */
    public PartitionSettings withLanguage(String language) {
        return new PartitionSettings(settingsText, lenient, codes, language, batchSize, maxLineBytes);
    }

    /** The parsed settings (strict unless {@link #lenient}). */
    public Settings settings() {
        if (settingsText == null) {
            return Settings.defaults();
        }
        return Settings.parse(new java.io.StringReader(settingsText), "settings", lenient);
    }

    /** Cardinal's codes among this run's: those the {@code indicators} command writes. */
    public List<String> cardinalCodes() {
        return IndicatorCatalogue.builtIn().cardinalCodes();
    }

    /**
     * The engine of these settings with the main currency fixed to {@code mainCurrency} (null: the
     * settings' own, or the first seen), built on the first call in this JVM and shared by every task
     * after it (engines are immutable and thread-safe).
     */
    public ProcurementEngine engine(String mainCurrency) {
        return ENGINES.computeIfAbsent(List.of(this, Objects.toString(mainCurrency, "")), k -> {
            Settings s = settings();
            if (mainCurrency != null) {
                s = s.withCurrency(mainCurrency);
            }
            RuleBook book = RuleBook.fromClasspath();
            List<String> c = codes != null ? codes : ProcurementRules.codes(IndicatorCatalogue.builtIn().codes(), book);
            return ProcurementEngine.builder().rules(book).settings(s).codes(c).threads(1).batchSize(batchSize)
                    .maxLineBytes(maxLineBytes).language(Language.fromCode(language).orElseThrow()).build();
        });
    }
}
