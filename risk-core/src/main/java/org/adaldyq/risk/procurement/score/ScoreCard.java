package org.adaldyq.risk.procurement.score;

import org.adaldyq.risk.procurement.settings.Settings;
import org.adaldyq.risk.procurement.catalogue.IndicatorCatalogue;
import org.adaldyq.risk.procurement.rules.RuleInfo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a process's flags into scores. The components are the process-level flags (those raised on an
 * OCID); organisation-level flags (R025, R038, R048, R040, R029) go into the buyer and supplier
 * summaries instead. Weights come from the settings' {@code [weights]} section ({@code R003 = 0.6}),
 * defaulting to the rule's severity weight. Immutable.
 */
public final class ScoreCard {
    private final Map<String, Double> weights = new LinkedHashMap<>();

    /** Weights from {@code settings}, else the severity weight of the rule in {@code rules} (0.5 without one). */
    public ScoreCard(Settings settings, Map<String, RuleInfo> rules) {
        Map<String, String> configured = settings.section("weights");
        for (String code : IndicatorCatalogue.builtIn().processCodes()) {
            RuleInfo r = rules.get(code);
            double w = r == null ? 0.5 : r.severity().weight();
            String v = configured.get(code);
            if (v != null) {
                w = Double.parseDouble(v.strip());
            }
            weights.put(code, w);
        }
    }

    /** The weight of a process-level flag in its process's weighted score; 0 for other codes. */
    public double weight(String code) {
        return weights.getOrDefault(code, 0.0);
    }

    /**
     * @param computable the enabled process-level codes whose data the process has
     * @param flagged    the process-level codes raised on it (a subset of computable, normally)
     * @param value      the process value for the priority, or null
     */
    public ProcessScore score(Set<String> computable, Set<String> flagged, Double value) {
        int n = 0;
        int f = 0;
        double wAll = 0;
        double wFlagged = 0;
        for (String code : computable) {
            if (!weights.containsKey(code)) {
                continue;
            }
            n++;
            wAll += weight(code);
            if (flagged.contains(code)) {
                f++;
                wFlagged += weight(code);
            }
        }
        if (n == 0) {
            return new ProcessScore(null, null, null, 0, 0);
        }
        double weighted = wAll == 0 ? 0 : wFlagged / wAll;
        return new ProcessScore((double) f / n, weighted, value == null ? null : weighted * value, n, f);
    }
}
