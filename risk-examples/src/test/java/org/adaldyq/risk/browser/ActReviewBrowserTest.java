package org.adaldyq.risk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.adaldyq.risk.cli.CliRun;
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
 * An expert works through the body of law in headless Chromium ({@code serve --index DIR}): opens an act from a search
 * hit, strikes out a finding on its page and saves the review to the index; the search then no longer counts that
 * finding, the act opens again with the decision, and the page says when it changed since it was saved, and why a
 * review was not saved.
 */
class ActReviewBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ChromeDriver browser;
    private static RiskServer server;

    @BeforeAll
    static void start(@TempDir Path chromium) throws Exception {
        Path folder = Files.createDirectories(Path.of("target/browser/act-review"));
        // a copy of its own: the review saved is kept with this file
        Path act = Files.copy(Path.of("../data/samples/ru/kz-laws_rus_104440.md"), folder.resolve("act.md"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path index = folder.resolve("index");
        if (Files.exists(index)) {
            try (var files = Files.walk(index)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        CliRun indexed = CliRun.of("index", "--dir", index.toString(), act.toString());
        assertThat(indexed.exit()).as(indexed.err()).isZero();
        browser = Browser.start(chromium);
        server = RiskServer.start(new RiskServer.Options("127.0.0.1", 0, 1 << 20, 2, 16, index));
    }

    @AfterAll
    static void stop() {
        Browser.stop(browser, server);
    }

    private static long total(String factor) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/search?q=*:*&factor=" + factor)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return JSON.readTree(r.body()).get("total").asLong();
    }

    @Test
    void aFindingStruckOnAnActsPageLeavesTheSearch() throws Exception {
        Browser.consoleErrors(browser);
        browser.get("http://127.0.0.1:" + server.port() + "/search");
        browser.findElement(By.id("q")).sendKeys("вправе");
        new Select(browser.findElement(By.id("lang"))).selectByValue("ru");
        browser.findElement(By.id("go")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> "done".equals(d.findElement(By.tagName("body")).getAttribute("data-state")));
        browser.get(browser.findElements(By.cssSelector("#hits > li a.cite")).get(0).getAttribute("href"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector("button.save-to")).isEmpty());

        WebElement note = browser.findElements(By.cssSelector("aside.note[data-start]")).get(0);
        String factor = note.getAttribute("data-factor");
        String start = note.getAttribute("data-start");
        long before = total(factor);
        assertThat(before).isPositive();
        note.findElement(By.cssSelector("button[data-decision=struck]")).click();
        browser.findElement(By.cssSelector("button.save-to")).click();
        WebElement status = browser.findElement(By.cssSelector(".saved-to"));
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> status.getAttribute("data-state") != null);
        assertThat(status.getAttribute("data-state")).as(status.getText()).isEqualTo("saved");
        assertThat(status.getText()).startsWith("Сохранено в индексе").contains("решений: 1");
        Browser.screenshot(browser, Path.of("target/screenshots/serve-act-saved.png"));
        assertThat(total(factor)).isEqualTo(before - 1);

        // a change after saving is flagged until saved again
        browser.findElements(By.cssSelector("aside.note[data-start] button[data-decision=confirmed]")).get(1).click();
        assertThat(status.getAttribute("data-state")).isEqualTo("unsaved");
        assertThat(status.getText()).isEqualTo("изменено после сохранения");

        browser.navigate().refresh();
        WebElement again = new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(
                By.cssSelector("aside.note[data-start='" + start + "'][data-factor='" + factor + "']")));
        assertThat(again.getAttribute("data-review")).isEqualTo("struck");
        assertThat(Browser.consoleErrors(browser)).isEmpty();

        // the file changed since it was indexed: not saved, and the page says why
        Files.writeString(Path.of("target/browser/act-review/act.md"), "Статья 1. Изменено.\n");
        browser.findElement(By.cssSelector("button.save-to")).click();
        WebElement failed = browser.findElement(By.cssSelector(".saved-to"));
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> failed.getAttribute("data-state") != null);
        assertThat(failed.getAttribute("data-state")).isEqualTo("failed");
        assertThat(failed.getText()).startsWith("Не сохранено: ").contains("index it again");
    }
}
