package org.adaldyq.risk.procurement.model;

import java.time.Duration;
import java.time.Instant;

/** RFC 3339 date-times as Cardinal reads them (chrono {@code parse_from_rfc3339}). */
public final class OcdsDates {
    private OcdsDates() {
    }

    /**
     * Parses an RFC 3339 date-time ({@code T}, {@code t} or space separator; optional fraction; {@code Z},
     * {@code z} or {@code ±hh:mm}); null if it is not one. Hand-written: the JDK's formatter costs more
     * than parsing the whole JSON line.
     */
    public static Instant parse(String s) {
        if (s == null || s.length() < 20) {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        char sep = s.charAt(10);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 60 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || (sep != 'T' && sep != 't' && sep != ' ')) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < s.length() && Character.isDigit(s.charAt(i))) {
                if (i - start < 9) {
                    nanos = nanos * 10 + (s.charAt(i) - '0');
                }
                i++;
            }
            if (i == start) {
                return null;
            }
            for (int k = Math.min(i - start, 9); k < 9; k++) {
                nanos *= 10;
            }
        }
        if (i >= s.length()) {
            return null;
        }
        int offset;
        char z = s.charAt(i);
        if ((z == 'Z' || z == 'z') && i + 1 == s.length()) {
            offset = 0;
        } else if ((z == '+' || z == '-') && i + 6 == s.length() && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if (oh < 0 || oh > 23 || om < 0 || om > 59) {
                return null;
            }
            offset = (z == '+' ? 1 : -1) * (oh * 3600 + om * 60);
        } else {
            return null;
        }
        try {
            long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
            long secs = epochDay * 86_400L + hour * 3600L + minute * 60L + Math.min(second, 59) - offset;
            return Instant.ofEpochSecond(secs, nanos);
        } catch (java.time.DateTimeException e) {
            return null; // e.g. 31 February
        }
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Whole days from {@code start} to {@code end}, truncated toward zero (chrono {@code num_days}). */
    public static long wholeDays(Instant start, Instant end) {
        Duration d = Duration.between(start, end);
        long secs = d.getSeconds();
        if (secs < 0 && d.getNano() > 0) {
            secs += 1;
        }
        return secs / 86_400L;
    }
}
