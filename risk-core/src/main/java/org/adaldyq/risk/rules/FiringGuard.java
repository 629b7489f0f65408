package org.adaldyq.risk.rules;

import java.util.HashMap;
import java.util.Map;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/**
 * Counts firings per rule and halts the session when a run passes its firing or time budget. Checked
 * before every firing, so a rule that keeps re-activating itself (the usual loop) is stopped; it cannot
 * stop a single consequence that never returns, which is why author DRL may not contain loops (see
 * {@link DrlAllowList}).
 */
final class FiringGuard extends DefaultAgendaEventListener {
    private final long maxFirings;
    private final long deadlineNanos;
    private final long startNanos;
    private final Map<String, long[]> perRule = new HashMap<>();
    private long firings;
    private RuleLimitException.Limit tripped;

    FiringGuard(long maxFirings, java.time.Duration maxTime) {
        this.maxFirings = maxFirings;
        this.startNanos = System.nanoTime();
        this.deadlineNanos = startNanos + maxTime.toNanos();
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        firings++;
        perRule.computeIfAbsent(event.getMatch().getRule().getName(), k -> new long[1])[0]++;
        if (tripped == null) {
            if (firings > maxFirings) {
                tripped = RuleLimitException.Limit.FIRINGS;
            } else if (System.nanoTime() - deadlineNanos > 0) {
                tripped = RuleLimitException.Limit.TIME;
            }
            if (tripped != null) {
                event.getKieRuntime().halt();
            }
        }
    }

    /** Throws when a limit was reached during the run. */
    void check() {
        if (tripped == null) {
            return;
        }
        String top = "?";
        long topCount = -1;
        for (var e : perRule.entrySet()) {
            if (e.getValue()[0] > topCount || (e.getValue()[0] == topCount && e.getKey().compareTo(top) < 0)) {
                top = e.getKey();
                topCount = e.getValue()[0];
            }
        }
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        String what = tripped == RuleLimitException.Limit.FIRINGS
                ? "rules fired more than " + maxFirings + " times"
                : "rules ran longer than the time limit (" + ms + " ms, " + firings + " firings)";
        throw new RuleLimitException(tripped, top, firings, what + "; rule \"" + top + "\" fired " + topCount
                + " times: it is probably looping");
    }
}
