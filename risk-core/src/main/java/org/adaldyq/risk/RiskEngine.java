package org.adaldyq.risk;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.lexicon.Lexicon;
import org.adaldyq.risk.regulation.FactorCatalogue;
import org.adaldyq.risk.regulation.RegulationScanner;
import org.adaldyq.risk.report.ScanReport;
import org.adaldyq.risk.rules.RuleSet;
import org.adaldyq.risk.extract.DocumentReadException;
import org.adaldyq.risk.structure.DocumentReader;
import org.adaldyq.risk.structure.ParsedDocument;

/**
 * The entry point: scans legal texts for corruption-risk factors. Build it once with
 * {@link #builder()}, share it: it is immutable and thread-safe.
 *
 * <pre>{@code
 * RiskEngine engine = RiskEngine.builder().build();
 * ScanReport report = engine.scan(Path.of("draft-law.docx"));
 * }</pre>
 */
public final class RiskEngine {

    /** Where the built-in regulation pack lives on the class path. */
    static final String REGULATION_PACK = "org/adaldyq/risk/rules/regulation";
    static final String REGULATION_KBASE = "regulation";
    /** The kjar's index of its executable-model classes (written by the kie-maven-plugin). */
    static final String REGULATION_MODEL_INDEX = "META-INF/kie/org.adaldyq/risk-rules/drools-model";

    private final Optional<Language> language;
    private final DocumentReader reader;
    private final RegulationScanner scanner;

    private RiskEngine(Builder b) {
        this.language = Optional.ofNullable(b.language);
        this.reader = b.reader != null ? b.reader : DocumentReader.create();
        ClassLoader loader = b.classLoader;
        Lexicon.Builder lexicon = Lexicon.builder();
        if (b.builtInRules) {
            lexicon.addClasspath(loader, REGULATION_PACK + "/lexicon");
        }
        List<RuleSet.DrlSource> drl = new ArrayList<>();
        for (Path dir : b.ruleDirectories) {
            lexicon.addDirectory(dir.resolve("lexicon"));
            drl.addAll(RuleSet.readDirectory(dir));
        }
        RuleSet rules;
        if (drl.isEmpty()) {
            // Straight from the precompiled model: a KieContainer would cost a cold start over a second more.
            rules = RuleSet.fromExecutableModel(loader, REGULATION_MODEL_INDEX, REGULATION_PACK.replace('/', '.'))
                    .orElseGet(() -> RuleSet.fromClasspath(loader, REGULATION_KBASE));
        } else {
            if (b.builtInRules) {
                throw new UnsupportedOperationException("author rules on top of the built-in pack are not supported yet;"
                        + " use builtInRules(false) with a full copy of the pack");
            }
            rules = RuleSet.compile(drl);
        }
        FactorCatalogue catalogue = FactorCatalogue.fromClasspath(loader, REGULATION_PACK + "/factors.json");
        this.scanner = new RegulationScanner(lexicon.build(), rules, catalogue, b.maxFiringsPerProvision);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Scans a file (DOCX, PDF, HTML, ODT, RTF, TXT, Markdown, USLM XML).
     *
     * @throws DocumentReadException when the file cannot be read as a text (empty, corrupt, encrypted,
     *                               binary, too large...); its {@code reason()} says which
     */
    public ScanReport scan(Path file) throws DocumentReadException {
        ParsedDocument doc = language.isPresent() ? reader.read(file, language.get()) : reader.read(file);
        // The report names the file as the caller gave it.
        return scanner.scan(new ParsedDocument(file.toString(), doc.text(), doc.language(), doc.languageConfidence(),
                doc.mediaType(), doc.metadata(), doc.provisions()));
    }

    /** Scans a document read from a stream; {@code sourceName} names it in the report and hints its format. */
    public ScanReport scan(InputStream in, String sourceName) throws DocumentReadException {
        ParsedDocument doc = language.isPresent() ? reader.read(in, sourceName, language.get()) : reader.read(in, sourceName);
        return scanner.scan(doc);
    }

    /** Scans a plain text. */
    public ScanReport scan(String text) {
        return scanner.scan(language.isPresent() ? reader.read(text, "text", language.get()) : reader.read(text, "text"));
    }

    /** Scans a plain text known to be in {@code language}. */
    public ScanReport scan(String text, Language language) {
        return scanner.scan(reader.read(text, "text", language));
    }

    /** Scans a document already read and segmented. */
    public ScanReport scan(ParsedDocument document) {
        return scanner.scan(document);
    }

    /** Configures a {@link RiskEngine}. Not thread-safe; the engine it builds is. */
    public static final class Builder {
        private Language language;
        private boolean builtInRules = true;
        private final List<Path> ruleDirectories = new ArrayList<>();
        private long maxFiringsPerProvision = 10_000;
        private ClassLoader classLoader = RiskEngine.class.getClassLoader();
        private DocumentReader reader;

        private Builder() {
        }

        /** Treat every text as this language instead of detecting it. */
        public Builder language(Language language) {
            this.language = language;
            return this;
        }

        /** Adds a folder of author rules ({@code .drl}) with its {@code lexicon/<lang>/*.txt}. */
        public Builder rules(Path directory) {
            ruleDirectories.add(Objects.requireNonNull(directory));
            return this;
        }

        /** Whether to load the built-in regulation pack (default true). */
        public Builder builtInRules(boolean builtIn) {
            this.builtInRules = builtIn;
            return this;
        }

        /** Rule firings allowed per provision before a scan is stopped as looping. */
        public Builder maxFiringsPerProvision(long max) {
            if (max < 1) {
                throw new IllegalArgumentException("max firings must be positive");
            }
            this.maxFiringsPerProvision = max;
            return this;
        }

        /** The reader that extracts and segments documents (default: {@link DocumentReader#create()}). */
        public Builder documentReader(DocumentReader reader) {
            this.reader = Objects.requireNonNull(reader);
            return this;
        }

        /** Class loader to find the built-in packs with (default: this library's). */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader);
            return this;
        }

        public RiskEngine build() {
            return new RiskEngine(this);
        }
    }
}
