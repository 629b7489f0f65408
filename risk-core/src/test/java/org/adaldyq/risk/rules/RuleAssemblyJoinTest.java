package org.adaldyq.risk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the loader needs to know to compile author files alone and join them to the precompiled pack
 * ({@link RuleSet#joinedToExecutableModel}): which built-in rules they replace, which files are theirs, and whether the
 * built-in DRL defines anything (a function, a type, a global, a query) they could use without it.
 */
class RuleAssemblyJoinTest {
    @TempDir
    Path dir;

    static String rule(String id, String when) {
        return "\nrule \"" + id + "\"\n    @code(\"VAGUE_TERMS\") @severity(\"low\") @title(\"t\") @source(\"s\")\nwhen\n    "
                + when + "\nthen\nend\n";
    }

    RuleAssembly assemble(String builtInDrl) throws IOException {
        Path pack = dir.resolve("cp/pack");
        Files.createDirectories(pack);
        Files.writeString(pack.resolve("index.txt"), "BUILT.drl\n");
        Files.writeString(pack.resolve("BUILT.drl"), builtInDrl);
        Path author = dir.resolve("author");
        Files.createDirectories(author);
        Files.writeString(author.resolve("MINE.drl"), "package org.example;\nimport org.adaldyq.risk.regulation.fact.Trigger;\n"
                + rule("VAGUE_TERMS.b", "Trigger(concept == \"B\")") + rule("VAGUE_TERMS.c", "Trigger(concept == \"C\")"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("cp").toUri().toURL()}, getClass().getClassLoader())) {
            return RuleAssembly.assemble(List.of(RuleLayer.classpath(loader, "pack"), RuleLayer.directory(author)),
                    RuleConvention.REGULATION, new DrlAllowList(getClass().getClassLoader()), Set.of("VAGUE_TERMS"), null);
        }
    }

    static final String HEAD = "package org.adaldyq.risk.rules.regulation;\nimport org.adaldyq.risk.regulation.fact.Trigger;\n";

    @Test
    void theAuthorFilesAndTheBuiltInRulesTheyReplaceAreKnown() throws IOException {
        RuleAssembly a = assemble(HEAD + rule("VAGUE_TERMS.a", "Trigger(concept == \"A\")") + rule("VAGUE_TERMS.b", "Trigger(concept == \"B\")"));
        assertThat(a.problems()).isEmpty();
        assertThat(a.builtInOverridden()).containsExactly(new RuleSet.RuleId("org.adaldyq.risk.rules.regulation", "VAGUE_TERMS.b"));
        assertThat(a.authorSources()).extracting(RuleSet.DrlSource::origin).containsExactly(dir.resolve("author/MINE.drl").toString());
        assertThat(a.builtInDefinesShared()).isFalse();
    }

    @Test
    void builtInDefinitionsAuthorRulesCouldUseAreSeen() throws IOException {
        String plain = rule("VAGUE_TERMS.a", "Trigger(concept == \"A\")");
        assertThat(assemble(HEAD + "function boolean early(int t) { return t < 3; }\n" + plain).builtInDefinesShared()).isTrue();
        assertThat(assemble(HEAD + "declare Seen\n    concept : String\nend\n" + plain).builtInDefinesShared()).isTrue();
        assertThat(assemble(HEAD + "query seen(String c)\n    Trigger(concept == c)\nend\n" + plain).builtInDefinesShared()).isTrue();
        assertThat(assemble(HEAD + plain).builtInDefinesShared()).isFalse();
    }
}
