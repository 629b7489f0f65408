package org.adaldyq.risk.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** What an expert does to a DOCX in Word, done on its parts for the tests of the review made in Word. */
public final class WordEdits {
    private static final Pattern COMMENT = Pattern.compile("<w:comment [^>]*w:id=\"(\\d+)\".*?</w:comment>", Pattern.DOTALL);

    private WordEdits() {
    }

    /** A DOCX of {@code text}'s lines, a paragraph each (Markdown heading marks dropped): a draft as a ministry keeps it. */
    public static Path draft(Path text, Path docx) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); var out = Files.newOutputStream(docx)) {
            for (String line : Files.readAllLines(text)) {
                doc.createParagraph().createRun().setText(line.replaceFirst("^#+ ", ""));
            }
            doc.write(out);
        }
        return docx;
    }

    /** The parts of a DOCX, as text, in their order. */
    public static Map<String, String> parts(byte[] docx) throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                parts.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return parts;
    }

    /** A DOCX of these parts. */
    public static byte[] docx(Map<String, String> parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> p : parts.entrySet()) {
                out.putNextEntry(new ZipEntry(p.getKey()));
                out.write(p.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The ids of the comments, in their order. */
    public static java.util.List<String> commentIds(Map<String, String> parts) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        Matcher m = COMMENT.matcher(parts.get("word/comments.xml"));
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** The parts with comment {@code id} deleted as Word deletes one: the comment, its range and its reference. */
    public static Map<String, String> delete(Map<String, String> parts, String id) {
        Map<String, String> edited = new LinkedHashMap<>(parts);
        edited.put("word/comments.xml", parts.get("word/comments.xml").replaceFirst("<w:comment [^>]*w:id=\"" + id + "\".*?</w:comment>", ""));
        edited.put("word/document.xml", parts.get("word/document.xml").replace("<w:commentRangeStart w:id=\"" + id + "\"/>", "")
                .replace("<w:commentRangeEnd w:id=\"" + id + "\"/>", "").replace("<w:r><w:commentReference w:id=\"" + id + "\"/></w:r>", ""));
        return edited;
    }

    /** {@code docx} with its first comment deleted. */
    public static byte[] withoutFirstComment(byte[] docx) throws IOException {
        Map<String, String> parts = parts(docx);
        return docx(delete(parts, commentIds(parts).get(0)));
    }
}
