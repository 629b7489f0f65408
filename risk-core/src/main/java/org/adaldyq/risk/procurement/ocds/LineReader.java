package org.adaldyq.risk.procurement.ocds;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads {@code \n}-terminated lines as bytes, without decoding them (the caller decodes and validates). A
 * line longer than the cap is skipped to its end and reported as {@link #TOO_LONG}, so one huge line can
 * never exhaust the heap. Shared by the OCDS reader and Cardinal's line commands
 * ({@code org.adaldyq.risk.procurement.cardinal}). Not thread-safe.
 */
public final class LineReader {
    /** Returned, by identity, in place of a line longer than the cap. */
    public static final byte[] TOO_LONG = new byte[0];

    private final InputStream in;
    private final int maxLineBytes;
    /** Bytes read ahead from the stream at a time. */
    public static final int BUFFER_BYTES = 1 << 16;

    private final byte[] buf = new byte[BUFFER_BYTES];
    private int pos;
    private int limit;
    private byte[] line = new byte[1 << 12];

    /** Reads {@code in} (not closed here) with lines capped at {@code maxLineBytes}. */
    public LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line without its terminator ({@code \r\n} too), {@link #TOO_LONG}, or null at the end. */
    public byte[] next() throws IOException {
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
            int end = newline(buf, start, limit);
            pos = end;
            int n = end - start;
            if (!tooLong) {
                if ((long) len + n > maxLineBytes) {
                    tooLong = true;
                } else {
                    if (len + n > line.length) {
                        // long arithmetic: doubling a buffer of 1 GiB or more overflows an int
                        line = Arrays.copyOf(line, (int) Math.max(len + n, Math.min(maxLineBytes, 2L * line.length)));
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

    /** The index of the first {@code \n} in {@code b[from, to)}, or {@code to}: a loop over locals the JIT keeps in registers. */
    private static int newline(byte[] b, int from, int to) {
        int i = from;
        while (i < to && b[i] != '\n') {
            i++;
        }
        return i;
    }
}
