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

    @Test
    void aVersionThatCannotBeReadIsOneErrorLine() {
        CliRun r = CliRun.of("diff", ACT.toString(), dir.resolve("missing.docx").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("error: ").contains("missing.docx");
        assertThat(r.out()).isEmpty();
    }
}
