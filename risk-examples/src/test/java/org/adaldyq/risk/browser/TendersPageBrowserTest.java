package org.adaldyq.risk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
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

/**
 * {@code serve}'s tenders page in headless Chromium: a real publisher's OCDS file comes back as the dashboard (in the
 * report language chosen) or as the tenders report with its summary line; a file that is not OCDS says so; the page
 * is reached from the upload page.
 */
class TendersPageBrowserTest {
    private static final Path UKRAINE = Path.of("src/test/resources/ocds-samples/compiled/ukraine.jsonl").toAbsolutePath();
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

    private static WebElement check(Path file, String format, String lang) {
        browser.findElement(By.id("ocds")).sendKeys(file.toString());
        new Select(browser.findElement(By.id("format"))).selectByValue(format);
        new Select(browser.findElement(By.id("report-lang"))).selectByValue(lang);
        int before = browser.findElements(By.cssSelector(".result")).size();
        browser.findElement(By.id("check")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d ->
                d.findElements(By.cssSelector(".result[data-state]")).size() > before);
        return browser.findElements(By.cssSelector(".result")).get(0);
    }

    /** OCDS chosen on the drafts page is not scanned as a draft: the page says where it is checked. */
    @Test
    void ocdsOnTheDraftsPageIsSentToItsOwnPage() throws Exception {
        Browser.consoleErrors(browser);
        browser.get("http://127.0.0.1:" + server.port() + "/");
        browser.findElement(By.id("files")).sendKeys(UKRAINE.toString());
        browser.findElement(By.id("scan")).click();
        WebElement result = new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.cssSelector(".result[data-state]")));
        assertThat(result.getAttribute("data-state")).isEqualTo("error");
        assertThat(result.findElement(By.cssSelector("p.error")).getText()).startsWith("JSON is not a draft law");
        result.findElement(By.cssSelector("a.to-tenders")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/tenders"));
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }

    @Test
    void anOcdsFileComesBackAsTheDashboardOrTheReport() throws Exception {
        Browser.consoleErrors(browser);
        browser.get("http://127.0.0.1:" + server.port() + "/");
        browser.findElement(By.linkText("Check tenders (OCDS)")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("/tenders"));
        assertThat(new Select(browser.findElement(By.id("report-lang"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("en");

        WebElement dashboard = check(UKRAINE, "html", "ru");
        assertThat(dashboard.getAttribute("data-state")).isEqualTo("done");
        browser.switchTo().frame(dashboard.findElement(By.tagName("iframe")));
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector("#processes tbody tr")).isEmpty());
            assertThat((String) browser.executeScript("return document.title")).startsWith("Красные флаги закупок");
        } finally {
            browser.switchTo().defaultContent();
        }
        Browser.screenshot(browser, Path.of("target/screenshots/serve-tenders.png"));

        WebElement report = check(UKRAINE, "jsonl", "en");
        assertThat(report.getAttribute("data-state")).isEqualTo("done");
        assertThat(report.findElement(By.cssSelector("a.download")).getText()).isEqualTo("Download ukraine.tenders.jsonl");
        JsonNode summary = new ObjectMapper().readTree(report.findElement(By.cssSelector("pre.summary")).getText());
        assertThat(summary.get("type").asText()).isEqualTo("summary");
        long lines = Files.readAllLines(UKRAINE).stream().filter(l -> !l.isBlank()).count();
        assertThat(summary.get("processes").asLong()).isPositive().isLessThanOrEqualTo(lines);

        Path notOcds = Files.writeString(Files.createDirectories(Path.of("target/browser")).resolve("notes.jsonl"), "this is not JSON\n");
        WebElement refused = check(notOcds.toAbsolutePath(), "jsonl", "en");
        assertThat(refused.getAttribute("data-state")).as(refused.getText()).isEqualTo("done");
        assertThat(refused.findElement(By.cssSelector("p.error")).getText()).isEqualTo("No contracting process was read: INVALID_JSON 1");
        JsonNode nothing = new ObjectMapper().readTree(refused.findElement(By.cssSelector("pre.summary")).getText());
        assertThat(nothing.get("processes").asLong()).isZero();
        assertThat(report.findElements(By.cssSelector("p.error"))).isEmpty();
        assertThat(Browser.consoleErrors(browser)).allMatch(e -> e.contains("/api/tenders"));
    }
}
