package org.adaldyq.risk.procurement.fact;

/** The groups of Cardinal's output, in its order. */
public enum Group {
    OCID, Buyer, ProcuringEntity, Tenderer
}
