package org.adaldyq.risk.procurement.fact;

/** A supplier ({@code awards[].suppliers[].id}) of an award with status {@code active}. */
public final class ActiveSupplier {
    private final String ocid;
    private final String supplierId;

    /** Facts for one supplier of one process; {@code supplierId} is one of {@code awards[].suppliers[].id}. */
    public ActiveSupplier(String ocid, String supplierId) {
        this.ocid = ocid;
        this.supplierId = supplierId;
    }

    /** The process's {@code ocid}. */
    public String getOcid() {
        return ocid;
    }

    /** The supplier's {@code id} in {@code awards[].suppliers[]}; each supplier appears once per process. */
    public String getSupplierId() {
        return supplierId;
    }
}
