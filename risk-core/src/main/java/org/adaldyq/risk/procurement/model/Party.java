package org.adaldyq.risk.procurement.model;

import java.util.List;

/**
 * An entry of {@code parties[]} with what business-similarity checks need.
 *
 * @param address   normalised full address (street, locality, region, postal code, country), null when
 *                  any part is missing
 * @param telephone digits of {@code contactPoint.telephone}, null when absent
 * @param email     lower-cased {@code contactPoint.email}, null when absent
 *
 * @serial exclude
 */
public record Party(String id, String name, List<String> roles, String address, String telephone, String email) implements java.io.Serializable {
}
