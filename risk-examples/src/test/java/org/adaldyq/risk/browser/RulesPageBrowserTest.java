package org.adaldyq.risk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.adaldyq.risk.serve.RiskServer;
import org.adaldyq.risk.serve.RiskServerRulesTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A rule author at {@code serve --rules DIR}'s rules page in headless Chromium: the folder and the rules in force, a
 * text tried names the author rule that found it; a broken save shows its problem as file:line while the old rule
 * keeps serving, and the fix shows as reloaded and serves.
 */
class RulesPageBrowserTest {
    private static final String SECRET = "1. Решение комиссии не подлежит опубликованию.";
    private static ChromeDriver browser;
    private static RiskServer server;
    private static Path drl;

    @BeforeAll
    static void start(@TempDir Path chromium) throws Exception {
        Path regulation = Files.createDirectories(Path.of("target/browser/rules-author/regulation")).toAbsolutePath();
        drl = regulation.resolve("CLOSED.drl");
        Files.writeString(drl, RiskServerRulesTest.rule("NON_COMPETITIVE.ministry-closed"));
        browser = Browser.start(chromium);
        server = RiskServer.start(new RiskServer.Options("127.0.0.1", 0, 1 << 20, 2, 16),
                new RiskServer.Rules(List.of(regulation), List.of(), (pack, reload) -> { }));
    }

    @AfterAll
    static void stop() {
        Browser.stop(browser, server);
    }

    private static String pack(String state) {
        WebElement regulation = browser.findElement(By.id("regulation"));
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> state.equals(regulation.getAttribute("data-state")));
        return regulation.getText();
    }

    /** The rule ids of the findings the page's try box gives for {@code text}. */
    private static List<String> tried(String text) {
        WebElement box = browser.findElement(By.id("try-text"));
        box.clear();
        box.sendKeys(text);
        browser.executeScript("document.getElementById('try-result').removeAttribute('data-state')");
        browser.findElement(By.id("try-go")).click();
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.findElement(By.id("try-result")).getAttribute("data-state") != null);
        return browser.findElements(By.cssSelector("#try-result tr[data-rule]")).stream().map(r -> r.getAttribute("data-rule")).toList();
    }

    @Test
    void anAuthorSeesTheRulesReloadAndTriesThem() throws Exception {
        Browser.consoleErrors(browser);
        browser.get("http://127.0.0.1:" + server.port() + "/");
        browser.findElement(By.linkText("Rules")).click();
        assertThat(pack("none")).contains(drl.getParent().toString()).contains("In force:").contains("1 added")
                .contains("Not reloaded since the start.");
        assertThat(browser.findElement(By.id("procurement")).getText()).contains("No author folder");
        assertThat(browser.findElements(By.cssSelector("#factors tr"))).hasSizeGreaterThanOrEqualTo(14);
        assertThat(tried(SECRET)).contains("NON_COMPETITIVE.ministry-closed");
        assertThat(browser.findElement(By.cssSelector("#try-result tr[data-rule='NON_COMPETITIVE.ministry-closed']")).getText())
                .contains("опубликованию");

        Files.writeString(drl, RiskServerRulesTest.rule("NON_COMPETITIVE.ministry-closed-v2").replace("concept ==", "concpt =="));
        String failed = pack("failed");
        assertThat(browser.findElement(By.cssSelector("#regulation ul.errors li")).getText()).startsWith(drl + ":9:").contains("concpt");
        assertThat(failed).contains("the previous rules keep serving");
        assertThat(tried(SECRET)).contains("NON_COMPETITIVE.ministry-closed");
        Browser.screenshot(browser, Path.of("target/screenshots/serve-rules.png"));

        Files.writeString(drl, RiskServerRulesTest.rule("NON_COMPETITIVE.ministry-closed-v2"));
        assertThat(pack("applied")).contains("Reloaded at");
        assertThat(tried(SECRET)).contains("NON_COMPETITIVE.ministry-closed-v2").doesNotContain("NON_COMPETITIVE.ministry-closed");
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }
}
