package org.adaldyq.risk.procurement;

import org.adaldyq.risk.procurement.catalogue.IndicatorCatalogue;
import org.adaldyq.risk.finding.Severity;
import org.adaldyq.risk.procurement.settings.Settings;
import org.adaldyq.risk.procurement.ocds.InputProblem;
import org.adaldyq.risk.procurement.ocds.OcdsReader;
import org.adaldyq.risk.rules.RuleReload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embeddable procurement API: a validating builder, typed results, problems delivered, pull and push. */
class ProcurementApiTest {
    /** Two days to bid (R003), a cancelled process, a broken line, a line without ocid, an array. */
    static final String DATA = String.join("\n",
            "{\"ocid\":\"ocds-1\",\"buyer\":{\"id\":\"B1\"},\"tender\":{\"procurementMethod\":\"open\",\"tenderPeriod\":"
                    + "{\"startDate\":\"2024-03-01T09:00:00Z\",\"endDate\":\"2024-03-03T09:00:00Z\"}}}",
            "{\"ocid\":\"ocds-2\",\"buyer\":{\"id\":\"B1\"},\"tender\":{\"status\":\"cancelled\"}}",
            "{\"ocid\": broken",
            "{\"tender\":{}}",
            "[1, 2]",
            "{\"ocid\":\"ocds-3\",\"buyer\":{\"id\":\"B2\"},\"tender\":{\"procurementMethod\":\"open\",\"tenderPeriod\":"
                    + "{\"startDate\":\"2024-03-01T09:00:00Z\",\"endDate\":\"2024-04-03T09:00:00Z\"}}}") + "\n";

    static List<OcdsReader.Input> input(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return List.of(new OcdsReader.Input("data.jsonl", () -> new ByteArrayInputStream(bytes)));
    }

    @Test
    void builderRejectsWhatItCannotRun() {
        assertThatThrownBy(() -> ProcurementEngine.builder().codes("R999").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'R999'");
        assertThatThrownBy(() -> ProcurementEngine.builder().codes("r003").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'r003'").hasMessageContaining("did you mean R003?");
        assertThatThrownBy(() -> ProcurementEngine.builder().threads(-3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-3");
        assertThatThrownBy(() -> ProcurementEngine.builder().batchSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchSize").hasMessageContaining("0");
        assertThatThrownBy(() -> ProcurementEngine.builder().maxLineBytes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProcurementEngine.builder().settings(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void defaultsAreTheTendersCommands() {
        List<String> all = new ArrayList<>(IndicatorCatalogue.builtIn().codes());
        assertThat(ProcurementEngine.builder().build().codes()).containsExactlyElementsOf(all);
        assertThat(ProcurementEngine.DEFAULT_THREADS).isEqualTo(2);
    }

    @Test
    void typedResultsForEveryProcessAndEveryProblemDelivered() {
        List<InputProblem> problems = new ArrayList<>();
        ProcessListener listener = new ProcessListener() {
            @Override
            public void process(String source, org.adaldyq.risk.procurement.model.ContractingProcess p,
                                org.adaldyq.risk.procurement.fact.ProcessFacts f, String skip,
                                List<org.adaldyq.risk.procurement.fact.Flag> flags) {
            }

            @Override
            public void problem(InputProblem problem) {
                problems.add(problem);
            }
        };
        ProcurementEngine engine = ProcurementEngine.builder().threads(1).build();
        try (Assessment a = engine.assess(input(DATA), listener)) {
            List<ProcessResult> results = new ArrayList<>();
            a.forEachProcess(results::add);

            assertThat(problems).extracting(InputProblem::line, InputProblem::kind).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(3L, InputProblem.Kind.INVALID_JSON),
                    org.assertj.core.groups.Tuple.tuple(4L, InputProblem.Kind.NO_OCID),
                    org.assertj.core.groups.Tuple.tuple(5L, InputProblem.Kind.NOT_AN_OBJECT));
            assertThat(problems).allSatisfy(p -> assertThat(p.source()).isEqualTo("data.jsonl"));
            // every process read has a result, skipped ones with their reason; counts reconcile
            assertThat(results).extracting(ProcessResult::ocid).containsExactly("ocds-1", "ocds-2", null, "ocds-3");
            assertThat(results).extracting(ProcessResult::skipReason).containsExactly(null, "cancelled", "no ocid", null);
            assertThat(a.counts().processes()).isEqualTo(results.size());
            assertThat(a.counts().problems().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(problems.size());

            ProcessResult short1 = results.get(0);
            assertThat(short1.source()).isEqualTo("data.jsonl");
            assertThat(short1.line()).isEqualTo(1);
            assertThat(short1.flags()).containsOnlyKeys("R003");
            ProcessFlag r003 = short1.findings().get(0);
            assertThat(r003.title()).isEqualTo("Short submission period");
            assertThat(r003.severity()).isIn(Severity.values());
            assertThat(r003.group()).isEqualTo("OCID");
            assertThat(r003.evidence()).isNotEmpty();
            assertThat(r003.evidence().get(0).value()).isEqualTo(2);
            assertThat(r003.finding().location().toString()).contains("ocds-1");
            assertThat(short1.scores().cri()).isPositive();
            assertThat(results.get(3).flags()).isEmpty();
            assertThat(results.get(3).notFlagged()).contains("R003");

            OrganisationSummary b1 = a.buyers().get(0);
            assertThat(b1.id()).isEqualTo("B1");
            assertThat(b1.processes()).isEqualTo(1); // the cancelled one is not reviewed
            assertThat(b1.processFlags()).containsEntry("R003", 1L);
            assertThat(a.buyers()).extracting(OrganisationSummary::id).containsExactly("B1", "B2");
        }
    }

    @Test
    void pullIteratorStreamsAgainAndTheSpillIsGoneOnClose(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("data.jsonl");
        Files.writeString(file, DATA);
        Assessment a = ProcurementEngine.builder().build().assess(file);
        try (Assessment.ProcessIterator it = a.processes()) {
            assertThat(it.hasNext()).isTrue();
            assertThat(it.next().ocid()).isEqualTo("ocds-1"); // stop early: close releases the file
        }
        List<String> again = new ArrayList<>();
        a.processes().forEachRemaining(p -> again.add(p.ocid()));
        assertThat(again).hasSize(4);
        long spills = countSpills();
        a.close();
        assertThat(countSpills()).isEqualTo(spills - 1);
    }

    @Test
    void summariesAreTheSameWhetherAPassOfTheProcessesGaveThemOrNot(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("data.jsonl");
        Files.writeString(file, DATA);
        ProcurementEngine engine = ProcurementEngine.builder().build();
        List<OrganisationSummary> fresh;
        List<OrganisationSummary> freshSuppliers;
        try (Assessment a = engine.assess(file)) {
            fresh = a.buyers(); // its own pass
            freshSuppliers = a.suppliers();
            assertThat(fresh).extracting(OrganisationSummary::id).containsExactly("B1", "B2");
        }
        try (Assessment a = engine.assess(file)) {
            try (Assessment.ProcessIterator it = a.processes()) {
                it.next(); // a pass stopped early gives no summaries
            }
            Assessment.ProcessIterator it = a.processes();
            it.forEachRemaining(p -> { });
            assertThat(it.hasNext()).isFalse(); // and stays false at the end
            assertThat(it.hasNext()).isFalse();
            assertThat(a.buyers()).isEqualTo(fresh);
            assertThat(a.suppliers()).isEqualTo(freshSuppliers);
        }
    }

    /**
     * A rule folder under {@code tmp} with one procurement rule of code R001 in {@code file}: its name, title,
     * conditions and consequence.
     */
    private static Path authorRule(Path tmp, String file, String name, String title, String when, String then) throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve(file), "package org.adaldyq.risk.rules.procurement;\n\n"
                + "import org.adaldyq.risk.procurement.fact.*;\n\n"
                + "rule \"" + name + "\"\n"
                + "    @id(\"R001\") @code(\"R001\") @severity(\"low\") @title(\"" + title + "\") @source(\"test\")\n"
                + "when\n" + when + "then\n" + then + "end\n");
        return rules;
    }

    private static long countSpills() throws Exception {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("adaldyq-assessment")).count();
        }
    }

    @Test
    void ruleFolderReloadsWithoutANewEngine(@TempDir Path tmp) throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("disabled.txt"), "# nothing yet\n");
        List<RuleReload> reloads = new ArrayList<>();
        ProcurementEngine engine = ProcurementEngine.builder().rules(rules).reloadListener(reloads::add).threads(1).build();
        try (Assessment a = engine.assess(input(DATA), ProcessListener.NONE)) {
            assertThat(a.indicators().results().get(org.adaldyq.risk.procurement.fact.Group.OCID)).containsKey("ocds-1");
        }
        Files.writeString(rules.resolve("disabled.txt"), "R003 Short submission period\n");
        assertThat(engine.reloadRules().applied()).isTrue();
        assertThat(reloads).hasSize(1);
        try (Assessment a = engine.assess(input(DATA), ProcessListener.NONE)) {
            assertThat(a.indicators().results()).doesNotContainKey(org.adaldyq.risk.procurement.fact.Group.OCID);
        }
        Files.writeString(rules.resolve("disabled.txt"), "R003 No such rule\n");
        assertThat(engine.reloadRules().applied()).isFalse(); // a broken folder never replaces the rules in force
    }

    /**
     * Cardinal's indicators need no parties: a listener that only counts or only wants the problems lets the
     * run skip compiling them, one that reads processes gets them, and the results are the same.
     */
    @Test
    void aListenerThatReadsNoPartiesSavesCompilingThem() {
        String data = "{\"ocid\":\"ocds-1\",\"buyer\":{\"id\":\"B1\"},\"parties\":[{\"id\":\"B1\",\"roles\":[\"buyer\"]}],"
                + "\"tender\":{\"procurementMethod\":\"open\",\"numberOfTenderers\":1}}\n";
        ProcurementEngine engine = ProcurementEngine.builder().codes(IndicatorCatalogue.builtIn().cardinalCodes()).threads(1).build();
        int[] counted = {0};
        List<Integer> partiesSeen = new ArrayList<>();
        ProcessListener reading = (source, p, f, skip, flags) -> partiesSeen.add(p.parties().size());
        assertThat(ProcessListener.counting(() -> counted[0]++).readsParties()).isFalse();
        assertThat(ProcessListener.problems(p -> { }).readsParties()).isFalse();
        assertThat(ProcessListener.NONE.readsParties()).isFalse();
        assertThat(reading.readsParties()).isTrue();
        try (IndicatorResults counting = engine.run(input(data), ProcessListener.counting(() -> counted[0]++));
             IndicatorResults read = engine.run(input(data), reading)) {
            assertThat(counted[0]).isEqualTo(1);
            assertThat(partiesSeen).containsExactly(1);
            assertThat(counting.results()).isEqualTo(read.results()).isNotEmpty();
        }
    }

    /**
     * The assessment keeps each process on disk until it is read: whatever evidence a rule gives comes back as
     * a JSON round trip gives it (sets as sorted lists of strings, integers as Integer, a NaN as null, lists
     * and maps as lists and maps).
     */
    @Test
    void evidenceOfAnyKindComesBackFromTheSpillAsJsonGivesIt(@TempDir Path tmp) throws Exception {
        Path rules = authorRule(tmp, "R001-odd-evidence.drl", "R001 Odd evidence", "Odd evidence", """
                $s : IndicatorSetting( code == "R001" )
                $t : TenderFact( ocid == "odd-1" )
                """, """
                insert( Flag.ocid("R001", $t.getOcid(), 0.5)
                        .because("set", new java.util.TreeSet(java.util.List.of("b", "a")), 5L)
                        .because("nan", Double.NaN, Float.valueOf(1.5f))
                        .because("nested", java.util.List.of(1, 2.5, "x"), java.util.Map.of("k", true))
                        .because(null, null, "text") );
                insert( new Flag("R001", Group.Buyer, "B", 1.0).because("n", 7L, null).in($t.getOcid()) );
                """);
        String data = "{\"ocid\":\"odd-1\",\"buyer\":{\"id\":\"B\"},\"tender\":{\"procurementMethod\":\"open\"}}\n";
        ProcurementEngine engine = ProcurementEngine.builder().rules(rules).threads(1)
                .settings(org.adaldyq.risk.procurement.settings.Settings.parse("[R001]\n")).build();
        try (Assessment a = engine.assess(input(data), ProcessListener.NONE)) {
            List<ProcessResult> results = new ArrayList<>();
            a.forEachProcess(results::add);
            assertThat(results).hasSize(1);
            List<ProcessFlag> findings = results.get(0).findings();
            assertThat(findings).extracting(ProcessFlag::group, ProcessFlag::id)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("OCID", "odd-1"), org.assertj.core.groups.Tuple.tuple("Buyer", "B"));
            assertThat(findings.get(1).evidence()).containsExactly(new org.adaldyq.risk.finding.Evidence("n", 7, null));
            assertThat(findings.get(0).evidence()).containsExactly(
                    new org.adaldyq.risk.finding.Evidence("set", List.of("a", "b"), 5),
                    new org.adaldyq.risk.finding.Evidence("nan", null, 1.5),
                    new org.adaldyq.risk.finding.Evidence("nested", List.of(1, 2.5, "x"), Map.of("k", true)),
                    new org.adaldyq.risk.finding.Evidence("null", null, "text"));
        }
    }

    /** A rule that raises a flag on nothing (no id) fails the process it fires for, with a problem; the run goes on. */
    @Test
    void aFlagWithoutAnIdFailsOneProcessNotTheRun(@TempDir Path tmp) throws Exception {
        Path rules = authorRule(tmp, "R001-no-id.drl", "R001 Flags nothing", "No id", """
                $s : IndicatorSetting( code == "R001" )
                $t : TenderFact( ocid == "bad-1" )
                """, """
                insert( new Flag("R001", Group.Buyer, null, 1.0) );
                """);
        String period = "\"tenderPeriod\":{\"startDate\":\"2024-03-01T09:00:00Z\",\"endDate\":\"2024-03-03T09:00:00Z\"}";
        String data = "{\"ocid\":\"ok-0\",\"tender\":{\"procurementMethod\":\"open\"," + period + "}}\n"
                + "{\"ocid\":\"bad-1\",\"tender\":{\"procurementMethod\":\"open\"," + period + "}}\n";
        List<InputProblem> problems = new ArrayList<>();
        ProcurementEngine engine = ProcurementEngine.builder().rules(rules).threads(1)
                .settings(org.adaldyq.risk.procurement.settings.Settings.parse("[R001]\n[R003]\n")).build();
        try (Assessment a = engine.assess(input(data), ProcessListener.problems(problems::add))) {
            List<ProcessResult> results = new ArrayList<>();
            a.forEachProcess(results::add);
            assertThat(results).extracting(ProcessResult::ocid).containsExactly("ok-0", "bad-1");
            assertThat(results.get(0).flags()).containsKey("R003");
            assertThat(results.get(1).skipReason()).isEqualTo("rules stopped");
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(InputProblem.Kind.RULE_ERROR);
                assertThat(p.ocid()).isEqualTo("bad-1");
                assertThat(p.reason()).contains("flag R001 on Buyer needs the id of what it flags");
            });
        }
    }

    /** A looping author rule stops on the process it loops on; the others of its batch keep their flags (issue 11). */
    @Test
    void aLoopingRuleFailsOneProcessNotTheRun(@TempDir Path tmp) throws Exception {
        Path rules = authorRule(tmp, "R001-loop.drl", "R001 Loops on one process", "Loops", """
                $s : IndicatorSetting( code == "R001" )
                $a : ActiveSupplier( ocid == "loop-1" )
                """, """
                insert( new ActiveSupplier($a.getOcid(), $a.getSupplierId() + "x") );
                """);
        String period = "\"tenderPeriod\":{\"startDate\":\"2024-03-01T09:00:00Z\",\"endDate\":\"2024-03-03T09:00:00Z\"}";
        String data = "{\"ocid\":\"ok-0\",\"tender\":{\"procurementMethod\":\"open\"," + period + "}}\n"
                + "{\"ocid\":\"loop-1\",\"tender\":{\"procurementMethod\":\"open\"," + period + "},"
                + "\"awards\":[{\"id\":\"a\",\"status\":\"active\",\"suppliers\":[{\"id\":\"S\"}]}]}\n"
                + "{\"ocid\":\"ok-2\",\"tender\":{\"procurementMethod\":\"open\"," + period + "}}\n";
        List<InputProblem> problems = new ArrayList<>();
        ProcurementEngine engine = ProcurementEngine.builder().rules(rules).threads(1)
                .settings(org.adaldyq.risk.procurement.settings.Settings.parse("[R001]\n[R003]\n"))
                .limits(org.adaldyq.risk.rules.RuleLimits.DEFAULT.withMaxFiringsPerUnit(50))
                .build();
        try (Assessment a = engine.assess(input(data), ProcessListener.problems(problems::add))) {
            List<ProcessResult> results = new ArrayList<>();
            a.forEachProcess(results::add);
            assertThat(results).extracting(ProcessResult::ocid).containsExactly("ok-0", "loop-1", "ok-2");
            assertThat(results.get(0).flags()).containsKey("R003"); // same rule session as the looping process
            assertThat(results.get(2).flags()).containsKey("R003");
            assertThat(results.get(1).skipReason()).isEqualTo("rules stopped");
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(InputProblem.Kind.RULE_LIMIT);
                assertThat(p.ocid()).isEqualTo("loop-1");
                assertThat(p.line()).isEqualTo(2);
                assertThat(p.reason()).contains("R001 Loops on one process");
            });
        }
    }

    /**
     * An author rule that throws on one process (its consequence, here; a condition alike) fails that process
     * with a RULE_ERROR problem naming the rule; it used to end the whole run with "rules failed" and no output.
     */
    @Test
    void aThrowingRuleFailsOneProcessNotTheRun(@TempDir Path tmp) throws Exception {
        Path rules = authorRule(tmp, "R001-throws.drl", "R001 Throws on one process", "Throws", """
                $s : IndicatorSetting( code == "R001" )
                $a : ActiveSupplier( ocid == "bad-1" )
                """, """
                throw new IllegalStateException("boom on " + $a.getOcid());
                """);
        String period = "\"tenderPeriod\":{\"startDate\":\"2024-03-01T09:00:00Z\",\"endDate\":\"2024-03-03T09:00:00Z\"}";
        String data = "{\"ocid\":\"ok-0\",\"tender\":{\"procurementMethod\":\"open\"," + period + "}}\n"
                + "{\"ocid\":\"bad-1\",\"tender\":{\"procurementMethod\":\"open\"," + period + "},"
                + "\"awards\":[{\"id\":\"a\",\"status\":\"active\",\"suppliers\":[{\"id\":\"S\"}]}]}\n"
                + "{\"ocid\":\"ok-2\",\"tender\":{\"procurementMethod\":\"open\"," + period + "}}\n";
        List<InputProblem> problems = new ArrayList<>();
        ProcurementEngine engine = ProcurementEngine.builder().rules(rules).threads(1)
                .settings(org.adaldyq.risk.procurement.settings.Settings.parse("[R001]\n[R003]\n"))
                .build();
        try (Assessment a = engine.assess(input(data), ProcessListener.problems(problems::add))) {
            List<ProcessResult> results = new ArrayList<>();
            a.forEachProcess(results::add);
            assertThat(results).extracting(ProcessResult::ocid).containsExactly("ok-0", "bad-1", "ok-2");
            assertThat(results.get(0).flags()).containsKey("R003");
            assertThat(results.get(2).flags()).containsKey("R003");
            assertThat(results.get(1).skipReason()).isEqualTo("rules stopped");
            assertThat(problems).singleElement().satisfies(p -> {
                assertThat(p.kind()).isEqualTo(InputProblem.Kind.RULE_ERROR);
                assertThat(p.ocid()).isEqualTo("bad-1");
                assertThat(p.line()).isEqualTo(2);
                assertThat(p.reason()).contains("R001 Throws on one process", "boom on bad-1");
            });
        }
    }
}
