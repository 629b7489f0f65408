package org.adaldyq.risk.procurement.cardinal;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.function.Consumer;

import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.buyerAndProcuringEntity;
import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.suppliers;
import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.tenderers;
import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.text;

/**
 * {@code [modifications] prefix_buyer_or_procuring_entity_id = X-} prefixes {@code /buyer/id} and
 * {@code /tender/procuringEntity/id}; {@code prefix_tenderer_or_supplier_id = Y-} prefixes
 * {@code /bids/details[]/tenderers[]/id} and {@code /awards[]/suppliers[]/id}, so that an organisation
 * that is both a buyer and a supplier is two ids for the indicators. An id that is not set (a redacted one
 * is removed) or already starts with the prefix is left as it is; so are the parties' own ids. A null
 * prefix prefixes nothing.
 */
final class IdPrefixing implements ReleaseCorrection {
    private final String buyerOrProcuringEntityPrefix;
    private final String tendererOrSupplierPrefix;

    IdPrefixing(String buyerOrProcuringEntityPrefix, String tendererOrSupplierPrefix) {
        this.buyerOrProcuringEntityPrefix = buyerOrProcuringEntityPrefix;
        this.tendererOrSupplierPrefix = tendererOrSupplierPrefix;
    }

    @Override
    public void apply(ObjectNode release, Consumer<String> warnings) {
        prefix(buyerAndProcuringEntity(release), buyerOrProcuringEntityPrefix);
        prefix(tenderers(release), tendererOrSupplierPrefix);
        prefix(suppliers(release), tendererOrSupplierPrefix);
    }

    private static void prefix(List<ObjectNode> references, String prefix) {
        if (prefix == null) {
            return;
        }
        for (ObjectNode reference : references) {
            String id = text(reference.get("id"));
            if (id != null && !id.startsWith(prefix)) {
                reference.put("id", prefix + id);
            }
        }
    }
}
