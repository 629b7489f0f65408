package org.adaldyq.risk.procurement;

import org.adaldyq.risk.procurement.model.ContractingProcess;
import org.adaldyq.risk.procurement.ocds.InputProblem;

import java.io.Serializable;

/**
 * One thing read from one input line, keyed by the process it belongs to, for a distributed run to bring
 * together everything of one {@code ocid} (from any file, any partition) before scoring it: a process
 * read whole, a release to compile with the others of its ocid, or a problem of the line. Exactly one of
 * {@code process}, {@code release} and {@code problem} is set.
 *
 * @param key      the ocid; a key of its own for a process without ocid and for a problem
 * @param position where the item stands in a single run's order
 * @param source   the input it was read from
 * @param process  a process read whole
 * @param release  a release (JSON text) to compile with the other releases of its ocid
 * @param problem  a problem of the line
 *
 * @serial exclude
 */
public record OcidItem(String key, ProcessPosition position, String source, ContractingProcess process, String release,
                       InputProblem problem) implements Serializable {
}
