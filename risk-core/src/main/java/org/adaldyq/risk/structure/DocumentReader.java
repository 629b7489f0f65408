package org.adaldyq.risk.structure;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.adaldyq.risk.extract.DocumentReadException;
import org.adaldyq.risk.extract.ExtractedText;
import org.adaldyq.risk.extract.TextExtractor;
import org.adaldyq.risk.lang.DetectedLanguage;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.lang.LanguageDetector;

/**
 * The one entry point from a document to its provisions: bytes → text ({@link TextExtractor}, or
 * {@link UslmReader} for USLM XML) → language ({@link LanguageDetector}, unless forced) → provisions
 * ({@link ProvisionSegmenter}).
 *
 * <pre>{@code
 * DocumentReader reader = DocumentReader.builder().maxInputBytes(50_000_000).build();   // once
 * ParsedDocument doc = reader.read(Path.of("kz-laws_kaz_104440.md"));
 * ParsedDocument ru = reader.read(Path.of("draft.docx"), Language.RU);                  // forced
 * }</pre>
 *
 * Immutable and thread-safe: build once and share. Every failure is a {@link DocumentReadException}.
 */
public final class DocumentReader {

    private final TextExtractor extractor;

    private DocumentReader(Builder b) {
        this.extractor = TextExtractor.builder().maxInputBytes(b.maxInputBytes).maxChars(b.maxChars).build();
    }

    /** A reader with default limits (100 MB input, 20 M characters of text). */
    public static DocumentReader create() {
        return builder().build();
    }

    /** A builder with the default limits. */
    public static Builder builder() {
        return new Builder();
    }

    /** Reads a file, detecting its language. */
    public ParsedDocument read(Path file) throws DocumentReadException {
        return read(file, null);
    }

    /** Reads a file; {@code language} forces the language, {@code null} detects it. */
    public ParsedDocument read(Path file, Language language) throws DocumentReadException {
        Objects.requireNonNull(file, "file");
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        return parse(extractor.readFile(file), name, language);
    }

    /** Reads a stream to its end (without closing it), detecting its language. */
    public ParsedDocument read(InputStream in, String sourceName) throws DocumentReadException {
        return read(in, sourceName, null);
    }

    /** Reads a stream to its end (without closing it); {@code language} forces the language, {@code null} detects it. */
    public ParsedDocument read(InputStream in, String sourceName, Language language) throws DocumentReadException {
        Objects.requireNonNull(in, "in");
        return parse(extractor.readStream(in, sourceName), sourceName, language);
    }

    /** Segments text already in memory (one paragraph per line), detecting its language. */
    public ParsedDocument read(String text, String sourceName) {
        return read(text, sourceName, null);
    }

    /** Segments text already in memory (one paragraph per line); {@code language} forces the language, {@code null} detects it. */
    public ParsedDocument read(String text, String sourceName, Language language) {
        Objects.requireNonNull(text, "text");
        String source = sourceName == null ? "<text>" : sourceName;
        return assemble(source, text.replace("\r\n", "\n").replace('\r', '\n'), "text/plain", Map.of(), language, null);
    }

    private ParsedDocument parse(byte[] bytes, String sourceName, Language language) throws DocumentReadException {
        String source = sourceName == null ? "<input>" : sourceName;
        if (bytes.length > 0 && UslmReader.isUslm(bytes)) {
            UslmReader.Result r = UslmReader.read(bytes, source, extractor.maxChars());
            if (r.text().isBlank()) {
                throw new DocumentReadException(source, DocumentReadException.Reason.EMPTY, "USLM document with no text");
            }
            Map<String, String> meta = new HashMap<>(r.metadata());
            meta.put("format", "USLM");
            return assemble(source, r.text(), UslmReader.MEDIA_TYPE, meta, language, r);
        }
        ExtractedText t = extractor.extract(bytes, source);
        return assemble(source, t.text(), t.mediaType(), t.metadata(), language, null);
    }

    private static ParsedDocument assemble(String source, String text, String mediaType, Map<String, String> metadata,
                                           Language forced, UslmReader.Result uslm) {
        Language language;
        double confidence;
        if (forced != null) {
            language = forced;
            confidence = 1.0;
        } else {
            DetectedLanguage d = LanguageDetector.detect(text, uslm != null ? Language.EN : Language.RU);
            language = d.language();
            confidence = d.confidence();
        }
        var provisions = uslm != null ? uslm.provisions() : ProvisionSegmenter.segment(text, language);
        return new ParsedDocument(source, text, language, confidence, mediaType, metadata, provisions);
    }

    /** Limits of a {@link DocumentReader}. */
    public static final class Builder {
        private long maxInputBytes = TextExtractor.DEFAULT_MAX_INPUT_BYTES;
        private long maxChars = TextExtractor.DEFAULT_MAX_CHARS;

        private Builder() {
        }

        /** Largest input read, in bytes (default 100 MB). */
        public Builder maxInputBytes(long bytes) {
            this.maxInputBytes = bytes;
            return this;
        }

        /** Largest extracted text, in characters (default 20 M). */
        public Builder maxChars(long chars) {
            this.maxChars = chars;
            return this;
        }

        /** A reader with these limits. */
        public DocumentReader build() {
            return new DocumentReader(this);
        }
    }
}
