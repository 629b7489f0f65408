package org.adaldyq.risk.procurement.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.adaldyq.risk.finding.Severity;
import org.adaldyq.risk.procurement.fact.Flag;
import org.adaldyq.risk.rules.BuiltInPack;
import org.adaldyq.risk.rules.RuleLimits;
import org.adaldyq.risk.rules.RuleSet;

/**
 * The procurement rule base: a compiled {@link RuleSet} (the built-in pack precompiled at build time, or
 * the built-in pack and author folders compiled at run time, see {@link ProcurementRules}) with each
 * flag's metadata. Built once, shared by every run; thread-safe (each {@link #fire} uses its own session).
 */
public final class RuleBook {
    /** Its precompiled knowledge base (see {@code risk-rules/src/main/resources/META-INF/kmodule.xml}). */
    public static final String KBASE = "procurement";
    private static volatile RuleBook classpath;

    private final RuleSet rules;
    private final RuleLimits limits;
    private final Map<String, RuleInfo> byCode;

    RuleBook(RuleSet rules, RuleLimits limits) {
        this.rules = Objects.requireNonNull(rules);
        this.limits = Objects.requireNonNull(limits);
        Map<String, RuleInfo> map = new TreeMap<>();
        // One entry per flag code; a rule in force wins over a disabled one of the same code.
        for (String name : new java.util.TreeSet<>(rules.ruleNames())) {
            Map<String, Object> m = rules.metadata(name);
            Object code = m.get("code");
            if (code == null) {
                continue;
            }
            RuleInfo info = new RuleInfo(String.valueOf(m.getOrDefault("id", code)), code.toString(),
                    Severity.parse(String.valueOf(m.getOrDefault("severity", "medium"))),
                    String.valueOf(m.get("title")), String.valueOf(m.get("source")), name);
            RuleInfo before = map.get(info.code());
            if (before == null || rules.disabled().contains(before.ruleName()) && !rules.disabled().contains(name)) {
                map.put(info.code(), info);
            }
        }
        this.byCode = Map.copyOf(map);
    }

    /** The built-in pack as precompiled at build time (the kjar's executable model), built once per JVM. */
    public static RuleBook fromClasspath() {
        RuleBook b = classpath;
        if (b == null) {
            synchronized (RuleBook.class) {
                b = classpath;
                if (b == null) {
                    BuiltInPack.requireOnClassPath(RuleBook.class.getClassLoader(), ProcurementRules.PACK, "procurement");
                    classpath = b = new RuleBook(ProcurementRules.precompiled(RuleBook.class.getClassLoader()), RuleLimits.DEFAULT);
                }
            }
        }
        return b;
    }

    /** Rule metadata by flag code. */
    public Map<String, RuleInfo> rules() {
        return byCode;
    }

    /** The compiled rules, with their disabled ids and thresholds. */
    public RuleSet ruleSet() {
        return rules;
    }

    /**
     * Inserts the settings and facts into a fresh session (with the thresholds), fires every enabled rule,
     * returns the flags raised. Facts of a class no rule matches in working memory are left out
     * ({@link org.adaldyq.risk.rules.RuleSet#matchesInWorkingMemory}); the firing limit still counts them.
     *
     * @throws org.adaldyq.risk.rules.RuleLimitException when a rule keeps firing past the limits
     */
    public List<Flag> fire(Collection<?> settings, Collection<?> facts) {
        List<Object> all = new ArrayList<>(settings.size() + facts.size());
        all.addAll(settings);
        for (Object f : facts) {
            // A process's bids, awards, ... reached only through its TenderFact stay out of working memory.
            if (rules.matchesInWorkingMemory(f.getClass())) {
                all.add(f);
            }
        }
        long maxFirings = limits.maxFiringsPerUnit() * Math.max(1, settings.size() + facts.size());
        List<Flag> flags = new ArrayList<>();
        for (Object o : rules.fire(all, f -> f instanceof Flag, maxFirings, limits.maxTime())) {
            flags.add((Flag) o);
        }
        return flags;
    }
}
