package org.adaldyq.risk.procurement.fact;

/** The groups of Cardinal's output, in its order. */
public enum Group {
    /** A contracting process, by its {@code ocid}. */
    OCID,
    /** A buyer, by {@code buyer.id}. */
    Buyer,
    /** A procuring entity, by {@code tender.procuringEntity.id}. */
    ProcuringEntity,
    /** A tenderer or supplier, by its organisation {@code id}. */
    Tenderer
}
