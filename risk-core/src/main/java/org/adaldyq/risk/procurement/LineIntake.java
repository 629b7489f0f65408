package org.adaldyq.risk.procurement;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.procurement.model.ContractingProcess;
import org.adaldyq.risk.procurement.model.ReleaseCompiler;
import org.adaldyq.risk.procurement.ocds.InputProblem;

import java.util.ArrayList;
import java.util.List;

/**
 * The first step of a distributed run, on each line where it was read: parses and compiles the line
 * exactly as a single run's intake does, and keys what it holds by ocid (see {@link OcidItem}), so that
 * the job can bring the items of one process together. Stateless and thread-safe.
 */
public final class LineIntake {
    private LineIntake() {
    }

    /**
     * The items of one line of JSON lines input.
     *
     * @param source       the input's name
     * @param file         the input's index in the sorted list of inputs
     * @param line         the 1-based line number
     * @param json         the line's bytes, without the line break
     * @param settings     the run's settings: longer lines than their {@code maxLineBytes} are one
     *                     {@code LINE_TOO_LONG} problem, and organisations are named in their language first,
     *                     as in a single run
     * @return nothing for a blank line
     */
    public static List<OcidItem> read(String source, int file, long line, byte[] json, PartitionSettings settings) {
        int maxLineBytes = settings.maxLineBytes();
        ProcessPosition at = new ProcessPosition(0, file, line, 0);
        if (json.length > maxLineBytes) {
            return List.of(problem(at, source, new InputProblem(source, line, null, InputProblem.Kind.LINE_TOO_LONG,
                    "line longer than " + maxLineBytes + " bytes skipped")));
        }
        if (blank(json)) {
            return List.of();
        }
        OcdsIntake.Compiled c = OcdsIntake.compileLine(source, line, json,
                new ReleaseCompiler.Reading(true, Language.fromCode(settings.language()).orElseThrow()));
        List<OcidItem> out = new ArrayList<>();
        if (c.unit().problem() != null) {
            out.add(problem(at, source, c.unit().problem()));
        }
        List<ObjectNode> releases = c.unit().toCompile();
        for (int i = 0; i < releases.size(); i++) {
            ObjectNode r = releases.get(i);
            out.add(new OcidItem(r.path("ocid").asText(), new ProcessPosition(1, file, line, i), source, null, r.toString(), null));
        }
        for (int i = 0; i < c.processes().size(); i++) {
            ContractingProcess p = c.processes().get(i);
            ProcessPosition pos = new ProcessPosition(0, file, line, i);
            out.add(new OcidItem(p.ocid() != null ? p.ocid() : alone(pos), pos, source, p, null, null));
        }
        return out;
    }

    private static OcidItem problem(ProcessPosition at, String source, InputProblem p) {
        return new OcidItem(alone(at) + "/problem", at, source, null, null, p);
    }

    /** A key of its own: starts with {@code \0}, which real ocids do not hold. */
    private static String alone(ProcessPosition p) {
        return "\u0000" + p.file() + ":" + p.line() + ":" + p.index();
    }

    private static boolean blank(byte[] line) {
        for (byte b : line) {
            if (!Character.isWhitespace(b)) {
                return false;
            }
        }
        return true;
    }
}
