package org.adaldyq.risk.procurement;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.adaldyq.risk.procurement.model.Award;
import org.adaldyq.risk.procurement.model.ContractingProcess;
import org.adaldyq.risk.procurement.model.Party;

/**
 * The names of the buyers and suppliers a run met, by id: the name the first process (in input order) gives
 * the organisation among its parties. A process compiled without parties names no one; one name per
 * organisation is kept, so memory grows with the organisations, not the processes.
 */
final class OrganisationNames {
    private final Map<String, String> byId = new HashMap<>();

    /** Notes the names {@code p}'s parties give its buyer and the suppliers of its awards, where not known yet. */
    void note(ContractingProcess p) {
        if (p.parties().isEmpty()) {
            return;
        }
        noteOne(p, p.buyerId());
        for (Award a : p.awards()) {
            for (String supplier : a.supplierIds()) {
                noteOne(p, supplier);
            }
        }
    }

    private void noteOne(ContractingProcess p, String id) {
        if (id == null || byId.containsKey(id)) {
            return;
        }
        for (Party party : p.parties()) {
            if (id.equals(party.id()) && party.name() != null && !party.name().isBlank()) {
                byId.put(id, party.name().strip());
                return;
            }
        }
    }

    /** The organisation's name, if a process named it. */
    Optional<String> of(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
