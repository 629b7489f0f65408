package org.adaldyq.risk.procurement.cardinal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.Consumer;

import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.awards;
import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.buyerAndProcuringEntity;
import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.itemClassifications;
import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.objects;
import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.suppliers;
import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.tenderers;

/**
 * Always done: an integer id becomes its decimal string ({@code 123} → {@code "123"}) at
 * {@code /parties[]/id}, {@code /buyer/id}, {@code /tender/procuringEntity/id},
 * {@code /bids/details[]/tenderers[]/id}, {@code /awards[]/id}, {@code /awards[]/suppliers[]/id},
 * {@code /awards[]/items[]/classification/id} and {@code /contracts[]/awardID}. Only integer literals
 * (of any size): {@code 1.5} and {@code 1e3} are left as they are.
 */
final class IdNormalisation implements ReleaseCorrection {
    @Override
    public void apply(ObjectNode release, Consumer<String> warnings) {
        objects(release, "parties").forEach(party -> normalise(party, "id"));
        buyerAndProcuringEntity(release).forEach(reference -> normalise(reference, "id"));
        tenderers(release).forEach(tenderer -> normalise(tenderer, "id"));
        for (ObjectNode award : awards(release)) {
            normalise(award, "id");
            objects(award, "suppliers").forEach(supplier -> normalise(supplier, "id"));
            itemClassifications(award).forEach(classification -> normalise(classification, "id"));
        }
        objects(release, "contracts").forEach(contract -> normalise(contract, "awardID"));
    }

    private static void normalise(ObjectNode holder, String name) {
        JsonNode id = holder.get(name);
        if (id != null && id.isIntegralNumber()) {
            holder.put(name, id.bigIntegerValue().toString());
        }
    }
}
