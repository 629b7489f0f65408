package org.adaldyq.risk.procurement;

import org.adaldyq.risk.procurement.fact.Flag;
import org.adaldyq.risk.procurement.fact.ProcessFacts;
import org.adaldyq.risk.procurement.model.ContractingProcess;

import java.util.List;

/** Receives each process after its per-process rules fired, in input order, on one thread. */
@FunctionalInterface
public interface ProcessListener {
    ProcessListener NONE = (p, f, skip, flags) -> { };

    /**
     * @param facts      null when the process was skipped
     * @param skipReason why it was skipped ({@code no ocid}, {@code cancelled}, {@code excluded}), else null
     * @param flags      the per-process flags raised in it (dataset flags come at the end of the run)
     */
    void process(ContractingProcess process, ProcessFacts facts, String skipReason, List<Flag> flags);
}
