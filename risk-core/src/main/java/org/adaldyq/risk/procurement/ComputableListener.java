package org.adaldyq.risk.procurement;

import org.adaldyq.risk.procurement.fact.Flag;
import org.adaldyq.risk.procurement.fact.ProcessFacts;
import org.adaldyq.risk.procurement.model.ContractingProcess;

import java.util.List;
import java.util.Set;

/**
 * A listener of this package that is handed the codes the run already found computable for a process, so that
 * it does not work them out a second time (the run counts the others as not computable).
 */
interface ComputableListener extends ProcessListener {
    /**
     * As {@link #process(String, ContractingProcess, ProcessFacts, String, List)}, with {@code computable}: the
     * run's enabled codes whose data the process has, in the run's order; null when the process was skipped.
     */
    void process(String source, ContractingProcess process, ProcessFacts facts, List<String> computable,
                 String skipReason, List<Flag> flags);

    /**
     * A process the run did not review (skipped, or its rules stopped): no facts, no computable codes. The run
     * hands each reviewed one over with its codes, never through this form.
     *
     * @throws IllegalStateException for a process with facts
     */
    @Override
    default void process(String source, ContractingProcess process, ProcessFacts facts, String skipReason, List<Flag> flags) {
        if (facts != null) {
            throw new IllegalStateException("a reviewed process comes with the codes the run found computable");
        }
        process(source, process, null, null, skipReason, flags);
    }

    /** Those of {@code computable} that are in {@code wanted}, in their order. */
    static List<String> only(List<String> computable, Set<String> wanted) {
        if (computable == null) {
            return null;
        }
        List<String> kept = new java.util.ArrayList<>(computable.size());
        for (String code : computable) {
            if (wanted.contains(code)) {
                kept.add(code);
            }
        }
        return kept;
    }
}
