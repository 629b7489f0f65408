package org.adaldyq.risk.procurement.stats;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Strings in the run's temporary files: a length and UTF-8 bytes, of any length (an ocid or id of more
 * than 64 KiB is valid JSON; {@code DataOutputStream.writeUTF} would refuse it and end the run).
 */
public final class SpillText {
    private SpillText() {
    }

    /** Writes {@code s}: its UTF-8 length, then its bytes. */
    public static void write(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /**
     * Reads a string {@link #write} wrote.
     *
     * @throws java.io.EOFException at the end of the file, before a string starts
     */
    public static String read(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
