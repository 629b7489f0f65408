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

    /** A hit in provision {@code provision}; {@code triggers} is copied, the first is quoted. */
    public FactorHit(String factor, String ruleId, int provision, List<Trigger> triggers) {
        this.factor = factor;
        this.ruleId = ruleId;
        this.provision = provision;
        this.triggers = List.copyOf(triggers);
    }

    /** A hit shown by one trigger, in that trigger's provision. */
    public FactorHit(String factor, String ruleId, Trigger trigger) {
        this(factor, ruleId, trigger.getProvision(), List.of(trigger));
    }

    /** A hit shown by two triggers, in the first one's provision; {@code first} is quoted. */
    public FactorHit(String factor, String ruleId, Trigger first, Trigger second) {
        this(factor, ruleId, first.getProvision(), List.of(first, second));
    }

    /** The factor's code as in the catalogue, e.g. {@code OPTIONAL_POWER}. */
    public String getFactor() {
        return factor;
    }

    /** The name of the rule that concluded it, for the finding's audit trail. */
    public String getRuleId() {
        return ruleId;
    }

    /** The {@link ProvisionFact#getIndex() index} of the provision the factor is present in. */
    public int getProvision() {
        return provision;
    }

    /** The triggers that show the factor, the quoted one first; never empty. */
    public List<Trigger> getTriggers() {
        return triggers;
    }

    @Override
    public String toString() {
        return factor + "@" + provision + " by " + ruleId + " " + triggers;
    }
}
