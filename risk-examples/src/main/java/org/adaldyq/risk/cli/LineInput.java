package org.adaldyq.risk.cli;

import org.adaldyq.risk.procurement.ocds.OcdsReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The {@code FILE|-} argument of the commands that read raw JSON lines ({@code coverage}, {@code prepare}):
 * standard input or one regular file, never a directory. Gzip is decompressed (recognised by its magic
 * bytes, as everywhere in this CLI); Cardinal would see its bytes as invalid lines.
 */
final class LineInput {
    private LineInput() {
    }

    /** Opens {@code arg}; the exception's {@link #reason} is what to tell the user. */
    static InputStream open(String arg) throws IOException {
        if ("-".equals(arg)) {
            return OcdsReader.decompressed(System.in);
        }
        Path path;
        try {
            path = Path.of(arg);
        } catch (InvalidPathException e) {
            throw new IOException(e.getReason());
        }
        if (Files.isDirectory(path)) {
            throw new IOException("is a directory");
        }
        return OcdsReader.decompressed(Files.newInputStream(path));
    }

    /** "1 line", "2 lines": a count with its noun, for the closing summary on stderr. */
    static String counted(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** A short reason for an I/O failure, without the path (the caller prints it). */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
