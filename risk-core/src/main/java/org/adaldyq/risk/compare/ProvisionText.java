package org.adaldyq.risk.compare;

/**
 * A provision of one version, as the comparison shows it.
 *
 * @param citation its citation in that version ({@code Article 12, point 3})
 * @param start    offset of its text in that version's extracted text
 * @param end      end of its text (exclusive)
 * @param text     its own text
 */
public record ProvisionText(String citation, int start, int end, String text) {
}
