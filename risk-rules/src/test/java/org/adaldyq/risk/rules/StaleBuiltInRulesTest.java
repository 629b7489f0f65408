package org.adaldyq.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.lang.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A maintainer who puts the rule sources before the rules jar on the class path (editing the built-in pack
 * in a checkout) gets the edited rules, compiled at run time, never the stale precompiled ones.
 */
class StaleBuiltInRulesTest {
    private static final String DRL = "org/adaldyq/risk/rules/regulation/VAGUE_TERMS.drl";
    private static final String TEXT = "Лицензиат должен иметь оснащение, достаточное для осуществления деятельности.";

    @Test
    void builtInDrlFirstOnTheClassPathIsCompiledInsteadOfThePrecompiledRules(@TempDir Path dir) throws Exception {
        RiskEngine asBuilt = RiskEngine.builder().build();
        assertThat(asBuilt.codesFound(TEXT, Language.RU)).contains("VAGUE_TERMS");
        assertThat(asBuilt.rulesSummary()).contains("precompiled");

        String drl;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(DRL)) {
            drl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // the edited copy: its rules never fire
        Path edited = dir.resolve(DRL);
        Files.createDirectories(edited.getParent());
        Files.writeString(edited, drl.replace("when\n", "when\n    eval(false)\n"));
        RiskEngine shadowed = RiskEngine.builder().classLoader(new SourcesFirst(dir, getClass().getClassLoader())).build();
        assertThat(shadowed.rulesSummary()).contains("compiled at run time");
        assertThat(shadowed.codesFound(TEXT, Language.RU)).doesNotContain("VAGUE_TERMS");

        // the same text as the jar's: the precompiled rules stay in use
        Files.writeString(edited, drl);
        RiskEngine same = RiskEngine.builder().classLoader(new SourcesFirst(dir, getClass().getClassLoader())).build();
        assertThat(same.rulesSummary()).contains("precompiled");
    }

    /** Resources of a folder first, then the parent's, as with {@code java -cp src/main/resources:risk-cli.jar}. */
    private static final class SourcesFirst extends ClassLoader {
        private final Path dir;

        SourcesFirst(Path dir, ClassLoader parent) {
            super(parent);
            this.dir = dir;
        }

        @Override
        public URL getResource(String name) {
            URL own = own(name);
            return own != null ? own : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            List<URL> all = new ArrayList<>();
            URL own = own(name);
            if (own != null) {
                all.add(own);
            }
            all.addAll(Collections.list(super.getResources(name)));
            return Collections.enumeration(all);
        }

        private URL own(String name) {
            Path p = dir.resolve(name);
            try {
                return Files.isRegularFile(p) ? p.toUri().toURL() : null;
            } catch (MalformedURLException e) {
                return null;
            }
        }
    }
}
