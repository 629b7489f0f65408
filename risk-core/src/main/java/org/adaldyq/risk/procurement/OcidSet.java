package org.adaldyq.risk.procurement;

/**
 * Remembers which ocids were seen, in 8 bytes each (a 64-bit hash), to warn about duplicates without
 * holding a million strings. A hash collision (≈ n²/2⁶⁵) would only cause a spurious warning.
 */
final class OcidSet {
    private long[] table = new long[1 << 12];
    private int size;
    private boolean zeroSeen;

    /** Adds; true when it was not there yet. */
    boolean add(String ocid) {
        long h = hash(ocid);
        if (h == 0) {
            boolean added = !zeroSeen;
            zeroSeen = true;
            return added;
        }
        if (size * 2 >= table.length) {
            grow();
        }
        int mask = table.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (table[i] != 0) {
            if (table[i] == h) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = h;
        size++;
        return true;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long h : old) {
            if (h != 0) {
                int i = (int) (h ^ (h >>> 32)) & mask;
                while (table[i] != 0) {
                    i = (i + 1) & mask;
                }
                table[i] = h;
            }
        }
    }

    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
