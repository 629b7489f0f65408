package org.adaldyq.risk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review made in Word: a draft (DOCX) comes back from {@code scan --format docx} with the scanner's comments;
 * the expert deletes one, replies to two (a yes through Word's reply links, a no on the comment's paragraph), and
 * writes comments of their own (one naming a factor, one not); {@code review from-docx} reads the decisions and
 * {@code scan --review} of the draft reports them.
 */
class ReviewFromDocxCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern COMMENT = Pattern.compile("<w:comment [^>]*w:id=\"(\\d+)\".*?</w:comment>", Pattern.DOTALL);

    @Test
    void decisionsMadeInWordAreTheReview(@TempDir Path dir) throws Exception {
        Path draft = WordEdits.draft(Path.of("../data/samples/ru/kz-laws_rus_104440.md"), dir.resolve("draft.docx"));
        Path commented = dir.resolve("draft.review.docx");
        CliRun written = CliRun.of("scan", "--format", "docx", "--output", commented.toString(), draft.toString());
        assertThat(written.exit()).as(written.err()).isZero();
        JsonNode scanned = JSON.readTree(CliRun.of("scan", "--format", "json", draft.toString()).out()).get(0);
        int findings = scanned.get("findings").size();
        assertThat(findings).isGreaterThan(10);
        // the scanner's own comments are not the draft's text: the commented draft scans as the draft
        assertThat(JSON.readTree(CliRun.of("scan", "--format", "json", commented.toString()).out()).get(0).get("findings")).hasSize(findings);

        Map<String, String> parts = WordEdits.parts(Files.readAllBytes(commented));
        String comments = parts.get("word/comments.xml");
        String document = parts.get("word/document.xml");
        List<String> ids = new ArrayList<>();
        Map<String, String> firstLine = new LinkedHashMap<>();
        Matcher m = COMMENT.matcher(comments);
        while (m.find()) {
            ids.add(m.group(1));
            Matcher t = Pattern.compile("<w:t[^>]*>([^<]*)</w:t>").matcher(m.group());
            firstLine.put(m.group(1), t.find() ? t.group(1) : "");
        }
        assertThat(ids).hasSize(findings);
        // each comment names its finding's factor and provision: «Title [CODE, score…] — Статья 6»
        assertThat(firstLine.values()).allMatch(l -> l.matches(".+ \\[[A-Z_]+, .*\\] — (Статья|Глава|Абзац|Пункт).*"));

        // 1. the expert deletes the first comment
        String deleted = ids.get(0);
        Map<String, String> without = WordEdits.delete(parts, deleted);
        comments = without.get("word/comments.xml");
        document = without.get("word/document.xml");
        // 2. replies "✓" to another, linked as Word links replies (paragraph ids, commentsExtended)
        String yes = ids.get(ids.size() / 2);
        comments = comments.replaceFirst("(<w:comment [^>]*w:id=\"" + yes + "\"[^>]*>)<w:p>", "$1<w:p w14:paraId=\"0A000001\">")
                .replace("<w:comments ", "<w:comments xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\" ")
                .replace("</w:comments>", "<w:comment w:id=\"900\" w:author=\"Эксперт\"><w:p w14:paraId=\"0A000002\"><w:r><w:t>✓ верно, "
                        + "критериев нет</w:t></w:r></w:p></w:comment></w:comments>");
        // (not anchored in the text: only the link says whose reply it is)
        parts.put("word/commentsExtended.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w15:commentsEx "
                + "xmlns:w15=\"http://schemas.microsoft.com/office/word/2012/wordml\"><w15:commentEx w15:paraId=\"0A000001\" w15:done=\"0\"/>"
                + "<w15:commentEx w15:paraId=\"0A000002\" w15:paraIdParent=\"0A000001\" w15:done=\"0\"/></w15:commentsEx>");
        parts.put("word/_rels/document.xml.rels", parts.get("word/_rels/document.xml.rels").replace("</Relationships>",
                "<Relationship Id=\"rIdX\" Type=\"http://schemas.microsoft.com/office/2011/relationships/commentsExtended\" "
                        + "Target=\"commentsExtended.xml\"/></Relationships>"));
        parts.put("[Content_Types].xml", parts.get("[Content_Types].xml").replace("</Types>", "<Override PartName=\"/word/commentsExtended.xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml\"/></Types>"));
        // 3. replies "✗" to a third, a comment of another author on that comment's paragraph, with no link
        String no = null;
        Matcher para = Pattern.compile("<w:p>(?:(?!</w:p>).)*</w:p>", Pattern.DOTALL).matcher(document);
        while (para.find() && no == null) {
            Matcher starts = Pattern.compile("<w:commentRangeStart w:id=\"(\\d+)\"/>").matcher(para.group());
            List<String> here = new ArrayList<>();
            while (starts.find()) {
                here.add(starts.group(1));
            }
            if (here.size() == 1 && !here.get(0).equals(yes) && !here.get(0).equals(deleted)) {
                no = here.get(0);
            }
        }
        assertThat(no).isNotNull();
        document = document.replace("<w:commentRangeStart w:id=\"" + no + "\"/>",
                "<w:commentRangeStart w:id=\"" + no + "\"/><w:commentRangeStart w:id=\"903\"/>");
        comments = comments.replace("</w:comments>", "<w:comment w:id=\"903\" w:author=\"Эксперт\"><w:p><w:r><w:t>✗ исключить: "
                + "перечень дан в законе</w:t></w:r></w:p></w:comment></w:comments>");
        // 4. a comment of the expert's own naming a factor, on a paragraph with none; one naming none
        String plain = "инвестор - физические или юридические лица";
        document = comment(document, plain, "901");
        document = comment(document, "Агентство - Агентство Республики Казахстан", "902");
        comments = comments.replace("</w:comments>", "<w:comment w:id=\"901\" w:author=\"Эксперт\"><w:p><w:r><w:t>WIDE_DISCRETION: "
                + "кто признаётся инвестором, решает агентство</w:t></w:r></w:p></w:comment><w:comment w:id=\"902\" w:author=\"Эксперт\">"
                + "<w:p><w:r><w:t>Проверить дату</w:t></w:r></w:p></w:comment></w:comments>");
        parts.put("word/comments.xml", comments);
        parts.put("word/document.xml", document);
        Path reviewed = dir.resolve("draft-by-expert.docx");
        Files.write(reviewed, WordEdits.docx(parts));

        Path review = dir.resolve("review.jsonl");
        CliRun read = CliRun.of("review", "from-docx", reviewed.toString(), "--act", "draft.docx", "-o", review.toString());
        assertThat(read.exit()).as(read.err()).isZero();
        assertThat(read.err()).contains(findings + " finding(s): 1 confirmed, 2 struck out, " + (findings - 3) + " left as found; "
                + "1 factor(s) added; 3 note(s)")
                .contains("review: a comment that names no factor and answers no finding, left out: Эксперт: Проверить дату");

        CliRun after = CliRun.of("scan", "--format", "json", "--review", review.toString(), draft.toString());
        assertThat(after.exit()).as(after.err()).isZero();
        assertThat(after.err()).contains("review: 4 decision(s) applied to " + draft);
        JsonNode report = JSON.readTree(after.out()).get(0);
        assertThat(report.get("findings")).hasSize(findings - 1); // two struck out, one added
        // the findings of the deleted comment and of the "✗" reply are struck out: one fewer of each code
        Map<String, Integer> fewer = new LinkedHashMap<>();
        for (String id : List.of(deleted, no)) {
            fewer.merge(firstLine.get(id).replaceAll(".*\\[([A-Z_]+),.*", "$1"), 1, Integer::sum);
        }
        fewer.forEach((code, n) -> assertThat(count(report, code)).as(code).isEqualTo(count(scanned, code) - n));
        assertThat(report.get("findings")).filteredOn(f -> f.get("ruleId").asText().equals("review:added")).singleElement()
                .satisfies(f -> {
                    assertThat(f.get("factor").asText()).isEqualTo("WIDE_DISCRETION");
                    assertThat(f.get("quote").asText()).startsWith(plain);
                    assertThat(f.toString()).contains("кто признаётся инвестором, решает агентство");
                });
        String yesCode = firstLine.get(yes).replaceAll(".*\\[([A-Z_]+),.*", "$1");
        assertThat(report.get("findings")).filteredOn(f -> f.toString().contains("\"confirmed\"")).singleElement()
                .satisfies(f -> {
                    assertThat(f.get("factor").asText()).isEqualTo(yesCode);
                    assertThat(f.toString()).contains("верно, критериев нет");
                });
        // the Word file is a review as it is: scan --review takes it, its decisions on the draft it was written for
        Path asSaved = Files.createDirectories(dir.resolve("from-expert")).resolve("draft.review.docx");
        Files.copy(reviewed, asSaved);
        CliRun direct = CliRun.of("scan", "--format", "json", "--review", asSaved.toString(), draft.toString());
        assertThat(direct.exit()).as(direct.err()).isZero();
        assertThat(direct.err()).contains("review from " + asSaved + ": " + findings + " finding(s): 1 confirmed, 2 struck out")
                .contains("review: 4 decision(s) applied to " + draft);
        assertThat(JSON.readTree(direct.out()).get(0).get("findings")).isEqualTo(report.get("findings"));
    }

    @Test
    void aDocumentWithoutTheScannersCommentsStrikesNothingAndAFileThatIsNoDocxIsAnError(@TempDir Path dir) throws Exception {
        Path draft = WordEdits.draft(Path.of("../data/samples/ru/kz-laws_rus_104440.md"), dir.resolve("draft.docx"));
        CliRun read = CliRun.of("review", "from-docx", draft.toString());
        assertThat(read.exit()).as(read.err()).isZero();
        assertThat(read.err()).contains(": 0 confirmed, 0 struck out,")
                .contains("review: the document holds no comment of the scanner (scan --format docx writes them): nothing struck out");
        assertThat(read.out().lines()).allMatch(l -> l.contains("\"struck\":[]") && l.contains("\"act\":\"draft.docx\""));

        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "Статья 1. Уполномоченный орган вправе отказать.\n");
        CliRun notDocx = CliRun.of("review", "from-docx", text.toString());
        assertThat(notDocx.exit()).isEqualTo(2);
        assertThat(notDocx.err()).startsWith("error: " + text + ": not a Word document").doesNotContain("\tat ");
        CliRun missing = CliRun.of("review", "from-docx", dir.resolve("none.docx").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
    }

    /** A commented draft whose comments part is broken, or that holds a DTD, is one error line, never a stack trace. */
    @Test
    void aBrokenOrHostileCommentsPartIsAClearError(@TempDir Path dir) throws Exception {
        Path draft = WordEdits.draft(Path.of("../data/samples/ru/kz-laws_rus_104440.md"), dir.resolve("draft.docx"));
        Map<String, String> parts = commented(draft);
        Map<String, String> broken = new java.util.LinkedHashMap<>(parts);
        broken.put("word/comments.xml", parts.get("word/comments.xml").substring(0, 200));
        Map<String, String> hostile = new java.util.LinkedHashMap<>(parts);
        hostile.put("word/comments.xml", "<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<w:comments xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:comment w:id=\"1\" "
                + "w:author=\"X\"><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:comment></w:comments>");
        for (Map<String, String> bad : List.of(broken, hostile)) {
            Path file = dir.resolve("bad.review.docx");
            Files.write(file, WordEdits.docx(bad));
            CliRun read = CliRun.of("review", "from-docx", file.toString());
            assertThat(read.exit()).as(read.err()).isEqualTo(2);
            assertThat(read.err()).startsWith("error: " + file + ": not a Word document with comments to read").doesNotContain("\tat ")
                    .doesNotContain("root:");
            CliRun scan = CliRun.of("scan", "--format", "json", "--review", file.toString(), draft.toString());
            assertThat(scan.exit()).isEqualTo(2);
            assertThat(scan.err()).contains("--review " + file + ": not a Word document with comments to read");
        }
    }

    /**
     * Both official versions back from Word ({@code scan --pair --format docx}): a comment deleted in the Kazakh one
     * strikes that finding out of the Kazakh version only, so {@code scan --pair --review} with both files reports it
     * in the Russian version alone.
     */
    @Test
    void bothOfficialVersionsReviewedInWordGoBackToThePair(@TempDir Path dir) throws Exception {
        String kk = "../data/samples/kk/kz-laws_kaz_104440.md";
        String ru = "../data/samples/ru/kz-laws_rus_104440.md";
        Path out = dir.resolve("word");
        CliRun written = CliRun.of("scan", "--pair", "--format", "docx", "--output", out.toString(), kk, ru);
        assertThat(written.exit()).as(written.err()).isZero();
        JsonNode before = JSON.readTree(CliRun.of("scan", "--pair", "--format", "json", kk, ru).out());
        Path kkReview = out.resolve("kz-laws_kaz_104440.review.docx");
        Map<String, String> parts = WordEdits.parts(Files.readAllBytes(kkReview));
        Files.write(kkReview, WordEdits.docx(WordEdits.delete(parts, WordEdits.commentIds(parts).get(0))));
        CliRun after = CliRun.of("scan", "--pair", "--format", "json", "--review", kkReview.toString(), "--review",
                out.resolve("kz-laws_rus_104440.review.docx").toString(), kk, ru);
        assertThat(after.exit()).as(after.err()).isZero();
        int kkFindings = before.get("counts").get("both").asInt() + before.get("counts").get("kk").asInt();
        assertThat(after.err()).contains("review from " + kkReview + ": " + kkFindings + " finding(s): 0 confirmed, 1 struck out")
                .contains("review: 1 decision(s) applied to " + kk);
        JsonNode counts = JSON.readTree(after.out()).get("counts");
        assertThat(counts.get("both").asInt()).isEqualTo(before.get("counts").get("both").asInt() - 1);
        assertThat(counts.get("ru").asInt()).isEqualTo(before.get("counts").get("ru").asInt() + 1);
        assertThat(counts.get("kk").asInt()).isEqualTo(before.get("counts").get("kk").asInt());
    }

    /** Two experts who each reviewed the commented draft in Word are compared as two reviews are. */
    @Test
    void twoExpertsReviewsInWordAreCompared(@TempDir Path dir) throws Exception {
        Path draft = WordEdits.draft(Path.of("../data/samples/ru/kz-laws_rus_104440.md"), dir.resolve("draft.docx"));
        Map<String, String> parts = commented(draft);
        List<String> ids = WordEdits.commentIds(parts);
        Path first = Files.createDirectories(dir.resolve("a")).resolve("draft.review.docx");
        Path second = Files.createDirectories(dir.resolve("b")).resolve("draft.review.docx");
        Files.write(first, WordEdits.docx(WordEdits.delete(parts, ids.get(0))));
        Files.write(second, WordEdits.docx(WordEdits.delete(WordEdits.delete(parts, ids.get(0)), ids.get(ids.size() - 1))));
        CliRun agree = CliRun.of("review", "agree", "--format", "json", first.toString(), second.toString());
        assertThat(agree.exit()).as(agree.err()).isZero();
        JsonNode g = JSON.readTree(agree.out());
        assertThat(g.get("onlyFirst").asInt()).isZero();
        assertThat(g.get("common").asInt()).isEqualTo(g.get("sameFactors").asInt() + 1);
        assertThat(g.get("disputed")).singleElement().satisfies(d -> assertThat(d.get("act").asText()).isEqualTo("draft.docx"));
    }

    /** The parts of {@code draft} as {@code scan --format docx} gives it back, with the scanner's comments. */
    private static Map<String, String> commented(Path draft) throws Exception {
        Path commented = draft.resolveSibling("draft.review.docx");
        CliRun written = CliRun.of("scan", "--format", "docx", "--output", commented.toString(), draft.toString());
        assertThat(written.exit()).as(written.err()).isZero();
        return WordEdits.parts(Files.readAllBytes(commented));
    }

    private static long count(JsonNode report, String code) {
        long n = 0;
        for (JsonNode f : report.get("findings")) {
            n += f.get("factor").asText().equals(code) && !f.get("ruleId").asText().equals("review:added") ? 1 : 0;
        }
        return n;
    }

    /** {@code document} with a comment ({@code id}) on the paragraph holding {@code words}. */
    private static String comment(String document, String words, String id) {
        Matcher p = Pattern.compile("<w:p>((?:(?!</w:p>).)*?" + Pattern.quote(words) + ".*?)</w:p>", Pattern.DOTALL).matcher(document);
        assertThat(p.find()).as(words).isTrue();
        return document.substring(0, p.start()) + "<w:p><w:commentRangeStart w:id=\"" + id + "\"/>" + p.group(1) + "<w:commentRangeEnd w:id=\""
                + id + "\"/><w:r><w:commentReference w:id=\"" + id + "\"/></w:r></w:p>" + document.substring(p.end());
    }
}
