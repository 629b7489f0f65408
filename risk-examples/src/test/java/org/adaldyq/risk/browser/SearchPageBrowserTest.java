package org.adaldyq.risk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * {@code serve --index DIR}'s search page in headless Chromium, on the bundled samples indexed: a query gives hits
 * with their matched words marked and the facet counts; a factor chosen in the facets narrows the hits to it; a hit's
 * similar provisions show its other official version first; a query that does not parse says why; no console error.
 */
class SearchPageBrowserTest {
    private static ChromeDriver browser;
    private static RiskServer server;

    @BeforeAll
    static void start(@TempDir Path chromium) throws Exception {
        Path folder = Files.createDirectories(Path.of("target/browser")).resolve("search-index");
        CliRun indexed = CliRun.of("index", "--dir", folder.toString(), "../data/samples");
        assertThat(indexed.exit()).as(indexed.err()).isZero();
        browser = Browser.start(chromium);
        server = RiskServer.start(new RiskServer.Options("127.0.0.1", 0, 1 << 20, 2, 16, folder));
    }

    @AfterAll
    static void stop() {
        Browser.stop(browser, server);
    }

    private static void search(String query, String lang) {
        WebElement q = browser.findElement(By.id("q"));
        q.clear();
        q.sendKeys(query);
        new Select(browser.findElement(By.id("lang"))).selectByValue(lang);
        browser.executeScript("document.body.removeAttribute('data-state')");
        browser.findElement(By.id("go")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.tagName("body")).getAttribute("data-state") != null);
    }

    /**
     * The body of law under the search form: every act indexed, the riskiest first; a column's heading sorts by it;
     * "Search in it" lists the act's provisions by risk; a search folds the list away.
     */
    @Test
    void theActsAreListedTheRiskiestFirstAndSearchedOneByOne() throws Exception {
        Browser.consoleErrors(browser);
        browser.get("http://127.0.0.1:" + server.port() + "/search");
        WebElement acts = browser.findElement(By.id("acts"));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> acts.getAttribute("data-state") != null);
        assertThat(browser.findElement(By.id("acts-summary")).getText()).isEqualTo("The body of law: 3 acts, 0 with an expert's review");
        List<WebElement> rows = acts.findElements(By.cssSelector("tbody tr"));
        assertThat(rows).extracting(r -> r.getAttribute("data-act"))
                .containsExactlyInAnyOrder("kz-laws_kaz_104440", "kz-laws_rus_104440", "BILLS-116s1014es");
        assertThat(column(acts, 4)).isSortedAccordingTo(java.util.Comparator.<Double>reverseOrder());
        Browser.screenshot(browser, Path.of("target/screenshots/serve-acts.png"));

        acts.findElement(By.cssSelector("th button[data-key=findings]")).click();
        assertThat(column(acts, 3)).isSortedAccordingTo(java.util.Comparator.<Double>reverseOrder());
        acts.findElement(By.cssSelector("th button[data-key=findings]")).click();
        assertThat(column(acts, 3)).isSorted();
        assertThat(acts.findElement(By.cssSelector("th button[data-key=findings]")).getAttribute("aria-sort")).isEqualTo("ascending");
        acts.findElement(By.cssSelector("th button[data-key=title]")).click();
        assertThat(acts.findElements(By.cssSelector("tbody tr a.title"))).extracting(WebElement::getText)
                .isSortedAccordingTo(String::compareTo);
        assertThat(acts.findElement(By.cssSelector("tr[data-act=kz-laws_rus_104440] a.title")).getAttribute("href"))
                .endsWith("/api/act?id=kz-laws_rus_104440");

        browser.executeScript("document.body.removeAttribute('data-state')");
        acts.findElement(By.cssSelector("tr[data-act=kz-laws_rus_104440] button.within")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.tagName("body")).getAttribute("data-state") != null);
        assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo("*:*");
        assertThat(browser.findElements(By.cssSelector("#hits > li"))).isNotEmpty()
                .allSatisfy(li -> assertThat(li.getAttribute("data-act")).isEqualTo("kz-laws_rus_104440"));
        assertThat(browser.findElements(By.cssSelector("#hits > li .score"))).extracting(e -> Double.parseDouble(e.getText()))
                .isSortedAccordingTo(java.util.Comparator.<Double>reverseOrder());
        assertThat(acts.getAttribute("open")).isNull();
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }

    /**
     * The web app in the languages of Kazakhstan: {@code ?lang=ru} gives the search page in Russian (plural forms
     * included) and is remembered on the scan page; the switch in the header gives Kazakh; English again at the end.
     */
    @Test
    void theAppSpeaksKazakhAndRussian() throws Exception {
        Browser.consoleErrors(browser);
        try {
            browser.get("http://127.0.0.1:" + server.port() + "/search?lang=ru");
            WebElement acts = browser.findElement(By.id("acts"));
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> acts.getAttribute("data-state") != null);
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ru");
            assertThat(browser.getTitle()).isEqualTo("Adaldyq Risk — поиск по законодательству");
            assertThat(browser.findElement(By.id("go")).getText()).isEqualTo("Найти");
            assertThat(browser.findElement(By.id("acts-summary")).getText()).isEqualTo("Законодательство: 3 акта, с проверкой эксперта — 0");
            assertThat(browser.findElement(By.id("q")).getAttribute("placeholder")).startsWith("слова, ");
            assertThat(new Select(browser.findElement(By.id("min-score"))).getOptions()).extracting(WebElement::getText)
                    .containsExactly("любая", "от 0.5", "от 0.8");
            search("инвестор", "ru");
            assertThat(browser.findElement(By.id("summary")).getText()).matches("Найдено \\d+ положени(е|я|й).*");
            browser.findElements(By.cssSelector("#hits > li button.similar-button")).get(0).click();
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector(".similar .twin")).isEmpty());
            assertThat(browser.findElement(By.cssSelector(".similar .twin")).getText()).isEqualTo("Другая официальная версия: kz-laws_kaz_104440");
            // factors by their titles in the page's language, the code on hover
            WebElement optional = browser.findElement(By.cssSelector("#facets section[data-dim=factor] button[data-value=OPTIONAL_POWER]"));
            assertThat(optional.getText()).matches("Определение компетенции по формуле «вправе» \\d+");
            assertThat(optional.getAttribute("title")).isEqualTo("OPTIONAL_POWER");
            assertThat(browser.findElements(By.cssSelector("#hits .factor[data-factor=OPTIONAL_POWER]"))).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.getText()).isEqualTo("Определение компетенции по формуле «вправе»"));
            Browser.screenshot(browser, Path.of("target/screenshots/serve-search-ru.png"));

            browser.get("http://127.0.0.1:" + server.port() + "/");
            assertThat(browser.findElement(By.id("scan")).getText()).isEqualTo("Проверить");
            assertThat(browser.findElement(By.linkText("Поиск по законодательству")).getAttribute("href")).endsWith("/search");
            new Select(browser.findElement(By.id("ui-lang"))).selectByValue("kk");
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> "kk".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
            assertThat(browser.findElement(By.id("scan")).getText()).isEqualTo("Тексеру");
            assertThat(new Select(browser.findElement(By.id("format"))).getOptions()).extracting(WebElement::getText)
                    .containsExactly("түсіндірмелері бар бет", "ескертпелері бар DOCX", "қорытынды жобасы (DOCX)", "JSON");
            Browser.screenshot(browser, Path.of("target/screenshots/serve-upload-kk.png"));
            assertThat(Browser.consoleErrors(browser)).isEmpty();
        } finally {
            browser.get("http://127.0.0.1:" + server.port() + "/search?lang=en"); // the other tests read English
        }
    }

    /** A body of law of more than a hundred acts: the hundred riskiest shown, the rest on request. */
    @Test
    void aLargeBodyOfLawShowsAHundredActsFirst() throws Exception {
        Path acts = Files.createDirectories(Path.of("target/browser/many-acts"));
        for (int i = 1; i <= 103; i++) {
            Files.writeString(acts.resolve(String.format("act-%03d.txt", i)), i % 2 == 0
                    ? "Статья 1. Уполномоченный орган вправе отказать по иным основаниям (акт " + i + ").\n"
                    : "Статья 1. Настоящий акт " + i + " вступает в силу со дня опубликования.\n");
        }
        Path folder = Path.of("target/browser/many-acts-index");
        CliRun indexed = CliRun.of("index", "--dir", folder.toString(), acts.toString());
        assertThat(indexed.exit()).as(indexed.err()).isZero();
        try (RiskServer many = RiskServer.start(new RiskServer.Options("127.0.0.1", 0, 1 << 20, 2, 16, folder))) {
            browser.get("http://127.0.0.1:" + many.port() + "/search");
            WebElement box = browser.findElement(By.id("acts"));
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> box.getAttribute("data-state") != null);
            assertThat(box.findElements(By.cssSelector("tbody tr[data-act]"))).hasSize(100);
            assertThat(column(box, 4).subList(0, 51)).allMatch(score -> score > 0); // the 51 risky ones first
            assertThat(column(box, 4).subList(51, 100)).allMatch(score -> score == 0);
            WebElement more = box.findElement(By.cssSelector("tr.more-acts button"));
            assertThat(more.getText()).isEqualTo("Show all 103 acts");
            more.click();
            assertThat(box.findElements(By.cssSelector("tbody tr[data-act]"))).hasSize(103);
            assertThat(box.findElements(By.cssSelector("tr.more-acts"))).isEmpty();
        }
    }

    /** The numbers of one column of the acts' table, top to bottom. */
    private static List<Double> column(WebElement acts, int index) {
        return acts.findElements(By.cssSelector("tbody tr[data-act]")).stream()
                .map(r -> Double.parseDouble(r.findElements(By.tagName("td")).get(index).getText())).toList();
    }

    @Test
    void aQueryGivesMarkedHitsAndAFactorNarrowsThem() throws Exception {
        Browser.consoleErrors(browser);
        browser.get("http://127.0.0.1:" + server.port() + "/");
        browser.findElement(By.linkText("Search the body of law")).click();
        assertThat(browser.getCurrentUrl()).endsWith("/search");
        search("инвестор", "ru");
        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-state")).isEqualTo("done");
        List<WebElement> hits = browser.findElements(By.cssSelector("#hits li"));
        assertThat(hits).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#hits li .snippet mark"))).isNotEmpty()
                .allSatisfy(m -> assertThat(m.getText().toLowerCase()).startsWith("инвестор"));
        assertThat(browser.findElement(By.id("summary")).getText()).matches("\\d+ provisions? match.*");
        String sheet = browser.findElement(By.cssSelector("#summary a.csv")).getAttribute("href");
        assertThat(sheet).contains("/api/search?").contains("q=%D0%B8%D0%BD%D0%B2%D0%B5%D1%81%D1%82%D0%BE%D1%80").contains("lang=ru")
                .contains("format=csv");
        java.net.http.HttpResponse<String> downloaded = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(sheet)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(downloaded.body().lines().filter(l -> l.contains("kz-laws_rus_104440")).count())
                .isEqualTo(Long.parseLong(browser.findElement(By.id("summary")).getText().replaceAll("\\D.*", "")));
        List<WebElement> factors = browser.findElements(By.cssSelector("#facets section[data-dim=factor] button"));
        assertThat(factors).isNotEmpty();
        String code = factors.get(0).getAttribute("data-value");
        browser.executeScript("document.body.removeAttribute('data-state')");
        factors.get(0).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.tagName("body")).getAttribute("data-state") != null);
        assertThat(browser.findElements(By.cssSelector("#hits li"))).isNotEmpty().allSatisfy(li ->
                assertThat(li.findElements(By.cssSelector(".factor"))).extracting(f -> f.getAttribute("data-factor")).contains(code));
        assertThat(browser.findElement(By.cssSelector("#facets section[data-dim=factor] button[aria-pressed=true]")).getAttribute("data-value"))
                .isEqualTo(code);
        assertThat(browser.findElements(By.cssSelector("#facets section[data-dim=language] li"))).extracting(WebElement::getText)
                .allMatch(t -> t.startsWith("ru "));
        // where else the body of law says the same: the other official version first
        WebElement first = browser.findElements(By.cssSelector("#hits > li")).get(0);
        first.findElement(By.cssSelector("button.similar-button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !first.findElements(By.cssSelector(".similar ul.alike li")).isEmpty());
        assertThat(first.findElement(By.cssSelector(".similar .twin")).getText()).isEqualTo("Other official version: kz-laws_kaz_104440");
        // each citation as a reader of its act's language writes it: the Russian hit «Статья …», its Kazakh twin «…-бап»
        assertThat(first.findElement(By.cssSelector(".cite")).getText()).startsWith("Статья ");
        assertThat(first.findElements(By.cssSelector(".similar ul.alike li .cite")).get(0).getText()).matches("\\[twin\\] \\d+-бап.*");
        assertThat(first.findElements(By.cssSelector(".similar ul.alike li")).get(0).getAttribute("data-match")).isEqualTo("twin");
        assertThat(first.findElement(By.cssSelector("button.similar-button")).getAttribute("aria-expanded")).isEqualTo("true");
        Browser.screenshot(browser, Path.of("target/screenshots/serve-search.png"));
        first.findElement(By.cssSelector("button.similar-button")).click();
        assertThat(first.findElements(By.cssSelector(".similar"))).isEmpty();

        // the hit's citation opens the act's annotated page at the provision
        String href = first.findElement(By.cssSelector("a.cite")).getAttribute("href");
        String anchor = href.substring(href.indexOf('#') + 1);
        browser.get(href);
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id(anchor)).isEmpty());
        Number top = (Number) browser.executeScript("return document.getElementById(arguments[0]).getBoundingClientRect().top", anchor);
        Number height = (Number) browser.executeScript("return window.innerHeight");
        assertThat(top.doubleValue()).isBetween(-5.0, height.doubleValue());
        assertThat(browser.findElements(By.cssSelector("aside.note"))).isNotEmpty();
        browser.navigate().back();

        // every provision: the first 50, then more on request; a minimum risk score keeps the risky ones
        search("*:*", "");
        assertThat(browser.findElements(By.cssSelector("#hits > li"))).hasSize(50);
        assertThat(browser.findElement(By.id("summary")).getText()).contains("(the first 50 shown)");
        browser.executeScript("document.body.removeAttribute('data-state')");
        browser.findElement(By.cssSelector("#summary button.more")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElement(By.tagName("body")).getAttribute("data-state") != null);
        assertThat(browser.findElements(By.cssSelector("#hits > li"))).hasSize(100);
        new Select(browser.findElement(By.id("min-score"))).selectByValue("0.8");
        search("*:*", "");
        assertThat(browser.findElements(By.cssSelector("#hits > li .score"))).isNotEmpty()
                .allSatisfy(score -> assertThat(Double.parseDouble(score.getText())).isGreaterThanOrEqualTo(0.8));
        new Select(browser.findElement(By.id("min-score"))).selectByValue("");

        search("AND (", "");
        assertThat(browser.findElement(By.tagName("body")).getAttribute("data-state")).isEqualTo("error");
        assertThat(browser.findElement(By.id("summary")).getText()).startsWith("bad query");
        assertThat(browser.findElements(By.cssSelector("#hits li"))).isEmpty();
        assertThat(Browser.consoleErrors(browser)).allMatch(e -> e.contains("/api/search") && e.contains("400"));
    }
}
