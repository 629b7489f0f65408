package org.adaldyq.risk.rules.authoring;

import org.adaldyq.risk.rules.PackOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.regulation.RegulationRules;
import org.adaldyq.risk.rules.RuleCompilationException;
import org.adaldyq.risk.rules.RuleLimitException;
import org.adaldyq.risk.rules.RuleLimits;
import org.adaldyq.risk.rules.RuleProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Author folders on top of the built-in pack: add, override, disable, tune, and every check. */
class AuthorRulesTest {

    static final String SUSPEND = "Уполномоченный орган вправе приостановить действие лицензии.";
    /** Six words between the optional verb and the action. */
    static final String FAR_ACTION = "Уполномоченный орган вправе в течение года по представлению комиссии приостановить действие лицензии.";

    @TempDir
    Path dir;

    static String builtIn(String file) throws IOException {
        try (InputStream in = AuthorRulesTest.class.getClassLoader()
                .getResourceAsStream("org/adaldyq/risk/rules/regulation/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    void write(String name, String content) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, content);
    }

    static RegulationRules.Loaded check(Path... dirs) {
        return RegulationRules.load(new PackOptions(AuthorRulesTest.class.getClassLoader(), true, List.of(dirs),
                RuleLimits.DEFAULT, false));
    }

    static List<String> errors(RegulationRules.Loaded l) {
        return l.problems().stream().filter(RuleProblem::error).map(RuleProblem::toString).toList();
    }

    @Test
    void builtInPackPassesItsOwnCheck() {
        RegulationRules.Loaded l = RegulationRules.load(new PackOptions(getClass().getClassLoader(), true, List.of(),
                RuleLimits.DEFAULT, true));
        assertThat(l.problems()).isEmpty();
        assertThat(l.summary()).contains("0 added", "0 overridden");
    }

    @Test
    void authorRuleIsAddedOnTopOfTheBuiltInPack() throws IOException {
        write("procurement-words.drl", """
                package org.example.kz;

                import org.adaldyq.risk.regulation.fact.Trigger;
                import org.adaldyq.risk.regulation.fact.FactorHit;

                rule "NON_COMPETITIVE.emergency-purchase"
                    @code("NON_COMPETITIVE") @severity("medium") @title("Emergency purchase from one supplier")
                    @source("KZ Law on public procurement, art. 16")
                when
                    $t : Trigger(concept == "EMERGENCY")
                then
                    insert(new FactorHit("NON_COMPETITIVE", drools.getRule().getName(), $t));
                end
                """);
        write("lexicon/ru/EMERGENCY.txt", "чрезвычайн* ситуаци*\n");
        write("NON_COMPETITIVE.examples", "ru + Закупка в условиях чрезвычайной ситуации проводится заказчиком.\n");
        RiskEngine engine = RiskEngine.builder().rules(dir).build();
        assertThat(engine.rulesSummary()).contains("1 added", "compiled at run time");
        assertThat(engine.codesFound("Закупка в условиях чрезвычайной ситуации проводится заказчиком.", Language.RU))
                .contains("NON_COMPETITIVE");
        assertThat(engine.codesFound(SUSPEND, Language.RU)).contains("OPTIONAL_POWER"); // built-ins still there
        assertThat(engine.testRules()).allMatch(o -> o.passed());
    }

    @Test
    void authorRuleOverridesTheBuiltInRuleWithItsId() throws IOException {
        // The author's copy of OPTIONAL_POWER.drl overrides each of its rules; the first one is switched off.
        String drl = builtIn("OPTIONAL_POWER.drl");
        String cut = drl.replace("@source(\"RU Decree 96 §3б; regulation-factors.md OPTIONAL_POWER\")",
                "@source(\"RU Decree 96 §3б; regulation-factors.md OPTIONAL_POWER\")\n    enabled false");
        assertThat(cut).contains("enabled false");
        write("OPTIONAL_POWER.drl", cut);
        RiskEngine engine = RiskEngine.builder().rules(dir).build();
        long rules = drl.lines().filter(l -> l.startsWith("rule \"")).count();
        assertThat(engine.rulesSummary()).contains(rules + " overridden", "0 added");
        assertThat(engine.codesFound(SUSPEND, Language.RU)).doesNotContain("OPTIONAL_POWER");
    }

    @Test
    void disabledRuleNeverFiresAndAnUnknownIdIsAnError() throws IOException {
        write("disabled.txt", "# too noisy for our drafts\nOPTIONAL_POWER.body-may-act\n");
        RiskEngine engine = RiskEngine.builder().rules(dir).build();
        assertThat(engine.rulesSummary()).contains("1 disabled", "precompiled");
        assertThat(engine.codesFound(SUSPEND, Language.RU)).doesNotContain("OPTIONAL_POWER");

        write("disabled.txt", "OPTIONAL_POWER.body-may-akt\n");
        assertThat(errors(check(dir))).containsExactly(dir.resolve("disabled.txt") + ":1:1: disabled rule "
                + "\"OPTIONAL_POWER.body-may-akt\" does not exist (did you mean \"OPTIONAL_POWER.body-may-act\"? "
                + "rule ids are DRL rule names, e.g. \"OPTIONAL_POWER.body-may-act\")");
    }

    @Test
    void thresholdChangesTheResultWithoutCompilingAnything() throws IOException {
        assertThat(RiskEngine.builder().build().codesFound(FAR_ACTION, Language.RU)).contains("OPTIONAL_POWER");
        write("thresholds.csv", "key,value,comment\nOPTIONAL_POWER.action-after,3,our drafting style keeps verbs close\n");
        RiskEngine engine = RiskEngine.builder().rules(dir).build();
        assertThat(engine.rulesSummary()).contains("precompiled");
        assertThat(engine.codesFound(FAR_ACTION, Language.RU)).doesNotContain("OPTIONAL_POWER");

        write("thresholds.csv", "OPTIONAL_POWER.action-after,three\n");
        assertThat(errors(check(dir))).containsExactly(dir.resolve("thresholds.csv")
                + ":1:29: threshold OPTIONAL_POWER.action-after: 'three' is not a number");
    }

    @Test
    void brokenDrlIsReportedAtItsLine() throws IOException {
        String drl = builtIn("VAGUE_TERMS.drl");
        // Line of the pattern we break: an unknown field of Trigger.
        List<String> lines = drl.lines().toList();
        int line = 0;
        while (!lines.get(line).contains("$v : Trigger(concept == \"VAGUE\")")) {
            line++;
        }
        write("VAGUE_TERMS.drl", drl.replace("$v : Trigger(concept == \"VAGUE\")", "$v : Trigger(concpt == \"VAGUE\")"));
        List<String> errors = errors(check(dir));
        assertThat(errors).isNotEmpty();
        int column = lines.get(line).indexOf("concept == \"VAGUE\"") + 1;
        assertThat(errors.get(0)).startsWith(dir.resolve("VAGUE_TERMS.drl") + ":" + (line + 1) + ":" + column + ": ")
                // Drools says only that it cannot resolve Trigger.concpt(); the author learns what to write
                .contains("Trigger has no field 'concpt'; did you mean 'concept'? Its fields: article, concept, end,");

        write("VAGUE_TERMS.drl", drl.replace("then\n", "then\n    insert(new FactorHit(\n"));
        assertThat(errors(check(dir))).isNotEmpty().allMatch(e -> e.startsWith(dir.resolve("VAGUE_TERMS.drl") + ":"));
        assertThatThrownBy(() -> RiskEngine.builder().rules(dir).build()).isInstanceOf(RuleCompilationException.class);
    }

    @Test
    void metadataConventionIsEnforced() throws IOException {
        write("x.drl", """
                package org.example;
                import org.adaldyq.risk.regulation.fact.Trigger;
                import org.adaldyq.risk.regulation.fact.FactorHit;
                rule "VAGUE_TERMS.extra"
                    @code("VAGUE_TERMS") @severity("huge") @title("x")
                when
                    $t : Trigger(concept == "VAGUE")
                then
                    insert(new FactorHit("WIDE_DISCRETION", drools.getRule().getName(), $t));
                end
                rule "BRIBERY.cash"
                    @code("BRIBERY") @severity("high") @title("x") @source("y")
                when
                    $t : Trigger(concept == "VAGUEE")
                then
                end
                rule "VAGUE_TERMS.extra"
                    @code("VAGUE_TERMS") @severity("low") @title("x") @source("y")
                when
                then
                end
                """);
        String f = dir.resolve("x.drl").toString();
        assertThat(errors(check(dir))).containsExactlyInAnyOrder(
                f + ":4:1: rule \"VAGUE_TERMS.extra\" has no @source(\"...\") metadata (every rule needs @code, @severity, @title, @source)",
                f + ":9:12: rule \"VAGUE_TERMS.extra\" declares @code(\"VAGUE_TERMS\") but reports \"WIDE_DISCRETION\"",
                f + ":4:1: rule \"VAGUE_TERMS.extra\": @severity(\"huge\") must be low, medium or high",
                f + ":11:1: rule \"BRIBERY.cash\": unknown code @code(\"BRIBERY\") (not in the catalogue; add it to factors.json of the folder to define a new one)",
                f + ":17:1: duplicate rule id \"VAGUE_TERMS.extra\" (also at " + f + ":4)",
                f + ":14:30: unknown lexicon concept \"VAGUEE\" (no lexicon/<lang>/VAGUEE.txt): the condition can never match; did you mean \"VAGUE\"?");
    }

    @Test
    void drlOutsideTheAllowListIsRefusedAtItsLine() throws IOException {
        write("evil.drl", """
                package org.example;
                import org.adaldyq.risk.regulation.fact.*;
                import java.io.File;
                rule "VAGUE_TERMS.evil"
                    @code("VAGUE_TERMS") @severity("low") @title("x") @source("y")
                when
                    $t : Trigger(concept == "VAGUE", eval(System.getenv("HOME") != null))
                then
                    java.nio.file.Files.delete(java.nio.file.Path.of("/tmp/x"));
                    Runtime.getRuntime().exec("rm");
                    Object c = $t.getClass().getClassLoader();
                    drools.getKieRuntime().getKieBase();
                    while (true) { }
                end
                """);
        String f = dir.resolve("evil.drl").toString();
        List<String> errors = errors(check(dir));
        assertThat(errors).anyMatch(e -> e.startsWith(f + ":3:") && e.contains("import java.io.File is not allowed"));
        assertThat(errors).anyMatch(e -> e.startsWith(f + ":7:") && e.contains("type System is not on the allow-list"));
        assertThat(errors).anyMatch(e -> e.startsWith(f + ":9:5:") && e.contains("'java.nio.file.Files' is not allowed"));
        assertThat(errors).anyMatch(e -> e.startsWith(f + ":10:5:") && e.contains("type Runtime"));
        assertThat(errors).anyMatch(e -> e.startsWith(f + ":11:") && e.contains("'getClass' is not allowed"));
        assertThat(errors).anyMatch(e -> e.startsWith(f + ":12:5:") && e.contains("drools.getKieRuntime is not allowed"));
        assertThat(errors).anyMatch(e -> e.startsWith(f + ":13:5:") && e.contains("loops ('while')"));
    }

    @Test
    void kazakhEntryTheAnalyserReducesToNothingIsReported() throws IOException {
        write("lexicon/kk/VAGUE.txt", "# added for our drafts\n—\n");
        List<String> errors = errors(check(dir));
        assertThat(errors).singleElement().asString()
                .startsWith(dir.resolve("lexicon/kk/VAGUE.txt") + ":2:1: '—' is reduced to nothing by the kk analyser");
        write("lexicon/kk/VAGUE.txt", "\"т.б.\"\n");
        assertThat(errors(check(dir))).singleElement().asString()
                .startsWith(dir.resolve("lexicon/kk/VAGUE.txt") + ":1:1: \"т.б.\" can never match");
    }

    @Test
    void loopingRuleIsStoppedAndNamed() throws IOException {
        write("loop.drl", """
                package org.example;
                import org.adaldyq.risk.regulation.fact.Trigger;
                rule "VAGUE_TERMS.loop"
                    @code("VAGUE_TERMS") @severity("low") @title("Re-inserts its own trigger") @source("test")
                when
                    $t : Trigger(concept == "VAGUE")
                then
                    insert(new Trigger("VAGUE", $t.getProvision(), $t.getArticle(), $t.getStart(), $t.getEnd(), $t.getText(),
                            $t.getFirstToken(), $t.getLastToken(), $t.getSentence(), $t.isLeadIn()));
                end
                """);
        RiskEngine byCount = RiskEngine.builder().rules(dir).maxFiringsPerProvision(500).build();
        assertThatThrownBy(() -> byCount.scan("Орган принимает необходимые меры.", Language.RU))
                .isInstanceOfSatisfying(RuleLimitException.class, e -> {
                    assertThat(e.ruleId()).isEqualTo("VAGUE_TERMS.loop");
                    assertThat(e.limit()).isEqualTo(RuleLimitException.Limit.FIRINGS);
                    assertThat(e.getMessage()).contains("\"VAGUE_TERMS.loop\"");
                });
        RiskEngine byTime = RiskEngine.builder().rules(dir).maxFiringsPerProvision(Long.MAX_VALUE / 1000)
                .maxRuleTimePerDocument(Duration.ofMillis(300)).build();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> byTime.scan("Орган принимает необходимые меры.", Language.RU))
                .isInstanceOfSatisfying(RuleLimitException.class, e -> {
                    assertThat(e.ruleId()).isEqualTo("VAGUE_TERMS.loop");
                    assertThat(e.limit()).isEqualTo(RuleLimitException.Limit.TIME);
                });
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    }

    /** A link out of the folder is never read, so its content cannot reach a message (issue 11, part 5). */
    @Test
    void aLinkOutOfTheFolderIsRefusedWithoutReadingIt(@TempDir Path outside) throws IOException {
        Path secret = java.nio.file.Files.writeString(outside.resolve("secret.txt"), "root:x:0:0:TOP-SECRET\n");
        java.nio.file.Files.createSymbolicLink(dir.resolve("evil.drl"), secret);
        RegulationRules.Loaded l = check(dir);
        assertThat(l.ok()).isFalse();
        assertThat(errors(l)).singleElement().asString().contains("evil.drl").contains("a link out of the rule folder")
                .doesNotContain("TOP-SECRET");
    }

    /** Thousands of nested parentheses exhaust the DRL parser's stack: a problem naming the file, not a crash. */
    @Test
    void deepNestingIsAProblemNotAStackOverflow() throws IOException {
        String deep = "(".repeat(3000) + "1" + ")".repeat(3000);
        write("deep.drl", "package org.example;\nrule \"VAGUE_TERMS.deep\"\n    @code(\"VAGUE_TERMS\") @severity(\"low\")"
                + " @title(\"t\") @source(\"s\")\nwhen\n    eval( " + deep + " > 0 )\nthen\nend\n");
        assertThat(errors(check(dir))).singleElement().asString()
                .startsWith(dir.resolve("deep.drl") + ":").contains("nested too deeply");
    }

    /** A byte-order mark (some Windows editors write one) changes nothing: same problems, same lines. */
    @Test
    void aByteOrderMarkIsIgnored() throws IOException {
        String drl = "package org.example;\nrule \"VAGUE_TERMS.bom\"\n    @code(\"VAGUE_TERMS\") @severity(\"low\")"
                + " @title(\"t\") @source(\"s\")\nwhen\n    eval( nosuch > 0 )\nthen\nend\n";
        write("plain.drl", drl);
        List<String> plain = errors(check(dir));
        java.nio.file.Files.delete(dir.resolve("plain.drl"));
        write("plain.drl", "\uFEFF" + drl);
        assertThat(errors(check(dir))).isEqualTo(plain).isNotEmpty();
    }

    /**
     * A rule file that is not UTF-8 (a stray byte, a UTF-16 file) is a problem naming it, where the CLI said
     * only "Input length = 1"; a FIFO named like a rule file is refused, not skipped in silence (exit 0).
     */
    @Test
    void aRuleFileThatIsNotUtf8TextIsAProblemNamingIt() throws IOException {
        java.nio.file.Files.write(dir.resolve("latin.drl"), "package org.example;\n// \u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        RegulationRules.Loaded l = check(dir);
        assertThat(l.ok()).isFalse();
        assertThat(errors(l)).singleElement().asString().contains(dir.resolve("latin.drl") + ": not valid UTF-8");
    }

    @Test
    void aFifoInTheFolderIsRefusedNotSkipped() throws Exception {
        Path fifo = dir.resolve("pipe.drl");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        RegulationRules.Loaded l = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> check(dir));
        assertThat(l.ok()).isFalse();
        assertThat(errors(l)).singleElement().asString().contains(fifo + ": not a regular file");
    }

    /**
     * The compiled-code check refused legitimate packs, with no line: a declared type (its class implements
     * Drools' fact interfaces and Serializable) and a pack of more than a thousand rules (the executable model
     * splits them over RulesSupplier classes). Both load now.
     */
    @Test
    void aDeclaredTypeAndAThousandRulesPassTheCompiledCodeCheck() throws IOException {
        StringBuilder drl = new StringBuilder("package org.example.big;\nimport org.adaldyq.risk.regulation.fact.*;\n"
                + "declare Seen\n    concept : String\nend\n");
        for (int i = 0; i < 1_001; i++) {
            drl.append("rule \"VAGUE_TERMS.r").append(i).append("\"\n    @code(\"VAGUE_TERMS\") @severity(\"low\") @title(\"t\")")
                    .append(" @source(\"s\")\nwhen\n    $t : Trigger(provision == ").append(i).append(")\nthen\n")
                    .append(i == 0 ? "    insert(new Seen($t.getConcept()));\n" : "").append("end\n");
        }
        write("big.drl", drl.toString());
        RegulationRules.Loaded l = check(dir);
        assertThat(errors(l)).isEmpty();
        assertThat(l.ok()).isTrue();
    }
}
