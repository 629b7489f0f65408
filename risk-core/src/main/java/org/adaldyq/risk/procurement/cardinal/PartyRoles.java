package org.adaldyq.risk.procurement.cardinal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.object;
import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.objects;
import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.suppliers;
import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.tenderers;
import static org.adaldyq.risk.procurement.cardinal.ReleaseTree.text;

/**
 * {@code [defaults] party_roles = true}: a party ({@code /parties[]}, matched by its {@code id}) that is
 * referenced as {@code /buyer} gets the role {@code buyer}, as {@code /tender/procuringEntity}
 * {@code procuringEntity}, as a tenderer of a bid {@code tenderer}, as a supplier of an award
 * {@code supplier}. The roles of a party that gets one become its string roles plus the new ones, sorted,
 * without duplicates; other parties are left as they are, and no party is created. Runs before the id
 * prefixes, so it matches the publisher's ids.
 */
final class PartyRoles implements ReleaseCorrection {
    @Override
    public void apply(ObjectNode release, Consumer<String> warnings) {
        String buyer = id(object(release, "buyer"));
        String procuringEntity = id(object(object(release, "tender"), "procuringEntity"));
        Set<String> tenderers = ids(tenderers(release));
        Set<String> suppliers = ids(suppliers(release));
        for (ObjectNode party : objects(release, "parties")) {
            String id = id(party);
            if (id == null) {
                continue;
            }
            Set<String> added = new HashSet<>();
            if (id.equals(buyer)) {
                added.add("buyer");
            }
            if (id.equals(procuringEntity)) {
                added.add("procuringEntity");
            }
            if (tenderers.contains(id)) {
                added.add("tenderer");
            }
            if (suppliers.contains(id)) {
                added.add("supplier");
            }
            if (!added.isEmpty()) {
                Set<String> roles = new TreeSet<>(added);
                JsonNode existing = party.get("roles");
                if (existing != null && existing.isArray()) {
                    existing.forEach(role -> {
                        if (role.isTextual()) {
                            roles.add(role.textValue());
                        }
                    });
                }
                ArrayNode sorted = party.putArray("roles");
                roles.forEach(sorted::add);
            }
        }
    }

    private static Set<String> ids(List<ObjectNode> references) {
        return references.stream().map(PartyRoles::id).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    /** The id of an organisation, when it is a string that is set. */
    private static String id(ObjectNode organisation) {
        return organisation == null ? null : text(organisation.get("id"));
    }
}
