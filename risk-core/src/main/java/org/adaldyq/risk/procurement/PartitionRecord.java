package org.adaldyq.risk.procurement;

import org.adaldyq.risk.procurement.fact.Flag;
import org.adaldyq.risk.procurement.model.ContractingProcess;
import org.adaldyq.risk.procurement.ocds.InputProblem;

import java.io.Serializable;
import java.util.List;

/**
 * What scoring one partition gives (see {@link PartitionScorer}): a scored process, an input problem,
 * or, last, the partition's counts. Serialisable, for the job to shuffle and collect.
 *
 * @param position  where the process stands in a single run's order (the problem's line for a problem)
 * @param ocid      the process's ocid (null without one, and for problems and counts)
 * @param duplicate whether a process of the same ocid came before it
 * @param record    the process as the {@code tenders} report reads it (one JSON object), null otherwise
 * @param flags     its per-process flags
 * @param reviewed  the process as the dataset statistics read it: set when the rules reviewed it
 * @param scored    whether its flags count in Cardinal's results (reviewed and not stopped by a rule limit)
 * @param problem   an input problem
 * @param counts    the partition's counts (the last record of a partition)
 *
 * @serial exclude
 */
public record PartitionRecord(ProcessPosition position, String ocid, boolean duplicate, String record, List<Flag> flags,
                              ContractingProcess reviewed, boolean scored, InputProblem problem, RunCounts counts)
        implements Serializable {
    /** Whether this is a scored process (not a problem, not the counts). */
    public boolean isProcess() {
        return record != null;
    }
}
