package org.adaldyq.risk.procurement.cardinal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.notSet;
import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.objects;

/**
 * {@code [modifications] move_auctions = true}: the bids of the auctions' stages
 * ({@code /auctions[]/stages[]/bids[]}, every element, in order) become {@code /bids/details}, and the
 * {@code auctions} member is removed. When {@code /bids/details} is already set (not missing, null,
 * {@code ""} or {@code []}), or {@code /bids} is not an object, nothing moves and a warning says so. A
 * release whose auctions hold no bids is left as it is.
 */
final class AuctionMove implements ReleaseCorrection {
    @Override
    public void apply(ObjectNode release, Consumer<String> warnings) {
        List<JsonNode> moving = new ArrayList<>();
        for (ObjectNode auction : objects(release, "auctions")) {
            for (ObjectNode stage : objects(auction, "stages")) {
                JsonNode bids = stage.get("bids");
                if (bids != null && bids.isArray()) {
                    bids.forEach(moving::add);
                }
            }
        }
        if (moving.isEmpty()) {
            return;
        }
        JsonNode bids = release.get("bids");
        if (bids != null && !bids.isNull() && !bids.isObject()) {
            warnings.accept("/bids is not an object; auctions left as they are");
            return;
        }
        ObjectNode target = bids instanceof ObjectNode o ? o : release.putObject("bids");
        JsonNode details = target.get("details");
        if (!notSet(details) && !(details.isArray() && details.isEmpty())) {
            warnings.accept("both /bids/details and /auctions[]/stages[]/bids[] are set; auctions left as they are");
            return;
        }
        target.putArray("details").addAll(moving);
        release.remove("auctions");
    }
}
