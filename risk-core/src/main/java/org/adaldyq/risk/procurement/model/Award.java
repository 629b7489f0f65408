package org.adaldyq.risk.procurement.model;

import java.time.Instant;
import java.util.List;

/**
 * An entry of {@code awards[]}.
 *
 * @param supplierIds           ids of {@code suppliers[]} that have one
 * @param supplierCount         number of entries in {@code suppliers[]}
 * @param itemClassificationIds {@code items[].classification.id} that are strings
 *
 * @serial exclude
 */
public record Award(int index, String id, String status, Instant date, Money value,
                    List<String> supplierIds, int supplierCount, List<String> itemClassificationIds) implements java.io.Serializable {

    /** True when {@code status} is {@code active}: the award is made (Cardinal's "complete" award). */
    public boolean active() {
        return "active".equals(status);
    }
}
