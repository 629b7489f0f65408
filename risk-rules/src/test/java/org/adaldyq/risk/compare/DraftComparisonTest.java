package org.adaldyq.risk.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adaldyq.risk.RiskEngine;
import org.adaldyq.risk.compare.FindingChange.Status;
import org.adaldyq.risk.compare.ProvisionChange.Alignment;
import org.adaldyq.risk.compare.ProvisionChange.Kind;
import org.adaldyq.risk.finding.ProvisionLocation;
import org.adaldyq.risk.report.ScannedDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real act (the Russian text of the Kazakh law on state support of direct investment) against a second
 * version made by editing it as a drafter would: article 10 struck out and the articles after it
 * renumbered, the «вправе» sentence of article 12 point 3 removed, a deadline added to article 12 point 2,
 * and article 18 point 2 split in two.
 */
class DraftComparisonTest {

    private static final Path ACT = Path.of("..").toAbsolutePath().normalize().resolve("data/samples/ru/kz-laws_rus_104440.md");
    private static final String VPRAVE = " В особых случаях Агентство вправе продлить срок подготовки контракта, но не более чем на 60 дней.";
    private static final String NOTIFY = "По результатам экспертизы Агентство извещает инвестора о принятом решении.";
    private static final String NOTIFY_IN_TIME = "По результатам экспертизы Агентство в течение пяти рабочих дней извещает инвестора о принятом решении.";
    private static final String TO_SPLIT = "      2. Действующее на момент вступления в силу настоящего Закона законодательство Республики Казахстан применяется в части, "
            + "не противоречащей ему, и в течение двух месяцев со дня вступления его в силу должно быть приведено в соответствие с ним.";
    private static final String SPLIT = "      2. Действующее на момент вступления в силу настоящего Закона законодательство Республики Казахстан применяется в части, "
            + "не противоречащей ему.\n\n      3. Действующее на момент вступления в силу настоящего Закона законодательство Республики Казахстан "
            + "в течение двух месяцев со дня вступления его в силу должно быть приведено в соответствие с ним.";

    private static RiskEngine engine;
    private static ScannedDocument before;
    private static ScannedDocument after;
    private static DraftDiff diff;

    @TempDir
    static Path dir;

    @BeforeAll
    static void compareTheTwoVersions() throws Exception {
        engine = RiskEngine.builder().build();
        Path revised = dir.resolve("kz-laws_rus_104440-v2.md");
        Files.writeString(revised, revise(Files.readString(ACT, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        before = engine.scanDocument(ACT);
        after = engine.scanDocument(revised);
        diff = DraftComparison.compare(before, after);
    }

    /** The second version: each edit must apply exactly once, or the act changed and the test says so. */
    static String revise(String act) {
        String s = replaceOnce(act, VPRAVE, "");
        s = replaceOnce(s, NOTIFY, NOTIFY_IN_TIME);
        s = replaceOnce(s, TO_SPLIT, SPLIT);
        int from = s.indexOf("### Статья 10.");
        int to = s.indexOf("## Глава 4.");
        assertThat(from).isPositive().isLessThan(to);
        s = s.substring(0, from) + s.substring(to);
        Matcher m = Pattern.compile("### Статья (\\d+)\\.").matcher(s);
        StringBuilder b = new StringBuilder();
        int renumbered = 0;
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (n > 10) {
                renumbered++;
            }
            m.appendReplacement(b, "### Статья " + (n > 10 ? n - 1 : n) + ".");
        }
        m.appendTail(b);
        assertThat(renumbered).isEqualTo(8);
        return b.toString();
    }

    private static String replaceOnce(String s, String what, String with) {
        assertThat(s.indexOf(what)).as("«%s» in the act", what).isPositive().isEqualTo(s.lastIndexOf(what));
        return s.replace(what, with);
    }

    @Test
    void everyProvisionOfBothVersionsIsInExactlyOneChange() {
        assertThat(diff.changes().stream().mapToInt(c -> c.before().size()).sum()).isEqualTo(diff.provisionsBefore())
                .isEqualTo(before.document().provisions().size());
        assertThat(diff.changes().stream().mapToInt(c -> c.after().size()).sum()).isEqualTo(diff.provisionsAfter())
                .isEqualTo(after.document().provisions().size());
    }

    @Test
    void onlyTheEditedProvisionsAreReportedAndTheRenumberedOnesAreUnchanged() {
        assertThat(diff.changes(Kind.ADDED)).isEmpty();
        assertThat(diff.changes(Kind.REMOVED)).singleElement()
                .satisfies(c -> assertThat(citations(c.before())).containsExactly("Article 10"));
        List<ProvisionChange> changed = diff.changes(Kind.CHANGED);
        assertThat(changed).extracting(c -> citations(c.before()) + " -> " + citations(c.after()) + " " + c.alignment())
                .containsExactly(
                        "[Article 12, point 2] -> [Article 11, point 2] TEXT",
                        "[Article 12, point 3] -> [Article 11, point 3] TEXT",
                        "[Article 18, point 2] -> [Article 17, point 2, Article 17, point 3] SPLIT");
        List<ProvisionChange> unchanged = diff.changes(Kind.UNCHANGED);
        assertThat(unchanged).hasSize(before.document().provisions().size() - 4);
        // every provision after the struck-out article 10 kept its words under the number one lower
        List<ProvisionChange> moved = unchanged.stream().filter(ProvisionChange::renumbered).toList();
        assertThat(moved).isNotEmpty().allSatisfy(c -> {
            int was = article(c.before().get(0).citation());
            assertThat(was).isGreaterThan(10);
            assertThat(article(c.after().get(0).citation())).isEqualTo(was - 1);
            assertThat(c.alignment()).isEqualTo(Alignment.TEXT);
        });
        assertThat(unchanged.stream().filter(c -> !c.renumbered())).allSatisfy(c -> assertThat(article(c.before().get(0).citation())).isLessThan(10));
        assertThat(moved.size() + 4).isEqualTo((int) before.document().provisions().stream()
                .filter(p -> article(p.citation()) >= 10).count());
    }

    @Test
    void theRevisionRemovesTheFindingsOfTheDroppedDiscretionAndTheMissingDeadlineAndKeepsTheRest() {
        ProvisionChange deadline = changed("Article 12, point 2");
        assertThat(deadline.findings(Status.REMOVED)).extracting(FindingChange::code).containsExactly("MISSING_PROCEDURE");
        assertThat(quote(deadline.findings(Status.REMOVED).get(0))).isEqualTo("извещает инвестора о принятом решении");
        assertThat(deadline.findings(Status.ADDED)).isEmpty();

        ProvisionChange vprave = changed("Article 12, point 3");
        assertThat(vprave.findings(Status.REMOVED)).extracting(FindingChange::code)
                .containsExactlyInAnyOrder("SELECTIVE_EXCEPTION", "APPLICANT_BURDEN", "OPTIONAL_POWER");
        assertThat(vprave.findings(Status.REMOVED)).allSatisfy(f -> assertThat(VPRAVE).contains(quote(f)));
        assertThat(vprave.findings(Status.ADDED)).isEmpty();
        assertThat(vprave.after().get(0).text()).doesNotContain("вправе");

        ProvisionChange split = changed("Article 18, point 2");
        assertThat(split.findings(Status.ADDED)).isEmpty();
        assertThat(split.findings(Status.REMOVED)).isEmpty();

        // nothing else moves: the unchanged provisions keep every finding, and the totals add up
        assertThat(diff.changes(Kind.UNCHANGED)).allSatisfy(c -> assertThat(c.findings()).allMatch(f -> f.status() == Status.KEPT));
        assertThat(diff.findingCounts()).containsEntry(Status.ADDED, 0).containsEntry(Status.REMOVED, 4)
                .containsEntry(Status.KEPT, before.report().findings().size() - 4);
        assertThat(after.report().findings()).hasSize(before.report().findings().size() - 4);
        assertThat(diff.scoreBefore()).isEqualTo(before.report().score());
        assertThat(diff.scoreAfter()).isEqualTo(after.report().score());
    }

    @Test
    void aVersionComparedWithItselfIsUnchangedThroughout() throws IOException {
        DraftDiff same = DraftComparison.compare(before, before);
        assertThat(same.changes()).allSatisfy(c -> {
            assertThat(c.kind()).isEqualTo(Kind.UNCHANGED);
            assertThat(c.alignment()).isEqualTo(Alignment.CITATION);
        });
        assertThat(same.findingCounts()).containsEntry(Status.KEPT, before.report().findings().size());
    }

    @Test
    void readingTheRevisionBackwardsMergesTheSplitAndAddsBackWhatWasRemoved() {
        DraftDiff back = DraftComparison.compare(after, before);
        assertThat(back.changes(Kind.ADDED)).singleElement()
                .satisfies(c -> assertThat(citations(c.after())).containsExactly("Article 10"));
        assertThat(back.changes(Kind.CHANGED)).extracting(ProvisionChange::alignment)
                .containsExactly(Alignment.TEXT, Alignment.TEXT, Alignment.MERGED);
        assertThat(back.findingCounts()).containsEntry(Status.ADDED, 4).containsEntry(Status.REMOVED, 0);
        // the removed provision is listed where it stood: between article 9 and the old article 11
        List<String> order = back.changes().stream().map(c -> c.after().isEmpty() ? "-" : c.after().get(0).citation()).toList();
        int at = order.indexOf("Article 10");
        assertThat(order.get(at - 1)).startsWith("Article 9");
        assertThat(order.get(at + 1)).startsWith("Article 11");
    }

    private static ProvisionChange changed(String oldCitation) {
        return diff.changes(Kind.CHANGED).stream().filter(c -> c.before().get(0).citation().equals(oldCitation)).findFirst().orElseThrow();
    }

    private static List<String> citations(List<ProvisionText> side) {
        return side.stream().map(ProvisionText::citation).toList();
    }

    private static String quote(FindingChange f) {
        return ((ProvisionLocation) (f.before() != null ? f.before() : f.after()).location()).quote();
    }

    private static int article(String citation) {
        Matcher m = Pattern.compile("^Article (\\d+)").matcher(citation);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
