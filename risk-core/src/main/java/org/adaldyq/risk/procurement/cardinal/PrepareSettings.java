package org.adaldyq.risk.procurement.cardinal;

import org.adaldyq.risk.procurement.settings.Settings;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sections of a Cardinal settings file that {@code prepare} reads, typed. A value left empty
 * ({@code currency =}) is the same as no value. A boolean is on when it is {@code true} in any case.
 * Codelist keys are exact, case-sensitive codes.
 *
 * @param currency                      {@code [defaults] currency}, or null
 * @param itemClassificationScheme      {@code [defaults] item_classification_scheme}, or null
 * @param bidStatus                     {@code [defaults] bid_status}, or null
 * @param awardStatus                   {@code [defaults] award_status}, or null
 * @param partyRoles                    {@code [defaults] party_roles}
 * @param redactedAmounts               {@code [redactions] amount}, compared numerically
 * @param redactedOrganizationIds       {@code [redactions] organization_id}
 * @param bidStatusCodes                {@code [codelists.bid_status]}: old code → new code
 * @param awardStatusCodes              {@code [codelists.award_status]}: old code → new code
 * @param moveAuctions                  {@code [modifications] move_auctions}
 * @param buyerOrProcuringEntityPrefix  {@code [modifications] prefix_buyer_or_procuring_entity_id}, or null
 * @param tendererOrSupplierPrefix      {@code [modifications] prefix_tenderer_or_supplier_id}, or null
 * @param methodDetailsSeparator        {@code [modifications] split_procurement_method_details}, or null
 * @param awardStatusByContractStatus   {@code [corrections] award_status_by_contract_status}
 */
record PrepareSettings(
        String currency, String itemClassificationScheme, String bidStatus, String awardStatus, boolean partyRoles,
        List<BigDecimal> redactedAmounts, Set<String> redactedOrganizationIds,
        Map<String, String> bidStatusCodes, Map<String, String> awardStatusCodes,
        boolean moveAuctions, String buyerOrProcuringEntityPrefix, String tendererOrSupplierPrefix,
        String methodDetailsSeparator, boolean awardStatusByContractStatus) {

    /** Reads the sections; a redacted amount that is not a number is an {@link IllegalArgumentException}. */
    static PrepareSettings of(Settings settings) {
        Map<String, String> defaults = settings.section("defaults");
        Map<String, String> redactions = settings.section("redactions");
        Map<String, String> modifications = settings.section("modifications");
        return new PrepareSettings(
                text(defaults, "currency"), text(defaults, "item_classification_scheme"),
                text(defaults, "bid_status"), text(defaults, "award_status"), on(defaults, "party_roles"),
                Settings.split(redactions.get("amount")).stream().map(PrepareSettings::amount).toList(),
                Settings.split(redactions.get("organization_id")),
                Map.copyOf(settings.section("codelists.bid_status")),
                Map.copyOf(settings.section("codelists.award_status")),
                on(modifications, "move_auctions"),
                text(modifications, "prefix_buyer_or_procuring_entity_id"),
                text(modifications, "prefix_tenderer_or_supplier_id"),
                text(modifications, "split_procurement_method_details"),
                on(settings.section("corrections"), "award_status_by_contract_status"));
    }

    private static String text(Map<String, String> section, String key) {
        String value = section.get(key);
        return value == null || value.isEmpty() ? null : value;
    }

    private static boolean on(Map<String, String> section, String key) {
        return "true".equalsIgnoreCase(section.get(key));
    }

    private static BigDecimal amount(String placeholder) {
        try {
            return new BigDecimal(placeholder);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("[redactions] amount: not a number: '" + placeholder + "'");
        }
    }
}
