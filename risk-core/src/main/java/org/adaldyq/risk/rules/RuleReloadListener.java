package org.adaldyq.risk.rules;

/**
 * Told of every rule reload, applied or rejected. Called on the thread that reloaded (the watcher's,
 * for a watched folder); keep it short.
 */
@FunctionalInterface
public interface RuleReloadListener {
    /** A listener that ignores reloads. */
    RuleReloadListener NONE = r -> { };

    /** Called once per reload, applied or rejected. */
    void onReload(RuleReload reload);
}
