package org.adaldyq.risk.procurement.fact;

/**
 * R048's statistic for one supplier with enough processes: the number of distinct classification prefixes
 * of the items of its {@code active} single-supplier awards.
 */
public final class SupplierVariety {
    private final String supplierId;
    private final long processes;
    private final int variety;

    public SupplierVariety(String supplierId, long processes, int variety) {
        this.supplierId = supplierId;
        this.processes = processes;
        this.variety = variety;
    }

    public String getSupplierId() {
        return supplierId;
    }

    public long getProcesses() {
        return processes;
    }

    public int getVariety() {
        return variety;
    }
}
