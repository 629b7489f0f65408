package org.adaldyq.risk.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adaldyq.risk.extract.DocumentReadException.Reason;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.UnsupportedFormatException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.html.HtmlMapper;
import org.apache.tika.parser.html.IdentityHtmlMapper;
import org.apache.tika.parser.html.JSoupParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

/**
 * Extracts text from DOCX, PDF, ODT, RTF, DOC, HTML, XML, plain text and Markdown.
 *
 * <p>Plain text and Markdown never touch Tika's {@link AutoDetectParser} (building it costs about a second,
 * which a command-line run feels): the format is sniffed from magic bytes and the name, text is decoded
 * here ({@link TextDecoder}: BOM, UTF-8, UTF-16, windows-1251, KOI8-R…). HTML is decoded here too and
 * handed to Tika's jsoup-based parser as a string, so a wrong {@code <meta charset>} cannot garble it.
 * Office formats and PDF go through the {@code AutoDetectParser}, built lazily, once, for all extractors;
 * it wraps the output in Tika's {@code SecureContentHandler}, which stops zip bombs.
 *
 * <p>Memory is bounded by {@link Builder#maxInputBytes} (the input is held in memory once) and
 * {@link Builder#maxChars} (the extracted text). Every failure is a {@link DocumentReadException} with a
 * {@link Reason}; nothing is printed. Immutable and thread-safe: build once, share.
 */
public final class TextExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(TextExtractor.class);

    /** Default largest input read: 100 MB. */
    public static final long DEFAULT_MAX_INPUT_BYTES = 100L * 1024 * 1024;
    /** Default largest extracted text: 20 M characters. */
    public static final long DEFAULT_MAX_CHARS = 20_000_000L;

    static final String MEDIA_TEXT = "text/plain";
    static final String MEDIA_MARKDOWN = "text/markdown";
    static final String MEDIA_HTML = "text/html";

    private static final Pattern META_CHARSET =
            Pattern.compile("(?i)<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)");
    private static final JSoupParser HTML_PARSER = new JSoupParser();

    /** The AutoDetectParser, created on first use only (class initialisation is lazy and thread-safe). */
    private static final class Tika {
        static final AutoDetectParser PARSER = create();

        private static AutoDetectParser create() {
            long t0 = System.nanoTime();
            AutoDetectParser p = new AutoDetectParser();
            LOG.debug("Tika AutoDetectParser created in {} ms", (System.nanoTime() - t0) / 1_000_000);
            return p;
        }
    }

    private final long maxInputBytes;
    private final long maxChars;

    private TextExtractor(Builder b) {
        this.maxInputBytes = b.maxInputBytes;
        this.maxChars = b.maxChars;
    }

    /** An extractor with the default limits (100 MB input, 20 M characters of text). */
    public static TextExtractor create() {
        return builder().build();
    }

    /** A builder with the default limits. */
    public static Builder builder() {
        return new Builder();
    }

    /** Largest input read, in bytes; larger inputs fail with {@link Reason#TOO_LARGE}. */
    public long maxInputBytes() {
        return maxInputBytes;
    }

    /** Largest extracted text, in characters; longer texts fail with {@link Reason#TOO_LARGE}. */
    public long maxChars() {
        return maxChars;
    }

    /** Reads and extracts a file. */
    public ExtractedText extract(Path file) throws DocumentReadException {
        return extract(readFile(file), file.getFileName() == null ? file.toString() : file.getFileName().toString());
    }

    /** Reads the stream to its end (not closing it) and extracts it; {@code sourceName} is used for messages and as a format hint. */
    public ExtractedText extract(InputStream in, String sourceName) throws DocumentReadException {
        return extract(readStream(in, sourceName), sourceName);
    }

    /** Extracts text from bytes already in memory; {@code sourceName} is used for messages and as a format hint. */
    public ExtractedText extract(byte[] bytes, String sourceName) throws DocumentReadException {
        String source = sourceName == null ? "<input>" : sourceName;
        if (bytes.length == 0) {
            throw new DocumentReadException(source, Reason.EMPTY, "zero bytes");
        }
        if (bytes.length > maxInputBytes) {
            throw tooLarge(source, bytes.length);
        }
        Format format = Format.sniff(bytes, source);
        ExtractedText result;
        switch (format) {
            case TEXT:
            case MARKDOWN:
                result = plainText(bytes, source, format == Format.MARKDOWN ? MEDIA_MARKDOWN : MEDIA_TEXT);
                break;
            case HTML:
                result = html(bytes, source);
                break;
            case ZIP:
                result = tika(WordComments.without(bytes, ZipBombCheck.check(bytes, source)), source, format);
                break;
            case PDF:
            case OLE2:
            case RTF:
            case XML:
                result = tika(bytes, source, format);
                break;
            case KNOWN_BINARY:
                throw new DocumentReadException(source, Reason.UNSUPPORTED_FORMAT,
                        "an image, archive or executable, not a document with text");
            default:
                throw new DocumentReadException(source, Reason.BINARY, "not a known document format");
        }
        if (result.text().isBlank()) {
            throw new DocumentReadException(source, Reason.EMPTY,
                    "no text in the " + result.mediaType() + " document"
                            + (format == Format.PDF ? " (a scanned PDF needs OCR first)" : ""));
        }
        return result;
    }

    /** Reads a whole file into memory within the input limit. */
    public byte[] readFile(Path file) throws DocumentReadException {
        String source = String.valueOf(file);
        try {
            long size = Files.size(file);
            if (size > maxInputBytes) {
                throw tooLarge(source, size);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return readStream(in, source);
            }
        } catch (DocumentReadException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new DocumentReadException(source, Reason.IO, "no such file", e);
        } catch (IOException | SecurityException e) {
            throw new DocumentReadException(source, Reason.IO, "cannot read: " + e, e);
        }
    }

    /** Reads a stream into memory within the input limit, without closing it. */
    public byte[] readStream(InputStream in, String sourceName) throws DocumentReadException {
        String source = sourceName == null ? "<input>" : sourceName;
        ByteArrayOutputStream buf = new ByteArrayOutputStream(64 * 1024);
        byte[] chunk = new byte[64 * 1024];
        long total = 0;
        try {
            int n;
            while ((n = in.read(chunk)) >= 0) {
                total += n;
                if (total > maxInputBytes) {
                    throw tooLarge(source, total);
                }
                buf.write(chunk, 0, n);
            }
        } catch (DocumentReadException e) {
            throw e;
        } catch (IOException e) {
            throw new DocumentReadException(source, Reason.IO, "cannot read: " + e, e);
        }
        return buf.toByteArray();
    }

    private DocumentReadException tooLarge(String source, long size) {
        return new DocumentReadException(source, Reason.TOO_LARGE,
                "more than " + maxInputBytes + " bytes (read " + size + ")");
    }

    private ExtractedText plainText(byte[] bytes, String source, String mediaType) throws DocumentReadException {
        TextDecoder.Decoded decoded = TextDecoder.decode(bytes, null, source);
        String text = normalizeLineBreaks(decoded.text());
        if (text.length() > maxChars) {
            throw new DocumentReadException(source, Reason.TOO_LARGE, "more than " + maxChars + " characters of text");
        }
        return new ExtractedText(text, mediaType, Map.of("charset", decoded.charset().name()));
    }

    private ExtractedText html(byte[] bytes, String source) throws DocumentReadException {
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        String declared = m.find() ? m.group(1) : null;
        TextDecoder.Decoded decoded = TextDecoder.decode(bytes, declared, source);
        ParagraphContentHandler handler = new ParagraphContentHandler(maxChars, true);
        Metadata metadata = new Metadata();
        ParseContext context = new ParseContext();
        context.set(HtmlMapper.class, IdentityHtmlMapper.INSTANCE);
        try {
            HTML_PARSER.parseString(decoded.text(), handler, metadata, context);
        } catch (ParagraphContentHandler.CharLimitException e) {
            throw new DocumentReadException(source, Reason.TOO_LARGE, e.getMessage(), e);
        } catch (SAXException | RuntimeException | StackOverflowError | AssertionError e) {
            throw new DocumentReadException(source, Reason.CORRUPT, "unreadable HTML: " + e, e);
        }
        Map<String, String> meta = metadataMap(metadata);
        meta.put("charset", decoded.charset().name());
        return new ExtractedText(handler.text(), MEDIA_HTML, meta);
    }

    private ExtractedText tika(byte[] bytes, String source, Format format) throws DocumentReadException {
        ParagraphContentHandler handler = new ParagraphContentHandler(maxChars, format == Format.PDF, true);
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, source);
        ParseContext context = new ParseContext();
        try (TikaInputStream in = TikaInputStream.get(bytes)) {
            Tika.PARSER.parse(in, handler, metadata, context);
        } catch (EncryptedDocumentException e) {
            throw new DocumentReadException(source, Reason.ENCRYPTED, "password-protected document", e);
        } catch (ZeroByteFileException e) {
            throw new DocumentReadException(source, Reason.EMPTY, "zero bytes", e);
        } catch (UnsupportedFormatException e) {
            throw new DocumentReadException(source, Reason.UNSUPPORTED_FORMAT, e.getMessage(), e);
        } catch (ParagraphContentHandler.CharLimitException e) {
            throw new DocumentReadException(source, Reason.TOO_LARGE, e.getMessage(), e);
        } catch (TikaException | SAXException | IOException | RuntimeException | StackOverflowError e) {
            throw classify(e, source);
        } catch (AssertionError e) {
            // a parser's own assertion (in a JVM run with -ea) failed on these bytes: Tika's RTF reader on an
            // unbalanced group, found by fuzzing; the document is broken, the batch goes on
            throw new DocumentReadException(source, Reason.CORRUPT, "broken document: a parser check failed (" + e + ")", e);
        }
        String mediaType = baseType(metadata.get(Metadata.CONTENT_TYPE));
        if (format == Format.ZIP && !mediaType.contains("opendocument") && !mediaType.contains("officedocument")
                && !mediaType.contains("epub")) {
            if (looksLikeOfficeName(source)) {
                throw new DocumentReadException(source, Reason.CORRUPT,
                        "named as an office document but is not a readable one (detected " + mediaType + ")");
            }
            throw new DocumentReadException(source, Reason.UNSUPPORTED_FORMAT, "an archive (" + mediaType + ")");
        }
        return new ExtractedText(handler.text(), mediaType, metadataMap(metadata));
    }

    private static DocumentReadException classify(Throwable e, String source) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EncryptedDocumentException
                    || t instanceof org.apache.poi.EncryptedDocumentException) {
                return new DocumentReadException(source, Reason.ENCRYPTED, "password-protected document", e);
            }
            if (t instanceof ParagraphContentHandler.CharLimitException || t instanceof WriteLimitReachedException) {
                return new DocumentReadException(source, Reason.TOO_LARGE, t.getMessage(), e);
            }
            String msg = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (msg.contains("zip bomb")) {
                return new DocumentReadException(source, Reason.TOO_LARGE, "suspected zip bomb", e);
            }
            if (msg.contains("password") || msg.contains("encrypt")) {
                return new DocumentReadException(source, Reason.ENCRYPTED, "password-protected document", e);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        LOG.debug("Cannot parse {}", source, e);
        return new DocumentReadException(source, Reason.CORRUPT, "broken document: " + withoutIdentityHashes(e.getMessage()), e);
    }

    /**
     * Tika names a parser by its identity ({@code OOXMLParser@7d90633}), which differs from run to run:
     * the record keeps the class name only, so two runs print the same bytes.
     */
    static String withoutIdentityHashes(String message) {
        return message == null ? null : message.replaceAll("\\b([A-Za-z_$][\\w$]*)@[0-9a-f]{1,8}\\b", "$1");
    }

    private static boolean looksLikeOfficeName(String source) {
        String s = source.toLowerCase(Locale.ROOT);
        return s.endsWith(".docx") || s.endsWith(".odt") || s.endsWith(".xlsx") || s.endsWith(".pptx")
                || s.endsWith(".docm") || s.endsWith(".dotx");
    }

    private static String baseType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return "application/octet-stream";
        }
        int semi = contentType.indexOf(';');
        return (semi >= 0 ? contentType.substring(0, semi) : contentType).trim();
    }

    private static Map<String, String> metadataMap(Metadata metadata) {
        Map<String, String> map = new TreeMap<>();
        for (String name : metadata.names()) {
            String v = metadata.get(name);
            if (v != null && !v.isBlank() && v.length() <= 4096) {
                map.put(name, v);
            }
        }
        return map;
    }

    /** {@code \r\n} and lone {@code \r} become {@code \n}: offsets refer to the text returned, not the bytes. */
    static String normalizeLineBreaks(String s) {
        if (s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Limits of a {@link TextExtractor}. */
    public static final class Builder {
        private long maxInputBytes = DEFAULT_MAX_INPUT_BYTES;
        private long maxChars = DEFAULT_MAX_CHARS;

        private Builder() {
        }

        /** Largest input read, in bytes (default 100 MB); the input is held in memory once. */
        public Builder maxInputBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("maxInputBytes must be positive");
            }
            this.maxInputBytes = bytes;
            return this;
        }

        /** Largest extracted text, in characters (default 20 M). */
        public Builder maxChars(long chars) {
            if (chars <= 0) {
                throw new IllegalArgumentException("maxChars must be positive");
            }
            this.maxChars = chars;
            return this;
        }

        /** An extractor with these limits. */
        public TextExtractor build() {
            return new TextExtractor(this);
        }
    }
}
