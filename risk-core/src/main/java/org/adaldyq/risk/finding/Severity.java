package org.adaldyq.risk.finding;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How serious a factor or flag is. The weight feeds the scores (see {@code docs/scoring.md}). */
public enum Severity {
    /** Low: one finding weighs 0.35. */
    LOW(0.35),
    /** Medium: one finding weighs 0.6. */
    MEDIUM(0.6),
    /** High: one finding weighs 0.85. */
    HIGH(0.85);

    private final double weight;

    Severity(double weight) {
        this.weight = weight;
    }

    /** The base score in (0, 1) of one finding of this severity. */
    public double weight() {
        return weight;
    }

    /** Parses a severity name, case-insensitively and ignoring surrounding blanks, as written in rules and JSON. */
    @JsonCreator
    public static Severity parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
