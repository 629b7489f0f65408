package org.adaldyq.risk.rules.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adaldyq.risk.structure.DocumentReader;
import org.adaldyq.risk.finding.Finding;
import org.adaldyq.risk.procurement.ProcurementEngine;
import org.adaldyq.risk.procurement.rules.ProcurementRules;
import org.adaldyq.risk.procurement.rules.ReleaseExamples;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.regulation.RegulationRules;
import org.adaldyq.risk.regulation.RegulationScanner;
import org.adaldyq.risk.rules.PackOptions;
import org.adaldyq.risk.rules.RuleLimits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Author DRL is compiled alone and joined to the precompiled pack; it must behave exactly as the built-in and
 * author DRL compiled together from source ({@code compileAlways}): same rules, same findings, on an author
 * folder that adds rules (in the pack's package, with a function, and in a package of its own), overrides a
 * built-in rule and disables another; and the procurement pack with the author guide's folder.
 */
class JoinedAuthorRulesTest {

    @TempDir
    static Path dir;
    static RegulationRules.Loaded joined;
    static RegulationRules.Loaded whole;

    @BeforeAll
    static void load() throws IOException {
        String imports = "\nimport org.adaldyq.risk.regulation.fact.Trigger;\nimport org.adaldyq.risk.regulation.fact.FactorHit;\n";
        String hit = "insert(new FactorHit(\"%s\", drools.getRule().getName(), $t));";
        Files.writeString(dir.resolve("ADDED.drl"), "package org.adaldyq.risk.rules.regulation;\n" + imports + """

                function boolean early(int token) {
                    return token < 40;
                }
                """ + rule("NON_TRANSPARENCY.author-secrecy-early", "$t : Trigger(concept == \"SECRECY\", early(firstToken))",
                hit.formatted("NON_TRANSPARENCY")));
        Files.writeString(dir.resolve("OWN.drl"), "package org.example.ministry;\n" + imports + """

                declare Closed
                    trigger : Trigger
                end
                """ + rule("NON_TRANSPARENCY.author-note-closed", "$t : Trigger(concept == \"SECRECY\")", "insert(new Closed($t));")
                + rule("NON_TRANSPARENCY.author-closed", "Closed($t : trigger)", hit.formatted("NON_TRANSPARENCY"))
                + rule("VAGUE_TERMS.author-any-evaluative", "$t : Trigger(concept == \"VAGUE\")", hit.formatted("VAGUE_TERMS")));
        // An override of one built-in rule, in a package of its own: the body's option counts only where the
        // provision also closes something from the public (so not in the plain case below).
        String optional = AuthorRulesTest.builtIn("OPTIONAL_POWER.drl");
        int start = optional.indexOf("rule \"OPTIONAL_POWER.body-may-act\"");
        int end = optional.indexOf("\nend", start) + 4;
        String rule = optional.substring(start, end).replace("$v : Trigger(concept == \"OPTIONAL_VERB\")",
                "$v : Trigger(concept == \"OPTIONAL_VERB\")\n    Trigger(concept == \"SECRECY\", provision == $v.provision)");
        assertThat(rule).contains("SECRECY");
        Files.writeString(dir.resolve("OVERRIDE.drl"), optional.substring(0, optional.indexOf("rule \""))
                .replace("package org.adaldyq.risk.rules.regulation;", "package org.example.ministry;") + rule + "\n");
        Files.writeString(dir.resolve("disabled.txt"), "NORM_COLLISION.open-override-phrase\n");

        joined = RegulationRules.load(new PackOptions(JoinedAuthorRulesTest.class.getClassLoader(), true, List.of(dir),
                RuleLimits.DEFAULT, false));
        whole = RegulationRules.load(new PackOptions(JoinedAuthorRulesTest.class.getClassLoader(), true, List.of(dir),
                RuleLimits.DEFAULT, true));
    }

    /** An author rule with the metadata every rule carries; its code is the id's first part. */
    static String rule(String id, String when, String then) {
        return "\nrule \"" + id + "\"\n    @code(\"" + id.substring(0, id.indexOf('.')) + "\") @severity(\"low\") @title(\"" + id
                + "\")\n    @source(\"ministry practice\")\nwhen\n    " + when + "\nthen\n    " + then + "\nend\n";
    }

    @Test
    void bothLoadWithTheSameRules() {
        assertThat(joined.problems()).isEmpty();
        assertThat(whole.problems()).isEmpty();
        assertThat(joined.summary()).contains("4 added", "1 overridden", "1 disabled", "joined to the precompiled rules");
        assertThat(whole.summary()).contains("4 added", "1 overridden", "1 disabled").doesNotContain("joined");
        var a = joined.scanner().orElseThrow().rules();
        var b = whole.scanner().orElseThrow().rules();
        assertThat(a.ruleNames()).isEqualTo(b.ruleNames()).contains("NON_TRANSPARENCY.author-secrecy-early",
                "VAGUE_TERMS.author-any-evaluative", "OPTIONAL_POWER.body-may-act");
        for (String name : b.ruleNames()) {
            assertThat(a.metadata(name)).as(name).isEqualTo(b.metadata(name));
        }
        assertThat(a.disabled()).isEqualTo(b.disabled()).containsExactly("NORM_COLLISION.open-override-phrase");
    }

    @Test
    void theOverriddenBuiltInRuleIsGoneFromBoth() {
        DocumentReader reader = DocumentReader.create();
        var doc = reader.read(AuthorRulesTest.SUSPEND, "suspend", Language.RU);
        RegulationScanner builtIn = RegulationRules.load(PackOptions.of(getClass().getClassLoader(), List.of()))
                .scanner().orElseThrow();
        assertThat(builtIn.scan(doc).findings()).extracting(Finding::ruleId).contains("OPTIONAL_POWER.body-may-act");
        assertThat(joined.scanner().orElseThrow().scan(doc).findings()).extracting(Finding::ruleId)
                .doesNotContain("OPTIONAL_POWER.body-may-act");
        assertThat(whole.scanner().orElseThrow().scan(doc).findings()).extracting(Finding::ruleId)
                .doesNotContain("OPTIONAL_POWER.body-may-act");
    }

    @Test
    void aTypeDeclaredByTheAuthorWorksInBoth() {
        var doc = DocumentReader.create().read("Решение комиссии не подлежит опубликованию.", "closed", Language.RU);
        for (RegulationRules.Loaded l : List.of(joined, whole)) {
            assertThat(l.scanner().orElseThrow().scan(doc).findings()).extracting(Finding::ruleId)
                    .as(l.summary()).contains("NON_TRANSPARENCY.author-closed");
        }
    }

    @Test
    void bothFindTheSameOnTheAnnotatedProvisions() throws IOException {
        RegulationScanner a = joined.scanner().orElseThrow();
        RegulationScanner b = whole.scanner().orElseThrow();
        DocumentReader reader = DocumentReader.create();
        ObjectMapper json = new ObjectMapper();
        int findings = 0;
        List<String> authorRulesFired = new ArrayList<>();
        try (var files = Files.list(Path.of("../data/annotated"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    JsonNode p = json.readTree(line);
                    var doc = reader.read(p.get("text").asText(), p.get("id").asText(),
                            Language.valueOf(p.get("lang").asText().toUpperCase(java.util.Locale.ROOT)));
                    List<Finding> fa = a.scan(doc).findings();
                    assertThat(fa).as(p.get("id").asText()).isEqualTo(b.scan(doc).findings());
                    findings += fa.size();
                    fa.stream().map(Finding::ruleId).filter(r -> r.contains("author")).forEach(authorRulesFired::add);
                }
            }
        }
        assertThat(findings).isGreaterThan(100);
        assertThat(authorRulesFired).contains("VAGUE_TERMS.author-any-evaluative");
    }

    @Test
    void procurementAuthorRulesJoinedFlagAsTheWholePackCompiled() {
        List<Path> folder = List.of(Path.of("../docs/examples/ua-procurement"));
        ProcurementRules.Loaded a = ProcurementRules.load(new PackOptions(getClass().getClassLoader(), true, folder,
                RuleLimits.DEFAULT, false));
        ProcurementRules.Loaded b = ProcurementRules.load(new PackOptions(getClass().getClassLoader(), true, folder,
                RuleLimits.DEFAULT, true));
        assertThat(a.problems()).isEmpty();
        assertThat(a.summary()).contains("1 added", "1 disabled", "joined to the precompiled rules");
        assertThat(a.orThrow().rules().keySet()).isEqualTo(b.orThrow().rules().keySet());
        ProcurementEngine joinedEngine = ProcurementEngine.builder().rules(a.orThrow()).build();
        ProcurementEngine wholeEngine = ProcurementEngine.builder().rules(b.orThrow()).build();
        assertThat(a.examples()).hasSizeGreaterThan(50);
        int authorCases = 0;
        for (ReleaseExamples.Example e : a.examples()) {
            ReleaseExamples.Outcome o = joinedEngine.test(e);
            assertThat(o.found()).as(e.toString()).isEqualTo(wholeEngine.test(e).found());
            if (e.toString().contains("ua-procurement")) { // the author's cases (the built-in R060 ones: rule disabled)
                assertThat(o.passed()).as(e.toString()).isTrue();
                authorCases++;
            }
        }
        assertThat(authorCases).isEqualTo(4);
    }
}
