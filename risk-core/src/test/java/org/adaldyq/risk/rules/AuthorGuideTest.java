package org.adaldyq.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.adaldyq.risk.regulation.fact.DocumentFact;
import org.adaldyq.risk.regulation.fact.FactorHit;
import org.adaldyq.risk.regulation.fact.ProvisionFact;
import org.adaldyq.risk.regulation.fact.Subject;
import org.adaldyq.risk.regulation.fact.Trigger;
import org.adaldyq.risk.rules.fact.Threshold;
import org.junit.jupiter.api.Test;

/** The fact model reference of docs/author-guide.md names every property and public method of every fact. */
class AuthorGuideTest {

    static final Path GUIDE = Path.of("../docs/author-guide.md");

    @Test
    void factModelReferenceNamesEveryPropertyOfEveryFact() throws IOException {
        String guide = Files.readString(GUIDE);
        List<String> missing = new ArrayList<>();
        for (Class<?> fact : List.of(Trigger.class, Subject.class, ProvisionFact.class, DocumentFact.class, FactorHit.class,
                org.adaldyq.risk.regulation.fact.FactorSignal.class, Threshold.class)) {
            String section = section(guide, fact.getSimpleName());
            if (section == null) {
                missing.add("section ### " + fact.getSimpleName());
                continue;
            }
            for (Method m : fact.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || Modifier.isStatic(m.getModifiers())
                        || List.of("toString", "hashCode", "equals").contains(m.getName())) {
                    continue;
                }
                String name = property(m.getName());
                if (!section.contains("`" + name + "`") && !section.contains("`" + name + "(")
                        && !section.contains(", `" + name) && !section.contains("`" + name + ",")) {
                    missing.add(fact.getSimpleName() + "." + name);
                }
            }
        }
        assertThat(missing).as("fact properties not described in %s", GUIDE).isEmpty();
    }

    @Test
    void guideDocumentsTheMetadataConventionAndTheFolderFiles() throws IOException {
        String guide = Files.readString(GUIDE);
        for (String key : RuleConvention.REQUIRED) {
            assertThat(guide).contains("`@" + key + "`");
        }
        assertThat(guide).contains("thresholds.csv", "disabled.txt", "factors.json", ".examples", "lexicon/<lang>/<CONCEPT>.txt");
    }

    static String property(String method) {
        String p = method.startsWith("get") && method.length() > 3 ? method.substring(3)
                : method.startsWith("is") && method.length() > 2 && Character.isUpperCase(method.charAt(2)) ? method.substring(2) : method;
        return p.equals(method) ? p : p.substring(0, 1).toLowerCase(Locale.ROOT) + p.substring(1);
    }

    static String section(String guide, String name) {
        int start = guide.indexOf("### " + name + "\n");
        if (start < 0) {
            return null;
        }
        int end = guide.indexOf("\n#", start + 4);
        return guide.substring(start, end < 0 ? guide.length() : end);
    }
}
