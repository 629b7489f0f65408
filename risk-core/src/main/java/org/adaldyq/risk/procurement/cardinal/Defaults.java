package org.adaldyq.risk.procurement.cardinal;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.Consumer;

import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.awards;
import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.bids;
import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.itemClassifications;
import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.notSet;
import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.object;

/**
 * {@code [defaults]} values: fill a member only where it is not set (missing, null or {@code ""}), and only
 * inside containers that exist. {@code currency} → {@code /bids/details[]/value/currency} of bids that
 * have a {@code value} object; {@code item_classification_scheme} → {@code classification/scheme} of the
 * items of bids and awards that have a {@code classification} object; {@code bid_status} →
 * {@code /bids/details[]/status}; {@code award_status} → {@code /awards[]/status}. A null setting fills
 * nothing. ({@code party_roles} is {@link PartyRoles}.)
 */
final class Defaults implements ReleaseCorrection {
    private final String currency;
    private final String itemClassificationScheme;
    private final String bidStatus;
    private final String awardStatus;

    Defaults(String currency, String itemClassificationScheme, String bidStatus, String awardStatus) {
        this.currency = currency;
        this.itemClassificationScheme = itemClassificationScheme;
        this.bidStatus = bidStatus;
        this.awardStatus = awardStatus;
    }

    @Override
    public void apply(ObjectNode release, Consumer<String> warnings) {
        for (ObjectNode bid : bids(release)) {
            fill(bid, "status", bidStatus);
            fill(object(bid, "value"), "currency", currency);
            itemClassifications(bid).forEach(classification -> fill(classification, "scheme", itemClassificationScheme));
        }
        for (ObjectNode award : awards(release)) {
            fill(award, "status", awardStatus);
            itemClassifications(award).forEach(classification -> fill(classification, "scheme", itemClassificationScheme));
        }
    }

    private static void fill(ObjectNode holder, String name, String value) {
        if (value != null && holder != null && notSet(holder.get(name))) {
            holder.put(name, value);
        }
    }
}
