package org.adaldyq.risk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.adaldyq.risk.serve.RiskServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** {@code serve} end to end in headless Chromium: upload two drafts, see their annotated reports. */
class ServeBrowserTest {
    private static ChromeDriver browser;
    private static RiskServer server;

    @BeforeAll
    static void start(@TempDir Path chromium) throws Exception {
        browser = Browser.start(chromium);
        server = RiskServer.start(new RiskServer.Options("127.0.0.1", 0, 20 << 20, 2, 16));
    }

    @AfterAll
    static void stop() {
        Browser.stop(browser, server);
    }

    /**
     * Version 1 or 2 of a small draft in {@code dir} ({@code draft-v1.txt}, {@code draft-v2.txt}): the second puts a
     * deadline on the power the first leaves open, and keeps point 2 as it was.
     */
    private static Path version(Path dir, int n) throws java.io.IOException {
        String point1 = n == 1 ? "вправе приостановить действие лицензии." : "обязан приостановить действие лицензии в течение 10 дней.";
        return java.nio.file.Files.writeString(dir.resolve("draft-v" + n + ".txt"), "Статья 1. Лицензии\n1. Уполномоченный орган "
                + point1 + "\n2. Порядок устанавливается Правительством.\n");
    }

    /** Opens the upload page (after reading what earlier tests left in the log), chooses the files and the result, presses Scan. */
    private static void upload(String format, String... files) {
        Browser.consoleErrors(browser);
        browser.get("http://127.0.0.1:" + server.port() + "/");
        browser.findElement(By.id("files")).sendKeys(String.join("\n", files));
        new Select(browser.findElement(By.id("format"))).selectByValue(format);
        browser.findElement(By.id("scan")).click();
    }

    /** The JSON report of {@code file} uploaded with {@code review} chosen as the expert's review. */
    private static com.fasterxml.jackson.databind.JsonNode reviewedJson(Path file, Path review) throws Exception {
        Browser.consoleErrors(browser);
        browser.get("http://127.0.0.1:" + server.port() + "/");
        browser.findElement(By.id("files")).sendKeys(file.toString());
        browser.findElement(By.id("review")).sendKeys(review.toString());
        new Select(browser.findElement(By.id("format"))).selectByValue("json");
        browser.findElement(By.id("scan")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !d.findElements(By.cssSelector(".result[data-state=done] pre")).isEmpty());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(browser.findElement(By.cssSelector(".result pre")).getText());
    }

    @Test
    void uploadedDraftsComeBackAsAnnotatedReports() throws Exception {
        Browser.consoleErrors(browser); // what earlier tests left in the log
        browser.get("http://127.0.0.1:" + server.port() + "/");
        String kk = Path.of("../data/samples/kk/kz-laws_kaz_104440.md").toAbsolutePath().normalize().toString();
        String docx = Path.of("../risk-core/src/test/resources/documents/fixtures/kk-article7.docx").toAbsolutePath().normalize().toString();
        browser.findElement(By.id("files")).sendKeys(kk + "\n" + docx);
        new Select(browser.findElement(By.id("format"))).selectByValue("html");
        browser.findElement(By.id("scan")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.findElements(By.cssSelector(".result[data-state]")).size() == 2);
        assertThat(browser.findElements(By.cssSelector(".result[data-state=error]"))).isEmpty();
        for (WebElement result : browser.findElements(By.cssSelector(".result"))) {
            WebElement frame = result.findElement(By.tagName("iframe"));
            browser.switchTo().frame(frame);
            assertThat(browser.findElements(By.cssSelector("mark[data-findings]"))).isNotEmpty();
            assertThat(browser.findElements(By.cssSelector("aside.note"))).isNotEmpty();
            browser.switchTo().defaultContent();
        }
        assertThat(Browser.consoleErrors(browser)).isEmpty();
        Browser.screenshot(browser, Path.of("target/screenshots/serve.png"));
    }

    @Test
    void theTwoOfficialVersionsComeBackSideBySide() throws Exception {
        Browser.consoleErrors(browser);
        browser.get("http://127.0.0.1:" + server.port() + "/");
        String kk = Path.of("../data/samples/kk/kz-laws_kaz_104440.md").toAbsolutePath().normalize().toString();
        String ru = Path.of("../data/samples/ru/kz-laws_rus_104440.md").toAbsolutePath().normalize().toString();
        browser.findElement(By.id("files")).sendKeys(kk + "\n" + ru);
        new Select(browser.findElement(By.id("format"))).selectByValue("html");
        browser.findElement(By.id("pair")).click();
        browser.findElement(By.id("scan")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.findElements(By.cssSelector(".result[data-state]")).size() == 1);
        WebElement result = browser.findElement(By.cssSelector(".result"));
        assertThat(result.getAttribute("data-state")).isEqualTo("done");
        assertThat(result.findElement(By.tagName("h2")).getText()).isEqualTo("kz-laws_kaz_104440.md + kz-laws_rus_104440.md");
        browser.switchTo().frame(result.findElement(By.tagName("iframe")));
        assertThat(browser.findElements(By.cssSelector(".twin aside.note"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector(".st-both"))).isNotEmpty();
        browser.switchTo().defaultContent();
        assertThat(Browser.consoleErrors(browser)).isEmpty();
        Browser.screenshot(browser, Path.of("target/screenshots/serve-pair.png"));

        browser.get("http://127.0.0.1:" + server.port() + "/");
        browser.findElement(By.id("files")).sendKeys(kk);
        browser.findElement(By.id("pair")).click();
        browser.findElement(By.id("scan")).click();
        assertThat(browser.findElement(By.cssSelector(".result[data-state=error] .error")).getText()).contains("exactly two files");
    }

    /** Two versions of one draft, the earlier first, come back as the comparison page; DOCX or both boxes ticked is refused. */
    @Test
    void twoVersionsOfADraftComeBackCompared(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path before = version(dir, 1);
        Path after = version(dir, 2);
        Browser.consoleErrors(browser);
        browser.get("http://127.0.0.1:" + server.port() + "/");
        browser.findElement(By.id("files")).sendKeys(before + "\n" + after);
        new Select(browser.findElement(By.id("format"))).selectByValue("html");
        browser.findElement(By.id("diff")).click();
        browser.findElement(By.id("scan")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.findElements(By.cssSelector(".result[data-state]")).size() == 1);
        WebElement result = browser.findElement(By.cssSelector(".result"));
        assertThat(result.getAttribute("data-state")).isEqualTo("done");
        assertThat(result.findElement(By.tagName("h2")).getText()).isEqualTo("draft-v1.txt → draft-v2.txt");
        browser.switchTo().frame(result.findElement(By.tagName("iframe")));
        assertThat(browser.findElements(By.cssSelector(".change"))).isNotEmpty();
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("draft-v1.txt", "draft-v2.txt");
        browser.switchTo().defaultContent();
        assertThat(Browser.consoleErrors(browser)).isEmpty();
        Browser.screenshot(browser, Path.of("target/screenshots/serve-diff.png"));

        browser.get("http://127.0.0.1:" + server.port() + "/");
        browser.findElement(By.id("files")).sendKeys(before + "\n" + after);
        new Select(browser.findElement(By.id("format"))).selectByValue("docx");
        browser.findElement(By.id("diff")).click();
        browser.findElement(By.id("scan")).click();
        assertThat(browser.findElement(By.cssSelector(".result[data-state=error] .error")).getText()).contains("not as DOCX");
        browser.findElement(By.id("pair")).click();
        browser.findElement(By.id("scan")).click();
        assertThat(browser.findElement(By.cssSelector(".result[data-state=error] .error")).getText()).contains("Choose one");
    }

    /**
     * An expert's review chosen with the files: the next version of the draft, saved under another name, comes back
     * as reviewed; two versions compared show the earlier as reviewed.
     */
    @Test
    void anUploadedReviewGoesWithTheTextAndItsNextVersion(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path before = version(dir, 1);
        Path after = version(dir, 2);
        org.adaldyq.risk.RiskEngine engine = org.adaldyq.risk.RiskEngine.builder().build();
        java.util.List<String> lines = new java.util.ArrayList<>();
        int struck = 0;
        for (org.adaldyq.risk.review.Review.Decision d : org.adaldyq.risk.review.Review.NONE.worksheet(engine.scanDocument(before))) {
            if (d.provision().equals("Article 1, point 2")) {
                struck = d.found().size();
                d = new org.adaldyq.risk.review.Review.Decision(d.act(), d.start(), d.end(), d.provision(), d.language(), d.text(),
                        d.found(), java.util.Set.of(), d.found(), java.util.Set.of());
            }
            lines.add(org.adaldyq.risk.review.Review.line(d));
        }
        assertThat(struck).isPositive();
        Path review = java.nio.file.Files.write(dir.resolve("draft-v1.review.jsonl"), lines);

        com.fasterxml.jackson.databind.JsonNode report = reviewedJson(after, review);
        assertThat(report.get("source").asText()).isEqualTo("draft-v2.txt");
        assertThat(engine.scanDocument(after).report().findings()).anyMatch(f -> ((org.adaldyq.risk.finding.ProvisionLocation) f.location()).provision().equals("Article 1, point 2"));
        assertThat(report.get("findings")).noneMatch(f -> f.get("provision").asText().equals("Article 1, point 2"));

        browser.get("http://127.0.0.1:" + server.port() + "/");
        browser.findElement(By.id("files")).sendKeys(before + "\n" + after);
        browser.findElement(By.id("review")).sendKeys(review.toString());
        new Select(browser.findElement(By.id("format"))).selectByValue("html");
        browser.findElement(By.id("diff")).click();
        browser.findElement(By.id("scan")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !d.findElements(By.cssSelector(".result[data-state=done] iframe")).isEmpty());
        browser.switchTo().frame(browser.findElement(By.cssSelector(".result iframe")));
        assertThat(browser.findElement(By.cssSelector("p.review")).getText())
                .isEqualTo("Экспертиза прежней редакции: применено решений — 1, перенесено в эту редакцию — 1");
        browser.switchTo().defaultContent();
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }

    /**
     * The review made in Word chosen with the files: the draft with the scanner's comments, one of them deleted,
     * strikes that finding out of the text it was written for.
     */
    @Test
    void aReviewMadeInWordGoesWithTheText(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path draft = version(dir, 1);
        org.adaldyq.risk.RiskEngine engine = org.adaldyq.risk.RiskEngine.builder().build();
        org.adaldyq.risk.report.ScannedDocument scanned = engine.scanDocument(draft);
        int findings = scanned.report().findings().size();
        assertThat(findings).isGreaterThan(1);
        java.io.ByteArrayOutputStream commented = new java.io.ByteArrayOutputStream();
        org.adaldyq.risk.report.writer.DocxReview.review(scanned, () -> java.nio.file.Files.newInputStream(draft), commented);
        // the expert deletes the first comment (Word takes its range and reference with it)
        Path review = java.nio.file.Files.write(dir.resolve("draft-v1.review.docx"),
                org.adaldyq.risk.cli.WordEdits.withoutFirstComment(commented.toByteArray()));

        com.fasterxml.jackson.databind.JsonNode report = reviewedJson(draft, review);
        assertThat(report.get("source").asText()).isEqualTo("draft-v1.txt");
        assertThat(report.get("findings")).hasSize(findings - 1);
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }

    /**
     * Under an annotated page, "Draft conclusion with this review" sends the decisions made on the page: a
     * finding struck out there is not in the conclusion downloaded.
     */
    @Test
    void theConclusionOfAnAnnotatedPageFollowsTheReviewMadeOnIt() throws Exception {
        upload("html", Path.of("../data/samples/ru/kz-laws_rus_104440.md").toAbsolutePath().normalize().toString());
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !d.findElements(By.cssSelector(".result[data-state=done] iframe")).isEmpty());
        WebElement result = browser.findElement(By.cssSelector(".result"));
        browser.switchTo().frame(result.findElement(By.tagName("iframe")));
        int findings = browser.findElements(By.cssSelector("aside.note")).size();
        WebElement note = browser.findElement(By.cssSelector("aside.note"));
        String code = note.getAttribute("data-factor");
        long before = browser.findElements(By.cssSelector("aside.note[data-factor='" + code + "']")).size();
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", note);
        note.findElement(By.cssSelector("button[data-decision=struck]")).click();
        browser.switchTo().defaultContent();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> "changed".equals(result.getAttribute("data-review")));
        // the page's CSP lets it fetch only from the server, not read its own blob back: keep the answer as it comes
        browser.executeScript("var fetched = window.fetch; window.fetch = function (url, options) {"
                + "  return fetched(url, options).then(function (response) {"
                + "    if (String(url).indexOf('/api/review') === 0) { response.clone().arrayBuffer().then(function (b) {"
                + "      var s = ''; new Uint8Array(b).forEach(function (c) { s += String.fromCharCode(c); }); window.reviewed = btoa(s); }); }"
                + "    return response; }); };");
        result.findElement(By.cssSelector(".review-actions button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !d.findElements(By.cssSelector("a.reviewed-conclusion")).isEmpty());
        WebElement link = browser.findElement(By.cssSelector("a.reviewed-conclusion"));
        assertThat(link.getAttribute("download")).isEqualTo("kz-laws_rus_104440.conclusion.docx");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> browser.executeScript("return window.reviewed") != null);
        String base64 = (String) browser.executeScript("return window.reviewed");
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(java.util.Base64.getDecoder().decode(base64)))) {
            assertThat(org.adaldyq.risk.cli.ScanConclusionCommandTest.counted(doc)).isEqualTo(findings - 1);
            String factors = doc.getTables().get(0).getText();
            if (before == 1) {
                assertThat(factors).doesNotContain(code);
            }
        }
        Browser.screenshot(browser, Path.of("target/screenshots/serve-review.png"));
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }

    /** "draft conclusion (DOCX)" offers the conclusion for download under the upload's name, for one text or both official versions. */
    @Test
    void aDraftConclusionComesAsADownload() throws Exception {
        String kk = Path.of("../data/samples/kk/kz-laws_kaz_104440.md").toAbsolutePath().normalize().toString();
        String ru = Path.of("../data/samples/ru/kz-laws_rus_104440.md").toAbsolutePath().normalize().toString();
        upload("conclusion", kk);
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !d.findElements(By.cssSelector(".result[data-state=done] a")).isEmpty());
        WebElement link = browser.findElement(By.cssSelector(".result a"));
        assertThat(link.getAttribute("download")).isEqualTo("kz-laws_kaz_104440.conclusion.docx");
        assertThat(link.getText()).isEqualTo("Download kz-laws_kaz_104440.conclusion.docx");

        browser.get("http://127.0.0.1:" + server.port() + "/");
        browser.findElement(By.id("files")).sendKeys(kk + "\n" + ru);
        new Select(browser.findElement(By.id("format"))).selectByValue("conclusion");
        browser.findElement(By.id("pair")).click();
        browser.findElement(By.id("scan")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !d.findElements(By.cssSelector(".result[data-state=done] a")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".result a")).getAttribute("download")).isEqualTo("kz-laws_kaz_104440.conclusion.docx");
        assertThat(browser.findElement(By.cssSelector(".result h2")).getText())
                .isEqualTo("kz-laws_kaz_104440.md + kz-laws_rus_104440.md");
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }

    /** "Findings: confidence 0.6 or more" sends min-confidence: the JSON shown holds no finding below it, and fewer. */
    @Test
    void aChosenMinimumConfidenceKeepsOnlyTheFindingsAtOrAboveIt() throws Exception {
        String ru = Path.of("../data/samples/ru/kz-laws_rus_104440.md").toAbsolutePath().normalize().toString();
        int[] counts = new int[2];
        for (int i = 0; i < 2; i++) {
            browser.get("http://127.0.0.1:" + server.port() + "/");
            browser.findElement(By.id("files")).sendKeys(ru);
            new Select(browser.findElement(By.id("format"))).selectByValue("json");
            new Select(browser.findElement(By.id("min-confidence"))).selectByValue(i == 0 ? "" : "0.6");
            browser.findElement(By.id("scan")).click();
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !d.findElements(By.cssSelector(".result[data-state=done] pre")).isEmpty());
            com.fasterxml.jackson.databind.JsonNode report = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(browser.findElement(By.cssSelector(".result pre")).getText());
            counts[i] = report.get("findings").size();
            if (i == 1) {
                report.get("findings").forEach(f -> assertThat(f.get("confidence").asDouble()).isGreaterThanOrEqualTo(0.6));
            }
        }
        assertThat(counts[1]).isLessThan(counts[0]).isPositive();
    }

    @Test
    void anUnreadableUploadShowsItsReason() {
        browser.get("http://127.0.0.1:" + server.port() + "/");
        Path empty = Path.of("target/browser/empty.txt").toAbsolutePath();
        try {
            java.nio.file.Files.createDirectories(empty.getParent());
            java.nio.file.Files.write(empty, new byte[0]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        browser.findElement(By.id("files")).sendKeys(empty.toString());
        browser.findElement(By.id("scan")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector(".result[data-state=error]")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".result .error")).getText()).contains("EMPTY");
    }
}
