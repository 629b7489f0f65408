package org.adaldyq.risk.finding;

/**
 * One fact behind a finding: what was looked at ({@code path}: an OCDS JSON path or a trigger concept),
 * the value found and, when the finding compares it with one, the threshold.
 *
 * @serial exclude
 */
public record Evidence(String path, Object value, Object threshold) implements java.io.Serializable {
    /** The path of the evidence entry that says, in words, how often findings like this one were right. */
    public static final String CONFIDENCE = "confidence";

    /** Evidence that was not compared with a threshold. */
    public static Evidence of(String path, Object value) {
        return new Evidence(path, value, null);
    }
}
