package org.adaldyq.risk.extract;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Input formats told apart cheaply, by magic bytes first and the file name second. */
enum Format {
    PDF, ZIP, OLE2, RTF, HTML, XML, TEXT, MARKDOWN, KNOWN_BINARY, UNKNOWN_BINARY;

    static Format sniff(byte[] b, String name) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        if (startsWith(b, 0, "%PDF-") || indexOf(b, "%PDF-", 1024) >= 0) {
            return PDF;
        }
        if (startsWith(b, 0, "PK\u0003\u0004") || startsWith(b, 0, "PK\u0005\u0006")) {
            return ZIP;
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11
                && (b[3] & 0xFF) == 0xE0) {
            return OLE2;
        }
        if (startsWith(b, 0, "{\\rtf")) {
            return RTF;
        }
        if (isKnownBinary(b)) {
            return KNOWN_BINARY;
        }
        int bom = TextDecoder.bomLength(b);
        if (TextDecoder.bomCharset(b) == StandardCharsets.UTF_8 || bom == 0) {
            String head = new String(b, bom, Math.min(b.length - bom, 2048), StandardCharsets.ISO_8859_1)
                    .stripLeading().toLowerCase(Locale.ROOT);
            if (head.startsWith("<!doctype html") || head.startsWith("<html")
                    || (head.startsWith("<") && head.contains("<html"))) {
                return HTML;
            }
            if (head.startsWith("<?xml") || (head.startsWith("<") && (lower.endsWith(".xml")))) {
                return head.contains("<html") ? HTML : XML;
            }
            if (head.startsWith("<") && (lower.endsWith(".html") || lower.endsWith(".htm"))) {
                return HTML;
            }
        }
        if (bom == 0 && TextDecoder.looksBinary(b) && !looksUtf16(b)) {
            return UNKNOWN_BINARY;
        }
        if (lower.endsWith(".md") || lower.endsWith(".markdown")) {
            return MARKDOWN;
        }
        return TEXT;
    }

    private static boolean looksUtf16(byte[] b) {
        return TextDecoder.utf16WithoutBom(b) != null;
    }

    private static boolean isKnownBinary(byte[] b) {
        return startsWithBytes(b, 0x89, 'P', 'N', 'G') // PNG
                || startsWithBytes(b, 0xFF, 0xD8, 0xFF) // JPEG
                || startsWith(b, 0, "GIF8")
                || startsWithBytes(b, 0x7F, 'E', 'L', 'F')
                || startsWith(b, 0, "MZ")
                || startsWithBytes(b, 0x1F, 0x8B) // gzip
                || startsWith(b, 0, "Rar!")
                || startsWithBytes(b, '7', 'z', 0xBC, 0xAF)
                || startsWithBytes(b, 0xCA, 0xFE, 0xBA, 0xBE)
                || startsWith(b, 0, "ID3")
                || (startsWith(b, 0, "RIFF") && b.length > 12);
    }

    private static boolean startsWith(byte[] b, int off, String ascii) {
        if (b.length < off + ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[off + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithBytes(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] b, String ascii, int limit) {
        int end = Math.min(b.length, limit) - ascii.length();
        for (int i = 0; i <= end; i++) {
            if (startsWith(b, i, ascii)) {
                return i;
            }
        }
        return -1;
    }
}
