package org.adaldyq.risk.regulation.fact;

import java.util.List;

/**
 * What a regulation rule concludes: factor {@code factor} is present in provision {@code provision},
 * shown by {@code triggers} (the first is the one quoted). Rules insert these; the engine turns them
 * into findings, one per provision and factor.
 */
public final class FactorHit {
    private final String factor;
    private final String ruleId;
    private final int provision;
    private final List<Trigger> triggers;

    public FactorHit(String factor, String ruleId, int provision, List<Trigger> triggers) {
        this.factor = factor;
        this.ruleId = ruleId;
        this.provision = provision;
        this.triggers = List.copyOf(triggers);
    }

    public FactorHit(String factor, String ruleId, Trigger trigger) {
        this(factor, ruleId, trigger.getProvision(), List.of(trigger));
    }

    public FactorHit(String factor, String ruleId, Trigger first, Trigger second) {
        this(factor, ruleId, first.getProvision(), List.of(first, second));
    }

    public String getFactor() {
        return factor;
    }

    public String getRuleId() {
        return ruleId;
    }

    public int getProvision() {
        return provision;
    }

    public List<Trigger> getTriggers() {
        return triggers;
    }

    @Override
    public String toString() {
        return factor + "@" + provision + " by " + ruleId + " " + triggers;
    }
}
