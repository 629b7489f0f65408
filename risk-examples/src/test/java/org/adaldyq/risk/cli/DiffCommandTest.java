package org.adaldyq.risk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diff} on the Kazakh sample act against a revision without its «хақылы» (may) sentence in article 12
 * point 3 and with a new article 19 whose text carries markup.
 */
class DiffCommandTest {

    private static final Path ACT = Path.of("..", "data", "samples", "kk", "kz-laws_kaz_104440.md");
    private static final String MAY = " Ерекше жағдайларда Агенттік келiсiм-шарт әзiрлеу мерзiмiн ұзартуға хақылы, бiрақ ол 60 күннен аспауға тиiс.";
    private static final String NEW_ARTICLE = "\n### 19-бап. Заңның қолданысқа енгізілуі\n\n"
            + "      Осы Заң <script>alert(1)</script> ресми жарияланған күнінен бастап күшіне енеді.\n";

    @TempDir
    static Path dir;
    static Path revised;


    @BeforeAll
    static void revise() throws Exception {
        String act = Files.readString(ACT, StandardCharsets.UTF_8);
        assertThat(act).containsOnlyOnce(MAY);
        revised = dir.resolve("kz-laws_kaz_104440-v2.md");
        Files.writeString(revised, act.replace(MAY, "") + NEW_ARTICLE, StandardCharsets.UTF_8);
    }

    @Test
    void textNamesTheChangedProvisionAndTheFindingsItLost() {
        CliRun r = CliRun.of("diff", ACT.toString(), revised.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("(kk)")
                .contains("provisions: 1 added, 0 removed, 1 changed,")
                .contains("findings: 0 added, 3 removed,")
                .contains("CHANGED Article 12, point 3 (")
                .contains("[-Ерекше жағдайларда Агенттік")
                .contains("removed SELECTIVE_EXCEPTION «Ерекше жағдайларда»")
                .contains("removed APPLICANT_BURDEN «мерзiмiн ұзартуға»")
                .contains("removed OPTIONAL_POWER «ұзартуға хақылы»")
                .contains("ADDED Article 19");
    }

    @Test
    void jsonCountsAndListsEveryChange() throws Exception {
        CliRun r = CliRun.of("diff", "--format", "json", ACT.toString(), revised.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("counts").get("changed").asInt()).isEqualTo(1);
        assertThat(root.get("counts").get("added").asInt()).isEqualTo(1);
        assertThat(root.get("counts").get("removed").asInt()).isZero();
        assertThat(root.get("findings").get("removed").asInt()).isEqualTo(3);
        assertThat(root.get("score").get("before").asDouble()).isGreaterThanOrEqualTo(root.get("score").get("after").asDouble());
        List<String> removed = new ArrayList<>();
        for (JsonNode c : root.get("changes")) {
            if (c.get("kind").asText().equals("CHANGED")) {
                assertThat(c.get("before").get(0).get("citation").asText()).isEqualTo("Article 12, point 3");
                for (JsonNode f : c.get("findings")) {
                    if (f.get("status").asText().equals("REMOVED")) {
                        removed.add(f.get("before").get("factor").asText() + " " + f.get("before").get("quote").asText());
                    }
                }
            }
        }
        assertThat(removed).containsExactlyInAnyOrder("SELECTIVE_EXCEPTION Ерекше жағдайларда", "APPLICANT_BURDEN мерзiмiн ұзартуға",
                "OPTIONAL_POWER ұзартуға хақылы");
    }

    @Test
    void htmlIsOneKazakhPageWithTheMarkupOfTheTextEscapedAndNoScript() throws Exception {
        Path page = dir.resolve("diff.html");
        CliRun r = CliRun.of("diff", "--format", "html", "-o", page.toString(), ACT.toString(), revised.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"kk\">").contains("Редакцияларды салыстыру")
                .contains("script-src 'none'")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>")
                .contains("<del>Ерекше жағдайларда")
                .contains("жойылды") // a finding gone
                .contains("12-бап, 3-тармақ").doesNotContain("Article 12") // citations as a Kazakh reader writes them
                .endsWith("</html>\n");
    }

    /**
     * With the expert's review of the old version: a finding struck out is neither kept nor removed, a factor the
     * expert added is kept where its provision did not change, a confirmed finding of the changed provision is
     * removed with its mark, and that decision is named on standard error as one to read again.
     */
    @Test
    void theOldVersionIsComparedAsTheExpertReviewedIt() throws Exception {
        Path worksheet = dir.resolve("old.review.jsonl");
        assertThat(CliRun.of("scan", "--format", "review", "-o", worksheet.toString(), ACT.toString()).exit()).isZero();
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        String struck = null;
        String added = null;
        for (String line : Files.readAllLines(worksheet)) {
            var l = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(line);
            String provision = l.get("provision").asText();
            if (provision.equals("Article 12, point 3")) {
                l.putArray("confirmed").add("OPTIONAL_POWER");
                l.remove("factors");
            } else if (struck == null && l.get("found").size() == 1) {
                struck = provision;
                l.putArray("struck").add(l.get("found").get(0).asText());
                l.remove("factors");
            } else if (added == null && l.get("found").isEmpty() && l.get("text").asText().length() > 80) {
                added = provision;
                l.putArray("added").add("NO_ACCOUNTABILITY");
                l.remove("factors");
            }
            lines.add(l.toString());
        }
        Files.write(worksheet, lines);
        CliRun plain = CliRun.of("diff", "--format", "json", ACT.toString(), revised.toString());
        CliRun r = CliRun.of("diff", "--format", "json", "--review", worksheet.toString(), ACT.toString(), revised.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("review: 3 decision(s) applied to " + ACT + ", 2 carried to " + revised)
                .contains("review: 1 decision(s) not carried to " + revised + ", their provision changed: read again Article 12, point 3");
        JsonNode before = json.readTree(plain.out());
        JsonNode after = json.readTree(r.out());
        assertThat(before.has("review")).isFalse();
        assertThat(after.get("review").get("reviewedAs").asText()).isEqualTo("kz-laws_kaz_104440.md");
        assertThat(after.get("review").get("applied").asInt()).isEqualTo(3);
        assertThat(after.get("review").get("carried").asInt()).isEqualTo(2);
        assertThat(after.get("review").get("readAgain")).singleElement().satisfies(d -> {
            assertThat(d.get("provision").asText()).isEqualTo("Article 12, point 3");
            assertThat(d.get("confirmed").toString()).isEqualTo("[\"OPTIONAL_POWER\"]");
        });
        // one finding struck out, one added: as many kept, none of them the struck one
        assertThat(after.get("findings").get("kept").asInt()).isEqualTo(before.get("findings").get("kept").asInt());
        assertThat(after.get("findings").get("removed").asInt()).isEqualTo(3);
        List<String> kept = new ArrayList<>();
        for (JsonNode c : after.get("changes")) {
            for (JsonNode f : c.get("findings")) {
                JsonNode finding = f.has("after") && !f.get("after").isNull() ? f.get("after") : f.get("before");
                kept.add(f.get("status").asText() + " " + finding.get("factor").asText() + " " + finding.get("provision").asText());
            }
        }
        String struckAt = " " + struck;
        assertThat(kept).contains("KEPT NO_ACCOUNTABILITY " + added).noneMatch(k -> k.endsWith(struckAt) && k.startsWith("KEPT"));

        CliRun text = CliRun.of("diff", "--review", worksheet.toString(), ACT.toString(), revised.toString());
        assertThat(text.out()).contains("removed OPTIONAL_POWER «ұзартуға хақылы» (high 0.85, confirmed by the expert)");
        Path page = dir.resolve("reviewed-diff.html");
        assertThat(CliRun.of("diff", "--format", "html", "-o", page.toString(), "--review", worksheet.toString(), ACT.toString(),
                revised.toString()).exit()).isZero();
        assertThat(Files.readString(page)).contains("<p class=\"expert\">сарапшы растады</p>")
                .contains("Алдыңғы редакцияның сараптамасы: қолданылған шешімдер — 3, осы редакцияға көшірілгені — 2; "
                        + "көшірілмеді, ереже өзгерді (қайта оқыңыз): <b>12-бап, 3-тармақ</b>");

        CliRun other = CliRun.of("diff", "--review", worksheet.toString(), revised.toString(), ACT.toString());
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err()).contains("error: the review decides nothing on kz-laws_kaz_104440-v2.md (it decides on kz-laws_kaz_104440.md)");
    }

    @Test
    void aVersionThatCannotBeReadIsOneErrorLine() {
        CliRun r = CliRun.of("diff", ACT.toString(), dir.resolve("missing.docx").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: ").contains("missing.docx");
        assertThat(r.out()).isEmpty();
    }
}
