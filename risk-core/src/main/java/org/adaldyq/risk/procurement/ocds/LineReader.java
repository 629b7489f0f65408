package org.adaldyq.risk.procurement.ocds;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads {@code \n}-terminated lines as bytes, without decoding them (Jackson decodes UTF-8 itself). A line
 * longer than the cap is skipped to its end and reported as {@link #TOO_LONG}, so one huge line can never
 * exhaust the heap. Not thread-safe.
 */
final class LineReader {
    static final byte[] TOO_LONG = new byte[0];

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private byte[] line = new byte[1 << 12];

    LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line without its terminator ({@code \r\n} too), {@link #TOO_LONG}, or null at the end. */
    byte[] next() throws IOException {
        int len = 0;
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == limit) {
                limit = in.read(buf, 0, buf.length);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int start = pos;
            while (pos < limit && buf[pos] != '\n') {
                pos++;
            }
            int n = pos - start;
            if (!tooLong) {
                if ((long) len + n > maxLineBytes) {
                    tooLong = true;
                } else {
                    if (len + n > line.length) {
                        line = Arrays.copyOf(line, Math.max(len + n, Math.min(maxLineBytes, line.length * 2)));
                    }
                    System.arraycopy(buf, start, line, len, n);
                    len += n;
                }
            }
            if (pos < limit) {
                pos++; // the '\n'
                break;
            }
        }
        if (tooLong) {
            return TOO_LONG;
        }
        if (len > 0 && line[len - 1] == '\r') {
            len--;
        }
        return Arrays.copyOf(line, len);
    }
}
