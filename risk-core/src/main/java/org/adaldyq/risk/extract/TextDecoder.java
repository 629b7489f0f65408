package org.adaldyq.risk.extract;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import org.adaldyq.risk.extract.DocumentReadException.Reason;
import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.parser.txt.CharsetMatch;

/**
 * Decodes bytes that should be text: BOM first, then UTF-16 without BOM (Cyrillic UTF-16 has 0x04 as
 * every other byte), then strict UTF-8, then a declared charset or Tika's n-gram {@link CharsetDetector}
 * (which knows windows-1251, KOI8-R, IBM866 and ISO-8859-5 Russian). A label that contradicts the bytes
 * (HTML saying utf-8 over windows-1251 bytes) loses: valid UTF-8 is checked before any label is trusted.
 */
final class TextDecoder {

    /** Result of decoding: the text (BOM removed) and the charset used. */
    record Decoded(String text, Charset charset) {
    }

    private static final int SAMPLE = 64 * 1024;

    private TextDecoder() {
    }

    static Decoded decode(byte[] bytes, String declaredCharset, String source) throws DocumentReadException {
        if (bytes.length == 0) {
            throw new DocumentReadException(source, Reason.EMPTY, "zero bytes");
        }
        Charset bom = bomCharset(bytes);
        if (bom != null) {
            int skip = bomLength(bytes);
            return checked(new String(bytes, skip, bytes.length - skip, bom), bom, source);
        }
        Charset utf16 = utf16WithoutBom(bytes);
        if (utf16 != null) {
            return checked(new String(bytes, utf16), utf16, source);
        }
        if (looksBinary(bytes)) {
            throw new DocumentReadException(source, Reason.BINARY,
                    "binary content (control bytes), not text and not a known document format");
        }
        String utf8 = strictUtf8(bytes);
        if (utf8 != null) {
            return new Decoded(utf8, StandardCharsets.UTF_8);
        }
        Charset declared = charsetOrNull(declaredCharset);
        if (declared != null && declared.name().startsWith("UTF-")) {
            declared = null; // declared UTF-8 but not valid UTF-8: the label is wrong
        }
        Charset detected = detect(bytes, declared);
        if (detected == null) {
            throw new DocumentReadException(source, Reason.UNREADABLE_ENCODING,
                    "not valid UTF-8 and no character encoding recognised");
        }
        return checked(new String(bytes, detected), detected, source);
    }

    private static Decoded checked(String text, Charset cs, String source) throws DocumentReadException {
        int bad = 0;
        int n = Math.min(text.length(), SAMPLE);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || c == 0 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')) {
                bad++;
            }
        }
        if (n > 0 && bad > Math.max(2, n / 100)) {
            throw new DocumentReadException(source, Reason.UNREADABLE_ENCODING,
                    "decoding as " + cs.name() + " gives " + bad + " invalid characters in the first " + n);
        }
        return new Decoded(text, cs);
    }

    static Charset bomCharset(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    static int bomLength(byte[] b) {
        Charset cs = bomCharset(b);
        return cs == null ? 0 : cs == StandardCharsets.UTF_8 ? 3 : 2;
    }

    /** UTF-16 text without BOM: one byte of each pair is almost always 0x00 (Latin) or 0x04 (Cyrillic). */
    static Charset utf16WithoutBom(byte[] b) {
        int n = Math.min(b.length, SAMPLE) & ~1;
        if (n < 8) {
            return null;
        }
        int evenHigh = 0;
        int oddHigh = 0;
        int evenZero = 0;
        int oddZero = 0;
        for (int i = 0; i < n; i += 2) {
            int e = b[i] & 0xFF;
            int o = b[i + 1] & 0xFF;
            if (e == 0 || e == 4) {
                evenHigh++;
            }
            if (o == 0 || o == 4) {
                oddHigh++;
            }
            if (e == 0) {
                evenZero++;
            }
            if (o == 0) {
                oddZero++;
            }
        }
        int pairs = n / 2;
        if (oddHigh > pairs * 0.7 && evenZero < pairs * 0.05 && oddZero > 0) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenHigh > pairs * 0.7 && oddZero < pairs * 0.05 && evenZero > 0) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** Control bytes other than tab, newline, carriage return, form feed and escape: not text. */
    static boolean looksBinary(byte[] b) {
        int n = Math.min(b.length, SAMPLE);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                return true;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B) {
                control++;
            }
        }
        return control > Math.max(1, n / 200);
    }

    static String strictUtf8(byte[] b) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer cb = dec.decode(ByteBuffer.wrap(b));
            return cb.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static Charset detect(byte[] bytes, Charset declared) {
        CharsetDetector detector = new CharsetDetector();
        if (declared != null) {
            detector.setDeclaredEncoding(declared.name());
        }
        byte[] sample = bytes.length > SAMPLE ? java.util.Arrays.copyOf(bytes, SAMPLE) : bytes;
        detector.setText(sample);
        CharsetMatch[] matches = detector.detectAll();
        for (CharsetMatch m : matches) {
            Charset cs = charsetOrNull(m.getName());
            if (cs == null) {
                continue;
            }
            if (declared != null && m.getConfidence() < 50) {
                return declared;
            }
            return cs;
        }
        return declared;
    }

    static Charset charsetOrNull(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }
}
