package org.adaldyq.risk.procurement.cardinal;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.function.Consumer;

import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.object;
import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.text;

/**
 * {@code [modifications] split_procurement_method_details = SEP}: {@code /tender/procurementMethodDetails}
 * keeps its part before the first {@code SEP}, trimmed. A value without the separator is left as it is.
 */
final class MethodDetailsSplit implements ReleaseCorrection {
    private final String separator;

    MethodDetailsSplit(String separator) {
        this.separator = separator;
    }

    @Override
    public void apply(ObjectNode release, Consumer<String> warnings) {
        ObjectNode tender = object(release, "tender");
        String details = text(tender == null ? null : tender.get("procurementMethodDetails"));
        int at = details == null ? -1 : details.indexOf(separator);
        if (at >= 0) {
            tender.put("procurementMethodDetails", details.substring(0, at).strip());
        }
    }
}
