package org.adaldyq.risk.procurement.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.adaldyq.risk.rules.RuleLayer;
import org.adaldyq.risk.rules.RuleProblem;

/**
 * Example cases kept beside a procurement rule: {@code <CODE>.examples.jsonl}, one case per line, each an
 * object with {@code expect} ({@code "+"}: flag CODE must be raised on the process, {@code "-"}: it must
 * not), {@code release} (one compiled OCDS release, as in the input of {@code tenders}) and optionally
 * {@code settings} (INI text; without it, the default settings: every built-in flag enabled) and
 * {@code note}. Blank lines and lines starting with {@code #} are skipped.
 *
 * <pre>
 * {"expect":"+","note":"2 days to bid","release":{"ocid":"ocds-1","tender":{"tenderPeriod":{"startDate":"2024-01-01T00:00:00Z","endDate":"2024-01-03T00:00:00Z"}}}}
 * </pre>
 *
 * Cases run one process at a time, so they test per-process flags; flags that compare a process with
 * the rest of a dataset (fences, shares, patterns) need more data than one case holds.
 */
public final class ReleaseExamples {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One example case.
     *
     * @param settings INI text, or null for the default settings
     */
    public record Example(String file, int line, String code, boolean expected, JsonNode release, String settings, String note) {
        /** The case release's {@code ocid}, "" when absent. */
        public String ocid() {
            return release.path("ocid").asText();
        }

        @Override
        public String toString() {
            return file + ":" + line + " " + (expected ? "+" : "-") + " " + code + (note == null ? "" : " (" + note + ")");
        }
    }

    /** The outcome of one case: the flag codes raised on the process, and whether that meets the expectation. */
    public record Outcome(Example example, Set<String> found) {
        /** True when the flag was raised if expected ({@code +}) and not raised otherwise. */
        public boolean passed() {
            return found.contains(example.code()) == example.expected();
        }
    }

    private ReleaseExamples() {
    }

    /** The flag code of an examples file: its name before {@code .examples.jsonl}. */
    public static String codeOf(String file) {
        String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        return name.endsWith(RuleLayer.RELEASE_EXAMPLES) ? name.substring(0, name.length() - RuleLayer.RELEASE_EXAMPLES.length()) : name;
    }

    /** Parses an examples file; bad lines are added to {@code problems} as {@code file:line:column}. */
    public static List<Example> parse(String origin, List<String> lines, List<RuleProblem> problems) {
        String code = codeOf(origin);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int indent = raw.indexOf(line.charAt(0));
            JsonNode node;
            try {
                node = MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                int col = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
                problems.add(RuleProblem.error(origin, i + 1, indent + col, "not a JSON object: " + e.getOriginalMessage()));
                continue;
            }
            String expect = node.path("expect").asText("");
            JsonNode release = node.get("release");
            JsonNode settings = node.get("settings");
            String shape = "expected {\"expect\": \"+\" or \"-\", \"release\": {compiled OCDS release with an ocid}, "
                    + "\"settings\": \"optional INI text\"}";
            if (!node.isObject() || !(expect.equals("+") || expect.equals("-"))) {
                problems.add(RuleProblem.error(origin, i + 1, indent + 1, shape + "; \"expect\" is missing or wrong"));
            } else if (release == null || !release.isObject() || !release.path("ocid").isTextual()) {
                problems.add(RuleProblem.error(origin, i + 1, indent + 1, shape + "; \"release\" is missing or has no ocid"));
            } else if (settings != null && !settings.isTextual() && !settings.isNull()) {
                problems.add(RuleProblem.error(origin, i + 1, indent + 1, shape + "; \"settings\" must be a string"));
            } else {
                out.add(new Example(origin, i + 1, code, expect.equals("+"), release,
                        settings == null || settings.isNull() ? null : settings.asText(),
                        node.hasNonNull("note") ? node.get("note").asText() : null));
            }
        }
        return out;
    }
}
