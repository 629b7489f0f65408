package org.adaldyq.risk.procurement.cardinal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.awards;
import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.bids;

/**
 * {@code [codelists.bid_status]} and {@code [codelists.award_status]}: {@code OldCode = newCode} replaces a
 * publisher's code of {@code /bids/details[]/status} or {@code /awards[]/status} by the OCDS code. Keys
 * match exactly (case-sensitive); a code not listed is left as it is.
 */
final class StatusRemap implements ReleaseCorrection {
    private final Map<String, String> bidCodes;
    private final Map<String, String> awardCodes;

    StatusRemap(Map<String, String> bidCodes, Map<String, String> awardCodes) {
        this.bidCodes = Map.copyOf(bidCodes);
        this.awardCodes = Map.copyOf(awardCodes);
    }

    @Override
    public void apply(ObjectNode release, Consumer<String> warnings) {
        remap(bids(release), bidCodes);
        remap(awards(release), awardCodes);
    }

    private static void remap(List<ObjectNode> holders, Map<String, String> codes) {
        for (ObjectNode holder : holders) {
            JsonNode status = holder.get("status");
            if (status != null && status.isTextual() && codes.containsKey(status.textValue())) {
                holder.put("status", codes.get(status.textValue()));
            }
        }
    }
}
