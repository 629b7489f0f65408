package org.adaldyq.risk.procurement.fact;

/** A supplier ({@code awards[].suppliers[].id}) of an award with status {@code active}. */
public final class ActiveSupplier {
    private final String ocid;
    private final String supplierId;

    public ActiveSupplier(String ocid, String supplierId) {
        this.ocid = ocid;
        this.supplierId = supplierId;
    }

    public String getOcid() {
        return ocid;
    }

    public String getSupplierId() {
        return supplierId;
    }
}
