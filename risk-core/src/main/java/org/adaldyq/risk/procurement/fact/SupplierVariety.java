package org.adaldyq.risk.procurement.fact;

/**
 * R048's statistic for one supplier with enough processes: the number of distinct classification prefixes
 * of the items of its {@code active} single-supplier awards.
 */
public final class SupplierVariety {
    private final String supplierId;
    private final long processes;
    private final int variety;

    /** The variety of one supplier over {@code processes} processes. */
    public SupplierVariety(String supplierId, long processes, int variety) {
        this.supplierId = supplierId;
        this.processes = processes;
        this.variety = variety;
    }

    /** The supplier's {@code awards[].suppliers[].id}. */
    public String getSupplierId() {
        return supplierId;
    }

    /** Processes with an {@code active} single-supplier award to it; at least the indicator's minimum. */
    public long getProcesses() {
        return processes;
    }

    /** Distinct classification prefixes of {@code items[].classification.id} across those awards. */
    public int getVariety() {
        return variety;
    }
}
