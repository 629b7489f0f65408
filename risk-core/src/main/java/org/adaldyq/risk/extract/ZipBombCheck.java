package org.adaldyq.risk.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Inflates a ZIP-based document (DOCX, ODT, XLSX…) once, counting bytes and discarding them, before any
 * parser sees it: Apache POI builds the whole XML tree before Tika's own limits apply, so a 1 MB DOCX whose
 * XML inflates to 1 GB would exhaust the memory. Declared sizes are not trusted; the inflated bytes are
 * counted. Stops at the first limit.
 */
final class ZipBombCheck {
    /** Inflated bytes a document may hold in all. */
    static final long MAX_INFLATED = 256L << 20;
    /** Above this many inflated bytes, a compression ratio over {@link #MAX_RATIO} is a suspected bomb. */
    static final long RATIO_FROM = 32L << 20;
    static final long MAX_RATIO = 200;

    private ZipBombCheck() {
    }

    /**
     * Entry names are read as ISO-8859-1 (every byte is a character; they serve only the message), so an old
     * archiver's code-page names pass; a name the archive flags as UTF-8 but that is not UTF-8 is a broken
     * archive, refused here rather than left to a parser that might read past it.
     *
     * @return the names of the entries read (all of them, or those before an entry the ZIP stream could not read)
     * @throws DocumentReadException {@code TOO_LARGE} when the archive inflates past a limit; {@code CORRUPT}
     *                               for an entry name flagged UTF-8 that is not; any other broken archive is
     *                               left to the parser (it reports it as {@code CORRUPT})
     */
    static java.util.List<String> check(byte[] zip, String source) throws DocumentReadException {
        java.util.List<String> names = new java.util.ArrayList<>();
        long inflated = 0;
        byte[] sink = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.ISO_8859_1)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                names.add(entry.getName());
                int n;
                while ((n = in.read(sink)) > 0) {
                    inflated += n;
                    if (inflated > MAX_INFLATED
                            || inflated > RATIO_FROM && inflated / Math.max(1, zip.length) > MAX_RATIO) {
                        throw new DocumentReadException(source, DocumentReadException.Reason.TOO_LARGE,
                                "a " + zip.length + "-byte archive that inflates to more than " + inflated
                                        + " bytes (" + entry.getName() + "): a suspected zip bomb, not parsed");
                    }
                }
            }
        } catch (DocumentReadException e) {
            throw e; // (it is an IOException too)
        } catch (IOException e) {
            // not readable as a ZIP stream: the parser decides (and names it CORRUPT)
        } catch (IllegalArgumentException e) {
            // ZipInputStream's word for an entry name flagged UTF-8 whose bytes are not UTF-8
            throw new DocumentReadException(source, DocumentReadException.Reason.CORRUPT,
                    "a ZIP entry name flagged UTF-8 is not UTF-8: a broken archive, not parsed");
        }
        return names;
    }
}
