package org.adaldyq.risk.procurement.cardinal;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.Consumer;

import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.awards;
import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.bids;

/**
 * Always done: an object where OCDS wants an array of organisation references becomes a one-element
 * array, at {@code /bids/details[]/tenderers} and {@code /awards[]/suppliers}.
 */
final class ArrayWrapping implements ReleaseCorrection {
    @Override
    public void apply(ObjectNode release, Consumer<String> warnings) {
        bids(release).forEach(bid -> wrap(bid, "tenderers"));
        awards(release).forEach(award -> wrap(award, "suppliers"));
    }

    private static void wrap(ObjectNode holder, String name) {
        if (holder.get(name) instanceof ObjectNode single) {
            holder.putArray(name).add(single); // replaces the member in its place
        }
    }
}
