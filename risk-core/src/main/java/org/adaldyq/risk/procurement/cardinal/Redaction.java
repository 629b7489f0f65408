package org.adaldyq.risk.procurement.cardinal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.bids;
import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.buyerAndProcuringEntity;
import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.object;
import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.objects;
import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.suppliers;
import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.tenderers;

/**
 * {@code [redactions]}: placeholders that stand for "unknown" are removed, so that they count as not set.
 * {@code amount = 0|99999999} removes a {@code /bids/details[]/value/amount} equal to one of them as a
 * number ({@code 0}, {@code 0.0} and {@code 0e3} alike; a string amount is never a placeholder).
 * {@code organization_id = a|b} removes the {@code id} member, when it is one of those strings, of
 * {@code /buyer}, {@code /tender/procuringEntity}, {@code /bids/details[]/tenderers[]},
 * {@code /awards[]/suppliers[]} and {@code /parties[]}.
 */
final class Redaction implements ReleaseCorrection {
    private final List<BigDecimal> amounts;
    private final Set<String> organizationIds;

    Redaction(List<BigDecimal> amounts, Set<String> organizationIds) {
        this.amounts = List.copyOf(amounts);
        this.organizationIds = Set.copyOf(organizationIds);
    }

    @Override
    public void apply(ObjectNode release, Consumer<String> warnings) {
        for (ObjectNode bid : bids(release)) {
            ObjectNode value = object(bid, "value");
            JsonNode amount = value == null ? null : value.get("amount");
            if (amount != null && amount.isNumber() && isPlaceholder(amount.decimalValue())) {
                value.remove("amount");
            }
        }
        buyerAndProcuringEntity(release).forEach(this::redactId);
        tenderers(release).forEach(this::redactId);
        suppliers(release).forEach(this::redactId);
        objects(release, "parties").forEach(this::redactId);
    }

    private boolean isPlaceholder(BigDecimal amount) {
        return amounts.stream().anyMatch(placeholder -> placeholder.compareTo(amount) == 0);
    }

    private void redactId(ObjectNode organisation) {
        JsonNode id = organisation.get("id");
        if (id != null && id.isTextual() && organizationIds.contains(id.textValue())) {
            organisation.remove("id");
        }
    }
}
