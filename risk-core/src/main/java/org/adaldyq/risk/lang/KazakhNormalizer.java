package org.adaldyq.risk.lang;

/**
 * Length-preserving normalisation of Kazakh Cyrillic text as it is found in the wild.
 *
 * <p>Older Kazakh texts were typed on Russian keyboards and in code pages without the Kazakh letters, so
 * Latin letters stand in for Cyrillic ones: Latin {@code i/I} for {@code і/І}, {@code Y/y} for
 * {@code Ү/ү}, {@code h/H} for {@code һ/Һ}, and Latin look-alikes ({@code a e o c p x k m t b}, …) for
 * their Cyrillic twins. Without normalisation «мүмкiн» (Latin i) and «мүмкін» do not match.
 *
 * <p>Each character is replaced by exactly one character, so offsets into the normalised text are
 * offsets into the original one: quotes are cut from the original with the same indexes. A Latin
 * letter is replaced only inside a word (a maximal run of letters) that holds at least one Cyrillic
 * letter and no Latin letter without a Cyrillic twin: English words and Latin abbreviations stay as
 * they are. Thread-safe and allocation-free in the {@code char[]} variant, which is meant for a Lucene
 * {@code TokenFilter}.
 */
public final class KazakhNormalizer {

    private KazakhNormalizer() {
    }

    /** Returns the normalised text, always of the same length as {@code text}. */
    public static String normalize(CharSequence text) {
        char[] buf = text.toString().toCharArray();
        normalize(buf, 0, buf.length);
        return new String(buf);
    }

    /**
     * Normalises {@code buf[off, off + len)} in place. Word boundaries are looked for only inside the
     * range, so a token buffer can be passed as is.
     *
     * @return the number of characters replaced
     */
    public static int normalize(char[] buf, int off, int len) {
        int end = off + len;
        int changed = 0;
        int i = off;
        while (i < end) {
            if (!Character.isLetter(buf[i])) {
                i++;
                continue;
            }
            int wordStart = i;
            boolean cyrillic = false;
            boolean latinToMap = false;
            boolean foreignLatin = false;
            while (i < end && Character.isLetter(buf[i])) {
                char c = buf[i];
                if (isCyrillic(c)) {
                    cyrillic = true;
                } else if (c < 0x80) {
                    if (twin(c) != 0) {
                        latinToMap = true;
                    } else {
                        foreignLatin = true;
                    }
                }
                i++;
            }
            if (cyrillic && latinToMap && !foreignLatin) {
                for (int j = wordStart; j < i; j++) {
                    char t = buf[j] < 0x80 ? twin(buf[j]) : 0;
                    if (t != 0) {
                        buf[j] = t;
                        changed++;
                    }
                }
            }
        }
        return changed;
    }

    /** True when {@code c} is in the Cyrillic blocks (basic, supplement). */
    static boolean isCyrillic(char c) {
        return (c >= '\u0400' && c <= '\u052F');
    }

    /** The Cyrillic letter a Latin letter stands for in Kazakh text, or 0 when it has none. */
    static char twin(char c) {
        switch (c) {
            case 'i': return '\u0456'; // і
            case 'I': return '\u0406'; // І
            case 'y': return '\u04AF'; // ү
            case 'Y': return '\u04AE'; // Ү
            case 'h': return '\u04BB'; // һ
            case 'H': return '\u04BA'; // Һ
            case 'a': return '\u0430';
            case 'A': return '\u0410';
            case 'B': return '\u0412';
            case 'e': return '\u0435';
            case 'E': return '\u0415';
            case 'K': return '\u041A';
            case 'k': return '\u043A';
            case 'M': return '\u041C';
            case 'o': return '\u043E';
            case 'O': return '\u041E';
            case 'p': return '\u0440';
            case 'P': return '\u0420';
            case 'c': return '\u0441';
            case 'C': return '\u0421';
            case 'T': return '\u0422';
            case 'x': return '\u0445';
            case 'X': return '\u0425';
            default: return 0;
        }
    }
}
