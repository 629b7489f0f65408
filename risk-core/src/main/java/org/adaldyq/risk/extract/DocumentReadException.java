package org.adaldyq.risk.extract;

import java.io.IOException;
import java.util.Objects;

/**
 * A document could not be read into text. The {@link Reason} says why in a form a caller can act on
 * (report it, skip the file, ask for a password); the message names the file.
 */
public class DocumentReadException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Why a document could not be read. */
    public enum Reason {
        /** Zero bytes, or a document with no text in it (a scanned PDF without OCR, an empty page). */
        EMPTY,
        /** The format was recognised but the content is broken (truncated ZIP, malformed XML…). */
        CORRUPT,
        /** Password-protected (encrypted PDF with a user password, encrypted OOXML). */
        ENCRYPTED,
        /** A recognised format that holds no legal text we read (images, archives, executables…). */
        UNSUPPORTED_FORMAT,
        /** Over the configured input size or extracted-character limit, or a suspected zip bomb. */
        TOO_LARGE,
        /** Looks like text, but no character encoding decodes it sensibly. */
        UNREADABLE_ENCODING,
        /** Not text and not a known document format. */
        BINARY,
        /** The file or stream could not be read (missing, no permission, I/O failure). */
        IO,
        /** Read, but more provisions or trigger words per provision than the rules weigh (see {@code TooDenseException}). */
        TOO_DENSE
    }

    /** The file name or source name given by the caller. */
    private final String source;
    /** Why the document could not be read. */
    private final Reason reason;

    /** A failure to read {@code source}; {@code detail} says what went wrong, for the message. */
    public DocumentReadException(String source, Reason reason, String detail) {
        this(source, reason, detail, null);
    }

    /** As {@link #DocumentReadException(String, Reason, String)}, with the exception that caused it. */
    public DocumentReadException(String source, Reason reason, String detail, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason") + ": " + source + ": " + detail, cause);
        this.source = source;
        this.reason = reason;
    }

    /** The file name or source name given by the caller. */
    public String source() {
        return source;
    }

    /** Why the document could not be read; never null. */
    public Reason reason() {
        return reason;
    }
}
