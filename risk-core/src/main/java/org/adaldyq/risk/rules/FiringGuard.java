package org.adaldyq.risk.rules;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.MatchCreatedEvent;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * Counts firings per rule and halts the session when a run passes its firing or time budget. Checked
 * before every firing, so a rule that keeps re-activating itself (the usual loop) is stopped; a single
 * consequence that never returns is the watchdog's ({@link RuleSet#fire}): it marks the time up, halts, and
 * gives up on the worker, naming the rule whose consequence was running.
 *
 * <p>The rule it names is the one whose inserted facts set off the most new matches (a loop feeds itself
 * and every rule reading what it inserts); when no rule's insertions matched anything, the one that fired
 * most. Insertions and matches are traced only once a quarter of a budget is spent (a run within its
 * limits, nearly every run, pays nothing for them): a loop that reaches a limit runs three quarters of it
 * traced.
 */
final class FiringGuard extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
    private final long maxFirings;
    private final long deadlineNanos;
    private final long startNanos;
    private final Map<String, long[]> perRule = new HashMap<>();
    private final Map<Object, String> insertedBy = new IdentityHashMap<>();
    private final Map<String, long[]> matchesCaused = new HashMap<>();
    private final long traceAfterFirings;
    private final long traceAfterNanos;
    private long firings;
    private boolean tracing;
    private RuleLimitException.Limit tripped;

    FiringGuard(long maxFirings, java.time.Duration maxTime) {
        this.maxFirings = maxFirings;
        this.startNanos = System.nanoTime();
        this.deadlineNanos = startNanos + maxTime.toNanos();
        this.traceAfterFirings = maxFirings / 4;
        this.traceAfterNanos = maxTime.toNanos() / 4;
    }

    /** Set by the watchdog when the time is up (read by the worker before its next firing). */
    private volatile boolean timeUp;
    /** The rule whose consequence runs now (or ran last), for the watchdog's message. */
    private volatile String current = "?";

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        firings++;
        current = event.getMatch().getRule().getName();
        perRule.computeIfAbsent(current, k -> new long[1])[0]++;
        if (timeUp && tripped == null) {
            tripped = RuleLimitException.Limit.TIME;
            event.getKieRuntime().halt();
        }
        if (tripped == null) {
            long now = System.nanoTime();
            if (!tracing && (firings > traceAfterFirings || now - startNanos > traceAfterNanos)) {
                // a quarter of a budget spent: from now on, record who inserted what and what it set off
                tracing = true;
                event.getKieRuntime().addEventListener((RuleRuntimeEventListener) this);
            }
            if (firings > maxFirings) {
                tripped = RuleLimitException.Limit.FIRINGS;
            } else if (now - deadlineNanos > 0) {
                tripped = RuleLimitException.Limit.TIME;
            }
            if (tripped != null) {
                event.getKieRuntime().halt();
            }
        }
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getRule() != null) {
            insertedBy.put(event.getObject(), event.getRule().getName());
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
    }

    @Override
    public void matchCreated(MatchCreatedEvent event) {
        if (!tracing) {
            return;
        }
        for (Object o : event.getMatch().getObjects()) {
            String by = insertedBy.get(o);
            if (by != null) {
                matchesCaused.computeIfAbsent(by, k -> new long[1])[0]++;
            }
        }
    }

    /** The watchdog's word: the time is up. */
    void timeUp() {
        timeUp = true;
    }

    /** The rule whose consequence runs now, or ran last. */
    String current() {
        return current;
    }

    /** The exception for a run whose consequence did not return in time: it names that rule. */
    RuleLimitException stuck() {
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        return new RuleLimitException(RuleLimitException.Limit.TIME, current, firings, "rules ran longer than the time limit ("
                + ms + " ms, " + firings + " firings); the consequence of rule \"" + current + "\" did not return: a loop"
                + " or a computation inside one firing");
    }

    /** Throws when a limit was reached during the run. */
    void check() {
        if (tripped == null && timeUp) {
            // halted by the watchdog between two firings
            tripped = RuleLimitException.Limit.TIME;
        }
        if (tripped == null) {
            return;
        }
        String top = most(matchesCaused.isEmpty() ? perRule : matchesCaused);
        long topCount = perRule.getOrDefault(top, new long[1])[0];
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        String what = tripped == RuleLimitException.Limit.FIRINGS
                ? "rules fired more than " + maxFirings + " times"
                : "rules ran longer than the time limit (" + ms + " ms, " + firings + " firings)";
        throw new RuleLimitException(tripped, top, firings, what + "; rule \"" + top + "\" fired " + topCount
                + " times: it is probably looping");
    }

    private static String most(Map<String, long[]> counts) {
        String top = "?";
        long topCount = -1;
        for (var e : counts.entrySet()) {
            if (e.getValue()[0] > topCount || (e.getValue()[0] == topCount && e.getKey().compareTo(top) < 0)) {
                top = e.getKey();
                topCount = e.getValue()[0];
            }
        }
        return top;
    }
}
