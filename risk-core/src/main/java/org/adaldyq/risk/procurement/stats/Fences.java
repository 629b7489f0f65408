package org.adaldyq.risk.procurement.stats;

import org.adaldyq.risk.procurement.fact.Group;
import org.adaldyq.risk.procurement.fact.IndicatorSetting;
import org.adaldyq.risk.procurement.fact.OutlierFence;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cardinal's fences, shared by the dataset statistics. */
final class Fences {
    private Fences() {
    }

    /**
     * Adds the fence of an indicator: its {@code threshold} setting, else the Tukey fence of {@code q}
     * (type-8 quartiles), written to {@code Meta} as {@code <prefix>q1}, {@code q3} and the fence. A fence
     * that is not positive (or a computed low fence with Q1 not positive) is not added: no fence, no flag.
     */
    static void add(IndicatorSetting s, Group group, Quartiles q, boolean low, Map<String, Map<String, Double>> meta,
                    String metaPrefix, List<Object> out) {
        if (s.has("threshold")) {
            double t = s.getThreshold();
            if (t > 0) {
                out.add(new OutlierFence(s.getCode(), group, t, true));
            }
            return;
        }
        if (q == null) {
            return;
        }
        double fence = low ? q.lowerFence() : q.upperFence();
        Map<String, Double> m = meta.computeIfAbsent(s.getCode(), k -> new LinkedHashMap<>());
        m.put(metaPrefix + "q1", q.q1());
        m.put(metaPrefix + "q3", q.q3());
        m.put(metaPrefix + (low ? "lower_fence" : "upper_fence"), fence);
        if (fence > 0 && (!low || q.q1() > 0)) {
            out.add(new OutlierFence(s.getCode(), group, fence, false));
        }
    }
}
