package org.adaldyq.risk.procurement.rules;

import org.adaldyq.risk.finding.Severity;
import org.adaldyq.risk.procurement.fact.Flag;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The procurement rule base. Built once (≈1 s), shared by every run; thread-safe (each
 * {@link #fire} uses its own session).
 */
public final class RuleBook {
    public static final String KBASE = "procurement";
    private static volatile RuleBook classpath;

    private final KieBase kieBase;
    private final Map<String, RuleInfo> rules;

    RuleBook(KieBase kieBase) {
        this.kieBase = kieBase;
        Map<String, RuleInfo> byCode = new TreeMap<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                Map<String, Object> m = r.getMetaData();
                Object code = m.get("code");
                if (code != null) {
                    byCode.put(code.toString(), new RuleInfo(String.valueOf(m.get("id")), code.toString(),
                            Severity.parse(String.valueOf(m.getOrDefault("severity", "medium"))),
                            String.valueOf(m.get("title")), String.valueOf(m.get("source")), r.getName()));
                }
            }
        }
        this.rules = Map.copyOf(byCode);
    }

    /** The rule base of the {@code risk-rules} kjar on the classpath. */
    public static RuleBook fromClasspath() {
        RuleBook b = classpath;
        if (b == null) {
            synchronized (RuleBook.class) {
                b = classpath;
                if (b == null) {
                    KieContainer c = KieServices.get().getKieClasspathContainer(RuleBook.class.getClassLoader());
                    classpath = b = new RuleBook(c.getKieBase(KBASE));
                }
            }
        }
        return b;
    }

    /** Rule metadata by flag code. */
    public Map<String, RuleInfo> rules() {
        return rules;
    }

    /** Inserts the settings and facts into a fresh session, fires every rule, returns the flags raised. */
    public List<Flag> fire(Collection<?> settings, Collection<?> facts) {
        KieSession session = kieBase.newKieSession();
        try {
            for (Object s : settings) {
                session.insert(s);
            }
            for (Object f : facts) {
                session.insert(f);
            }
            session.fireAllRules();
            List<Flag> flags = new ArrayList<>();
            for (Object o : session.getObjects(o -> o instanceof Flag)) {
                flags.add((Flag) o);
            }
            return flags;
        } finally {
            session.dispose();
        }
    }
}
