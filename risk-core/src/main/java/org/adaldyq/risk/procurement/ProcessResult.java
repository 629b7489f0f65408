package org.adaldyq.risk.procurement;

import org.adaldyq.risk.procurement.score.ProcessScore;

import java.util.List;
import java.util.Map;

/**
 * One contracting process as assessed: who bought, who supplied, its flags with their evidence, its
 * scores, and which indicators could not be computed for lack of data. Skipped processes (no ocid,
 * cancelled, excluded by the settings) come too, with the reason, so every process read has a result.
 *
 * @param source          the input it was read from
 * @param line            its 1-based line there (the line where it starts in a pretty-printed document)
 * @param ocid            null when the process had none (then it is skipped)
 * @param buyer           {@code buyer.id}, null when absent
 * @param procuringEntity {@code tender.procuringEntity.id}, null when absent
 * @param suppliers       the supplier ids of its active awards
 * @param value           the tender value, else the sum of active award values in one currency; null when unknown
 * @param currency        the currency of {@code value}
 * @param skipReason      {@code no ocid}, {@code cancelled} or {@code excluded}; null when reviewed
 * @param scores          CRI, weighted and priority scores (all null when skipped)
 * @param flags           the process-level (OCID group) flags: code → value, codes sorted
 * @param findings        every flag raised in it (process and organisation groups), sorted by code
 * @param notFlagged      process-level codes computed and not raised
 * @param notComputable   process-level codes the process lacks the data for
 * @param names           organisation id → name, as the process's parties name its buyer, procuring entity and
 *                        suppliers (ids sorted; empty when its data names none, or the run compiled no parties)
 */
public record ProcessResult(String source, long line, String ocid, String buyer, String procuringEntity,
                            List<String> suppliers, Double value, String currency, String skipReason,
                            ProcessScore scores, Map<String, Double> flags, List<ProcessFlag> findings,
                            List<String> notFlagged, List<String> notComputable, Map<String, String> names) {
    /** Copies the lists, sorts the flags by code and the names by id. */
    public ProcessResult {
        suppliers = List.copyOf(suppliers);
        flags = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(flags));
        findings = List.copyOf(findings);
        notFlagged = List.copyOf(notFlagged);
        notComputable = List.copyOf(notComputable);
        names = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(names));
    }

    /** The name the process's parties give organisation {@code id}, or null. */
    public String nameOf(String id) {
        return id == null ? null : names.get(id);
    }

    /** Whether the rules reviewed it (it was not skipped). */
    public boolean reviewed() {
        return skipReason == null;
    }

    /** Whether any process-level flag was raised. */
    public boolean flagged() {
        return !flags.isEmpty();
    }
}
