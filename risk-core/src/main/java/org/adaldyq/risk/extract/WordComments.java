package org.adaldyq.risk.extract;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A Word document's comments are not its text. Tika's DOCX reader writes each comment into the paragraph it is
 * anchored in («\tComment by AUTHOR: TEXT»), so a draft that came back from review with comments — the
 * reviewers' own, or the ones {@code scan --format docx} wrote — would be read as provisions that are not in the
 * draft, with findings in the comments' words. Before parsing, the comments part is emptied: the body, its
 * offsets and everything else stay as they are.
 */
final class WordComments {
    /** A WordprocessingML comments part (Word writes {@code word/comments.xml}). */
    private static final Pattern PART = Pattern.compile("word/comments\\d*\\.xml");
    private static final byte[] EMPTY = ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<w:comments xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>")
            .getBytes(StandardCharsets.UTF_8);

    private WordComments() {
    }

    /**
     * {@code zip} with its comments parts emptied, or {@code zip} itself when it has none (or cannot be read as a
     * ZIP stream, which the parser then reports).
     *
     * @param zip   a ZIP-based document, already checked for inflation ({@link ZipBombCheck})
     * @param names its entry names
     */
    static byte[] without(byte[] zip, List<String> names) {
        if (names.stream().noneMatch(n -> PART.matcher(n).matches())) {
            return zip;
        }
        ByteArrayOutputStream copy = new ByteArrayOutputStream(zip.length);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.ISO_8859_1);
             ZipOutputStream out = new ZipOutputStream(copy, StandardCharsets.ISO_8859_1)) {
            ZipEntry entry;
            java.util.Set<String> written = new java.util.HashSet<>();
            while ((entry = in.getNextEntry()) != null) {
                if (!written.add(entry.getName())) {
                    continue; // a name given twice: the first one stands, as readers of the central directory differ
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (PART.matcher(entry.getName()).matches()) {
                    out.write(EMPTY);
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        } catch (IOException | IllegalArgumentException e) {
            return zip; // not a readable ZIP stream after all: the parser decides
        }
        return copy.toByteArray();
    }
}
