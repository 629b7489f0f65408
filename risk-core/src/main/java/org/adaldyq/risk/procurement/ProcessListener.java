package org.adaldyq.risk.procurement;

import org.adaldyq.risk.procurement.fact.Flag;
import org.adaldyq.risk.procurement.fact.ProcessFacts;
import org.adaldyq.risk.procurement.model.ContractingProcess;
import org.adaldyq.risk.procurement.ocds.InputProblem;

import java.util.List;

/**
 * Receives each process after its per-process rules fired, and each problem in the input, in input order,
 * on one thread. For scored results with the dataset flags, use {@link ProcurementEngine#assess}.
 */
@FunctionalInterface
public interface ProcessListener {
    /** A listener that ignores everything. */
    ProcessListener NONE = new ProcessListener() {
        @Override
        public void process(String source, ContractingProcess process, ProcessFacts facts, String skipReason, List<Flag> flags) {
        }

        @Override
        public boolean readsParties() {
            return false;
        }
    };

    /**
     * @param source     the input the process was read from
     * @param facts      null when the process was skipped
     * @param skipReason why it was skipped ({@code no ocid}, {@code cancelled}, {@code excluded}), else null
     * @param flags      the per-process flags raised in it (dataset flags come at the end of the run)
     */
    void process(String source, ContractingProcess process, ProcessFacts facts, String skipReason, List<Flag> flags);

    /**
     * Something in the input that could not be used as is: a line that is not JSON or not an object, a
     * line too long, an unreadable input, a process without ocid, a repeated ocid, an amount in another
     * currency. The run goes on; the problem is also counted in {@link RunCounts#problems()}.
     */
    default void problem(InputProblem problem) {
    }

    /**
     * Whether this listener reads {@link ContractingProcess#parties()}. Compiling the parties costs more than
     * any other member of a process, and Cardinal's indicators do not need them: a listener that answers
     * false (one that only counts, or only wants the problems) lets such a run skip them, and then sees
     * processes with no parties. Default: true.
     */
    default boolean readsParties() {
        return true;
    }

    /** A listener that calls {@code perProcess} for each process and reads nothing of it (a progress count). */
    static ProcessListener counting(Runnable perProcess) {
        java.util.Objects.requireNonNull(perProcess, "perProcess");
        return new ProcessListener() {
            @Override
            public void process(String source, ContractingProcess process, ProcessFacts facts, String skipReason,
                                List<Flag> flags) {
                perProcess.run();
            }

            @Override
            public boolean readsParties() {
                return false;
            }
        };
    }

    /** A listener that only wants the input problems (source, line, ocid, kind, reason). */
    static ProcessListener problems(java.util.function.Consumer<InputProblem> consumer) {
        java.util.Objects.requireNonNull(consumer, "consumer");
        return new ProcessListener() {
            @Override
            public void process(String source, ContractingProcess process, ProcessFacts facts, String skipReason,
                                List<Flag> flags) {
            }

            @Override
            public void problem(InputProblem problem) {
                consumer.accept(problem);
            }

            @Override
            public boolean readsParties() {
                return false;
            }
        };
    }
}
