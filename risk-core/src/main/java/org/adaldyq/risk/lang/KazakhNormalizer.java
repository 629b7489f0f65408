package org.adaldyq.risk.lang;

/**
 * Placeholder until the full normaliser lands: maps Latin letters mixed into Cyrillic Kazakh words to
 * their Cyrillic counterparts, char for char, so offsets never move.
 */
public final class KazakhNormalizer {
    private KazakhNormalizer() {
    }

    public static String normalize(CharSequence text) {
        char[] buf = text.toString().toCharArray();
        normalize(buf, 0, buf.length);
        return new String(buf);
    }

    public static void normalize(char[] buf, int off, int len) {
        boolean cyrillic = false;
        for (int i = off; i < off + len; i++) {
            if (Character.UnicodeBlock.of(buf[i]) == Character.UnicodeBlock.CYRILLIC) {
                cyrillic = true;
                break;
            }
        }
        if (!cyrillic) {
            return;
        }
        for (int i = off; i < off + len; i++) {
            switch (buf[i]) {
                case 'i' -> buf[i] = 'і';
                case 'I' -> buf[i] = 'І';
                case 'Y' -> buf[i] = 'Ү';
                case 'y' -> buf[i] = 'ү';
                case 'h' -> buf[i] = 'һ';
                case 'H' -> buf[i] = 'Һ';
                default -> { }
            }
        }
    }
}
