package org.adaldyq.risk.procurement.cardinal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.awards;
import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.objects;
import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.text;

/**
 * {@code [corrections] award_status_by_contract_status = true}: an award with at least one related
 * contract ({@code /contracts[]/awardID} equal to the award's {@code id}) whose related contracts all
 * have the status {@code cancelled} gets the status {@code cancelled}.
 */
final class AwardStatusByContracts implements ReleaseCorrection {
    @Override
    public void apply(ObjectNode release, Consumer<String> warnings) {
        Map<String, List<JsonNode>> statusesByAward = new HashMap<>();
        for (ObjectNode contract : objects(release, "contracts")) {
            String awardId = text(contract.get("awardID"));
            if (awardId != null) {
                statusesByAward.computeIfAbsent(awardId, id -> new ArrayList<>()).add(contract.get("status"));
            }
        }
        for (ObjectNode award : awards(release)) {
            String id = text(award.get("id"));
            List<JsonNode> statuses = id == null ? List.of() : statusesByAward.getOrDefault(id, List.of());
            if (!statuses.isEmpty() && statuses.stream().allMatch(s -> s != null && "cancelled".equals(s.textValue()))) {
                award.put("status", "cancelled");
            }
        }
    }
}
