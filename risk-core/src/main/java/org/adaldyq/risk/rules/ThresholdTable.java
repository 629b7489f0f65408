package org.adaldyq.risk.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.adaldyq.risk.rules.fact.Threshold;

/**
 * Reads {@code thresholds.csv}: one {@code key,value[,comment]} per line, {@code #} comments, an
 * optional header line {@code key,value,comment}. Values are numbers. A later table overrides the
 * values of an earlier one key by key (built-in pack first, then author folders in order).
 */
public final class ThresholdTable {
    static final String FILE = "thresholds.csv";
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\-]*");

    private ThresholdTable() {
    }

    /** Parses one file; problems go to {@code problems}, good lines are returned in file order. */
    public static List<Threshold> parse(String origin, List<String> lines, List<RuleProblem> problems) {
        Map<String, Threshold> out = new LinkedHashMap<>();
        boolean first = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",", 3);
            if (first && cells[0].strip().equalsIgnoreCase("key")) {
                first = false;
                continue;
            }
            first = false;
            String key = cells[0].strip();
            if (!KEY.matcher(key).matches()) {
                problems.add(RuleProblem.error(origin, i + 1, 1, "threshold key '" + key
                        + "' must be letters, digits, '.', '_' or '-' (expected 'key,value[,comment]')"));
                continue;
            }
            if (cells.length < 2 || cells[1].isBlank()) {
                problems.add(RuleProblem.error(origin, i + 1, key.length() + 2, "threshold " + key + " has no value"));
                continue;
            }
            double value;
            try {
                value = Double.parseDouble(cells[1].strip());
            } catch (NumberFormatException e) {
                problems.add(RuleProblem.error(origin, i + 1, lines.get(i).indexOf(',') + 2,
                        "threshold " + key + ": '" + cells[1].strip() + "' is not a number"));
                continue;
            }
            if (out.containsKey(key)) {
                problems.add(RuleProblem.error(origin, i + 1, 1, "threshold " + key + " is set twice in this file (first at "
                        + out.get(key).getOrigin() + ")"));
                continue;
            }
            out.put(key, new Threshold(key, value, origin + ":" + (i + 1)));
        }
        return new ArrayList<>(out.values());
    }
}
