package org.adaldyq.risk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.lexicon.Lexicon;
import org.adaldyq.risk.regulation.FactorCatalogue;
import org.adaldyq.risk.regulation.RegulationScanner;
import org.adaldyq.risk.report.ScanReport;
import org.adaldyq.risk.rules.RuleSet;
import org.adaldyq.risk.structure.ParsedDocument;
import org.adaldyq.risk.structure.Provision;

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

    private final Optional<Language> language;
    private final RegulationScanner scanner;

    private RiskEngine(Builder b) {
        this.language = Optional.ofNullable(b.language);
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
            rules = RuleSet.fromClasspath(loader, REGULATION_KBASE);
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

    /** Scans a file (DOCX, PDF, HTML, ODT, RTF, TXT, Markdown, USLM XML). */
    public ScanReport scan(Path file) throws IOException {
        return scan(Files.readString(file), file.toString());
    }

    /** Scans a document read from a stream; {@code sourceName} names it in the report. */
    public ScanReport scan(InputStream in, String sourceName) throws IOException {
        return scan(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), sourceName);
    }

    /** Scans a plain text. */
    public ScanReport scan(String text) {
        return scan(text, "text");
    }

    /** Scans a plain text known to be in {@code language}. */
    public ScanReport scan(String text, Language language) {
        return scan(text, "text", Optional.of(language));
    }

    private ScanReport scan(String text, String source) {
        return scan(text, source, language);
    }

    private ScanReport scan(String text, String source, Optional<Language> forced) {
        Language lang = forced.orElseGet(() -> guess(text));
        List<Provision> provisions = new ArrayList<>();
        int start = 0;
        for (String para : text.split("\n\\s*\n", -1)) {
            int s = text.indexOf(para, start);
            if (!para.isBlank()) {
                provisions.add(new Provision(provisions.size(), "Paragraph " + (provisions.size() + 1), List.of(), s,
                        s + para.length(), -1, -1, "Paragraph " + (provisions.size() + 1)));
            }
            start = s + para.length();
        }
        return scanner.scan(new ParsedDocument(source, text, lang, 1.0, "text/plain", Map.of(), provisions));
    }

    private static Language guess(String text) {
        int kk = 0;
        int cyr = 0;
        int lat = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("әғқңөұүһіӘҒҚҢӨҰҮҺІ".indexOf(c) >= 0) {
                kk++;
            } else if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC) {
                cyr++;
            } else if (Character.isLetter(c)) {
                lat++;
            }
        }
        if (cyr + kk > lat) {
            return kk * 50 > cyr ? Language.KK : Language.RU;
        }
        return Language.EN;
    }

    /** Configures a {@link RiskEngine}. Not thread-safe; the engine it builds is. */
    public static final class Builder {
        private Language language;
        private boolean builtInRules = true;
        private final List<Path> ruleDirectories = new ArrayList<>();
        private long maxFiringsPerProvision = 10_000;
        private ClassLoader classLoader = RiskEngine.class.getClassLoader();

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
