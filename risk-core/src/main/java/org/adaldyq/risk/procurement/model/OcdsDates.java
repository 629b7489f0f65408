package org.adaldyq.risk.procurement.model;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** RFC 3339 date-times as Cardinal reads them (chrono {@code parse_from_rfc3339}). */
public final class OcdsDates {
    private OcdsDates() {
    }

    /** Parses an RFC 3339 date-time ({@code T}, {@code t} or space separator; {@code Z} or offset); null if not. */
    public static Instant parse(String s) {
        if (s == null || s.length() < 20) {
            return null;
        }
        char sep = s.charAt(10);
        String t = s;
        if (sep == ' ' || sep == 't') {
            t = s.substring(0, 10) + 'T' + s.substring(11);
        } else if (sep != 'T') {
            return null;
        }
        if (t.endsWith("z")) {
            t = t.substring(0, t.length() - 1) + 'Z';
        }
        if (t.length() < 19 || t.charAt(16) != ':') {
            return null; // RFC 3339 requires seconds
        }
        try {
            return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
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
