package org.adaldyq.risk.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.adaldyq.risk.extract.TextExtractor;
import org.adaldyq.risk.fixtures.TestDocuments;
import org.adaldyq.risk.lang.Language;
import org.adaldyq.risk.structure.CitationLevel.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ProvisionSegmenterTest {

    static String text(String resource) throws Exception {
        return TextExtractor.create().extract(TestDocuments.resource(resource)).text();
    }

    static Provision find(List<Provision> ps, String citation) {
        return ps.stream().filter(p -> p.citation().equals(citation)).findFirst()
                .orElseThrow(() -> new AssertionError("no provision " + citation + " in "
                        + ps.stream().map(Provision::citation).toList()));
    }

    static void assertConsistent(String text, List<Provision> ps) {
        for (int i = 0; i < ps.size(); i++) {
            Provision p = ps.get(i);
            assertThat(p.index()).isEqualTo(i);
            assertThat(p.citation()).isEqualTo(CitationLevel.format(p.path()));
            assertThat(p.text(text)).isEqualTo(text.substring(p.start(), p.end())).isNotBlank().isEqualTo(p.text(text).strip());
            if (i > 0) {
                assertThat(p.start()).as(p.citation()).isGreaterThanOrEqualTo(ps.get(i - 1).end());
            }
        }
    }

    @Test
    void kazakhLawCitationsOffsetsAndLeadIns() throws Exception {
        String text = text("kk/kz-laws_kaz_104440.md");
        List<Provision> ps = ProvisionSegmenter.segment(text, Language.KK);
        assertConsistent(text, ps);

        Provision p = find(ps, "Article 7, point 1, sub-point 3)");
        assertThat(p.path()).containsExactly(CitationLevel.of(Kind.ARTICLE, "7"), CitationLevel.of(Kind.POINT, "1"),
                CitationLevel.of(Kind.SUBPOINT, "3"));
        assertThat(p.text(text)).isEqualTo("3) инвестициялық жобаны iске асыруға қажеттi жабдықтар, шикiзат пен"
                + " материалдар импортын кеден бажынан толық немесе iшiнара босату.");
        assertThat(p.leadIn(text)).isEqualTo(
                "1. Инвестициялық жобаны тиiмдi iске асыру үшiн Агенттік мынадай жеңiлдіктер мен преференцияларды бере алады:");
        assertThat(p.articleCitation()).isEqualTo("Article 7");

        // a sub-point with a second, unnumbered paragraph keeps both
        assertThat(find(ps, "Article 7, point 1, sub-point 2)").text(text)).contains("\n").endsWith("төлеуден босату;");
        // a single-paragraph article is cited without parts; a lead-in + list without points: "Article 15, sub-point 3)"
        assertThat(find(ps, "Article 6").text(text)).endsWith("Президентi бекiтедi.");
        assertThat(find(ps, "Article 15, sub-point 3)").leadIn(text)).isEqualTo("Агенттіктiң негiзгi қызметi мыналар болып табылады:");
        assertThat(find(ps, "Article 12, point 3").text(text)).startsWith("3. Оң шешiм").endsWith("60 күннен аспауға тиiс.");
        // unnumbered list items after a lead-in are paragraphs of the article
        assertThat(find(ps, "Article 2, paragraph 4").text(text)).startsWith("инвестор  - ");
        // the lead-in is not a provision of its own; notes are not provisions
        assertThat(ps).noneMatch(x -> x.citation().equals("Article 7, point 1"));
        assertThat(ps).noneMatch(x -> x.text(text).startsWith("ЕСКЕРТУ"));
        assertThat(ps).noneMatch(x -> x.text(text).startsWith("#"));
    }

    @Test
    void theOfficialRussianVersionGetsTheSameCitations() throws Exception {
        String kk = text("kk/kz-laws_kaz_104440.md");
        String ru = text("ru/kz-laws_rus_104440.md");
        List<String> kkCitations = ProvisionSegmenter.segment(kk, Language.KK).stream().map(Provision::citation).toList();
        List<Provision> ruProvisions = ProvisionSegmenter.segment(ru, Language.RU);
        assertConsistent(ru, ruProvisions);
        for (String c : List.of("Article 3, point 2", "Article 7, point 1, sub-point 3)", "Article 12, point 5",
                "Article 13, point 1, sub-point 1)", "Article 16, sub-point 2)", "Article 17, point 1")) {
            assertThat(kkCitations).contains(c);
            find(ruProvisions, c);
        }
    }

    @Test
    void russianCodeFromPravoGovRuHasArticlesPartsAndPoints() throws Exception {
        String text = text("ru/pravo-gov-ru_102107048.html");
        List<Provision> ps = ProvisionSegmenter.segment(text, Language.RU);
        assertConsistent(text, ps);
        // the Water Code cites its numbered paragraphs as «части»
        Provision part2 = find(ps, "Article 23, part 2");
        assertThat(part2.text(text)).startsWith("2. В течение тридцати дней со дня получения заявления")
                .endsWith("если иной срок не предусмотрен федеральным законом.");
        assertThat(part2.hasLeadIn()).isFalse();
        assertThat(find(ps, "Article 23, part 2.1").text(text)).startsWith("2.1. Предоставление водного объекта");
        Provision point = find(ps, "Article 24, point 2");
        assertThat(point.leadIn(text)).startsWith("К полномочиям органов государственной власти Российской Федерации");
        assertThat(point.articleCitation()).isEqualTo("Article 24");
        assertThat(ps).noneMatch(p -> p.citation().startsWith("Article") && p.text(text).startsWith("Глава"));
    }

    @Test
    void amendingLawCitesTheQuotedNewProvisions() throws Exception {
        String text = text("kk/kz-laws_kaz_28811.md");
        List<Provision> ps = ProvisionSegmenter.segment(text, Language.KK);
        assertConsistent(text, ps);
        Provision instruction = find(ps, "Article 1, point 1, sub-point 1)");
        assertThat(instruction.text(text)).isEqualTo("1) мынадай мазмұндағы 237-1-баппен толықтырылсын:");
        Provision inserted = find(ps, "Article 1, point 1, sub-point 1) → new Article 237-1, point 2");
        assertThat(inserted.text(text)).startsWith("2. Құрылыс салушының уәкiлеттi органға")
                .endsWith("айыппұл салуға әкеп соғады."); // closing quote and ";" excluded
        assertThat(inserted.articleCitation()).isEqualTo("Article 1, point 1, sub-point 1) → new Article 237-1");
        assertThat(find(ps, "Article 1, point 2 → new sub-point 30-1)").text(text)).startsWith("30-1) тұрғын үй");
        assertThat(find(ps, "Article 2").text(text)).startsWith("2-бап. Осы Заң 2007 жылғы");

        String ru = text("ru/kz-laws_rus_28811.md");
        List<Provision> rps = ProvisionSegmenter.segment(ru, Language.RU);
        assertConsistent(ru, rps);
        assertThat(find(rps, "Article 1, point 1, sub-point 1) → new Article 237-1, point 1").text(ru))
                .startsWith("1. Нарушение застройщиком требований");
    }

    @Test
    void amendingLawWithoutArticlesCitesPoints() throws Exception {
        String text = text("kk/kz-laws_kaz_4739.md");
        List<Provision> ps = ProvisionSegmenter.segment(text, Language.KK);
        assertConsistent(text, ps);
        assertThat(find(ps, "Point 2 → new Article 25-2, point 3").text(text))
                .startsWith("3. Тауарлардың").endsWith("жүзеге асыруға құқылы.");
        assertThat(find(ps, "Point 1 → new sub-point ч-1)").text(text)).startsWith("ч-1) кәсіпкерлердің");

        String k17717 = text("kk/kz-laws_kaz_17717.md");
        List<Provision> ps2 = ProvisionSegmenter.segment(k17717, Language.KK);
        assertThat(find(ps2, "Sub-point 2)").leadIn(k17717)).endsWith("мынадай толықтырулар енгiзiлсiн:");
        assertThat(find(ps2, "Sub-point 3) → new text").text(k17717)).startsWith("Арнайы экономикалық аймақ")
                .endsWith("жүзеге асырады.");
    }

    @Test
    void russianQuotesInGuillemetsAndRestatements() {
        String text = "Статья 1. Внести в Закон следующие изменения:\n"
                + "1) статью 5 изложить в следующей редакции:\n"
                + "«Статья 5. Полномочия органа\n"
                + "1. Уполномоченный орган вправе:\n"
                + "1) запрашивать «иные» документы;\n"
                + "2) продлевать срок рассмотрения.»;\n"
                + "2) статью 6 признать утратившей силу.\n";
        List<Provision> ps = ProvisionSegmenter.segment(text, Language.RU);
        assertConsistent(text, ps);
        Provision p = find(ps, "Article 1, sub-point 1) → amended Article 5, point 1, sub-point 2)");
        assertThat(p.text(text)).isEqualTo("2) продлевать срок рассмотрения.");
        assertThat(p.leadIn(text)).isEqualTo("1. Уполномоченный орган вправе:");
        assertThat(find(ps, "Article 1, sub-point 2)").text(text)).isEqualTo("2) статью 6 признать утратившей силу.");
    }

    @Test
    void textWithoutNumberingIsOneProvisionPerParagraph() {
        String text = "Комиссия рассматривает заявления.\n\n  Решение принимается по усмотрению председателя.  \nЖалобы не принимаются.";
        List<Provision> ps = ProvisionSegmenter.segment(text, Language.RU);
        assertConsistent(text, ps);
        assertThat(ps).extracting(Provision::citation).containsExactly("Paragraph 1", "Paragraph 2", "Paragraph 3");
        assertThat(ps.get(1).text(text)).isEqualTo("Решение принимается по усмотрению председателя.");
        assertThat(ps.get(1).articleCitation()).isEqualTo("Paragraph 2");
    }

    @Test
    void englishPlainTextSections() {
        String text = "SEC. 2. DEFINITIONS.\nIn this Act:\n(1) Secretary.—The term “Secretary” means the Secretary of Energy.\n"
                + "(2) Grant.—The term “grant” means—\n(A) a grant; or\n(B) a cooperative agreement.\n"
                + "Sec. 3. The Secretary may waive any requirement of this Act.\n";
        List<Provision> ps = ProvisionSegmenter.segment(text, Language.EN);
        assertConsistent(text, ps);
        assertThat(ps).extracting(Provision::citation)
                .containsExactly("Section 2(1)", "Section 2(2)(A)", "Section 2(2)(B)", "Section 3");
        assertThat(find(ps, "Section 2(2)(B)").leadIn(text)).isEqualTo("(2) Grant.—The term “grant” means—");
    }

    @Test
    void markdownFilesOfTheCorpusSegmentConsistently() throws Exception {
        for (String f : List.of("kk/kz-laws_kaz_28811.md", "kk/kz-laws_kaz_4739.md", "kk/kz-laws_kaz_17717.md",
                "ru/kz-laws_rus_104440.md", "ru/kz-laws_rus_28811.md")) {
            String text = Files.readString(TestDocuments.resource(f));
            assertConsistent(text, ProvisionSegmenter.segment(text, f.startsWith("kk") ? Language.KK : Language.RU));
        }
    }

    /** An English list read alone, outside any section: each item keeps the lead-in that introduces it. */
    @Test
    void anEnglishListOutsideASectionKeepsItsLeadIn() {
        String text = "The Secretary may\u2014\n(A) suspend a license issued under this title; or\n(B) revoke the license.\n";
        List<Provision> ps = ProvisionSegmenter.segment(text, Language.EN);
        assertThat(ps).extracting(Provision::citation).containsExactly("(A)", "(B)");
        for (Provision p : ps) {
            assertThat(p.leadIn(text)).isEqualTo("The Secretary may\u2014");
        }
        // a paragraph that does not introduce the list stays a provision of its own
        String plain = "The Secretary shall publish the rules.\n(A) The rules take effect in 30 days.\n";
        assertThat(ProvisionSegmenter.segment(plain, Language.EN)).extracting(Provision::hasLeadIn).containsOnly(false);
    }

    /**
     * Issue 11: 10 MB of 200,000 one-line articles ("Статья N. Орган вправе.") took four minutes to segment
     * (each article's part counted its siblings again), long before the provision-count limit could refuse
     * it. The limit here is a hang guard, far above the second it takes.
     */
    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void twoHundredThousandShortArticlesAreSegmentedInLinearTime() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 200_000; i++) {
            text.append("Статья ").append(i).append(". Орган вправе.\n");
        }
        List<Provision> ps = ProvisionSegmenter.segment(text.toString(), Language.RU);
        assertThat(ps).hasSizeGreaterThan(100_000);
        assertThat(ps.get(ps.size() - 1).text(text.toString())).isEqualTo("Статья 200000. Орган вправе.");
    }
}
