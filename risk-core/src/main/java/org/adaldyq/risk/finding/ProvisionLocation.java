package org.adaldyq.risk.finding;

/**
 * A place in a legal text: the provision's citation and character offsets, and the exact quote of the
 * words that trigger the finding with their offsets. Offsets are UTF-16 indexes into the extracted text
 * ({@code end} exclusive), so {@code text.substring(start, end).equals(quote)}.
 */
public record ProvisionLocation(
        String provision,
        int provisionStart,
        int provisionEnd,
        String quote,
        int start,
        int end) implements Location {
}
