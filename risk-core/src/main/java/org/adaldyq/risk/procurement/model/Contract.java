package org.adaldyq.risk.procurement.model;

import java.time.Instant;

/**
 * An entry of {@code contracts[]}.
 *
 * @param amendmentCount number of entries in {@code amendments[]} (OCDS 1.1) or {@code amendment} (1.0)
 *
 * @serial exclude
 */
public record Contract(int index, String id, String awardId, String status, Instant dateSigned, Money value,
                       int amendmentCount) implements java.io.Serializable {
}
