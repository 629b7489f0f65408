package org.adaldyq.risk.finding;

/**
 * A place in an OCDS dataset: the group Cardinal uses ({@code OCID}, {@code Buyer},
 * {@code ProcuringEntity}, {@code Tenderer}) and the identifier within it.
 */
public record ProcessLocation(String group, String id) implements Location {
}
