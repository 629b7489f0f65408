package org.adaldyq.risk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.adaldyq.risk.cli.RiskCli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The page of {@code scan --pair --format html} on the bundled Kazakh/Russian twin, opened in headless
 * Chromium: a note per version that has a finding, the two versions side by side, the findings both carry
 * above those of one version, no console error.
 */
class PairPageBrowserTest {
    private static final String KK = "../data/samples/kk/kz-laws_kaz_104440.md";
    private static final String RU = "../data/samples/ru/kz-laws_rus_104440.md";
    private static ChromeDriver browser;
    private static JsonNode counts;

    @BeforeAll
    static void page(@TempDir Path chromium) throws Exception {
        browser = Browser.start(chromium);
        Path page = Files.createDirectories(Path.of("target/browser")).resolve("pair.html");
        RiskCli.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                "scan", "--pair", "--format", "html", "--output", page.toString(), KK, RU);
        StringWriter json = new StringWriter();
        RiskCli.run(new PrintWriter(json), new PrintWriter(new StringWriter()), "scan", "--pair", "--format", "json", KK, RU);
        counts = new ObjectMapper().readTree(json.toString()).get("counts");
        browser.get(page.toAbsolutePath().toUri().toString());
    }

    @AfterAll
    static void quit() {
        Browser.stop(browser, null);
    }

    @Test
    void eachFindingStandsBesideItsTwinBothVersionsFirst() throws Exception {
        int both = counts.get("both").asInt();
        int oneSided = counts.get("kk").asInt() + counts.get("ru").asInt();
        List<WebElement> rows = browser.findElements(By.cssSelector(".group .twin:not(:first-of-type)"));
        List<WebElement> notes = browser.findElements(By.cssSelector("aside.note"));
        assertThat(notes).hasSize(2 * both + oneSided).allMatch(WebElement::isDisplayed);
        assertThat(browser.findElements(By.cssSelector(".missing"))).hasSize(oneSided);
        assertThat(rows).hasSize(both + oneSided);
        for (WebElement row : rows) {
            List<WebElement> sides = row.findElements(By.xpath("./div"));
            assertThat(sides).hasSize(2);
            // side by side: the same top, the Kazakh version on the left
            assertThat(sides.get(0).getRect().getY()).isEqualTo(sides.get(1).getRect().getY());
            assertThat(sides.get(0).getRect().getX() + sides.get(0).getRect().getWidth()).isLessThanOrEqualTo(sides.get(1).getRect().getX());
            assertThat(sides.get(0).getAttribute("lang")).isEqualTo("kk");
            assertThat(sides.get(1).getAttribute("lang")).isEqualTo("ru");
        }
        List<WebElement> groups = browser.findElements(By.cssSelector(".group > h3"));
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).getText()).startsWith("Екі нұсқада да анықталды (" + both + ")");
        assertThat(groups.get(0).getRect().getY()).isLessThan(groups.get(1).getRect().getY());
        assertThat(Browser.consoleErrors(browser)).isEmpty();
        Browser.screenshot(browser, Path.of("target/screenshots/pair.png"));
    }

    /**
     * The expert's review on the page: striking out a finding both versions carry strikes it out in both; with the
     * box unticked a confirmation goes to one version; the review saved is read by {@code scan --pair --review},
     * which then leaves the struck finding out of both versions and keeps the confirmed one in its version.
     */
    @Test
    void aReviewMadeOnThePageDecidesWhatScanPairReports(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        browser.navigate().refresh();
        int findings = browser.findElements(By.cssSelector("aside.note[data-start]")).size();
        assertThat(browser.findElement(By.cssSelector(".review-counts")).getText())
                .isEqualTo("0 расталды · 0 алынып тасталды · " + findings + " тексерілмеген · 0 сарапшы қосты");
        List<WebElement> rows = browser.findElements(By.cssSelector(".group .twin:not(:first-of-type)"));
        WebElement shared = rows.stream().filter(r -> r.findElements(By.cssSelector("aside.note")).size() == 2).findFirst().orElseThrow();
        WebElement kkNote = shared.findElements(By.cssSelector("aside.note")).get(0);
        String code = kkNote.getAttribute("data-factor");
        String kkStart = kkNote.getAttribute("data-start");
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", kkNote);
        kkNote.findElement(By.cssSelector("button[data-decision=struck]")).click();
        assertThat(shared.findElements(By.cssSelector("aside.note"))).allSatisfy(n -> assertThat(n.getAttribute("data-review")).isEqualTo("struck"));

        WebElement other = rows.stream().filter(r -> r != shared && r.findElements(By.cssSelector("aside.note")).size() == 2).findFirst().orElseThrow();
        browser.findElement(By.cssSelector(".review-bar input.both")).click();
        WebElement ruNote = other.findElements(By.cssSelector("aside.note")).get(1);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", ruNote);
        ruNote.findElement(By.cssSelector("button[data-decision=confirmed]")).click();
        assertThat(ruNote.getAttribute("data-review")).isEqualTo("confirmed");
        assertThat(other.findElements(By.cssSelector("aside.note")).get(0).getAttribute("data-review")).isEmpty();
        assertThat(browser.findElement(By.cssSelector(".review-counts")).getText())
                .isEqualTo("1 расталды · 2 алынып тасталды · " + (findings - 3) + " тексерілмеген · 0 сарапшы қосты");
        assertThat(Browser.consoleErrors(browser)).isEmpty();
        Browser.screenshot(browser, Path.of("target/screenshots/pair-review.png"));

        Path saved = dir.resolve("pair.review.jsonl");
        Files.writeString(saved, (String) browser.executeScript("return window.adaldyqPairReview()"));
        org.adaldyq.risk.review.Review review = org.adaldyq.risk.review.Review.read(Files.newBufferedReader(saved), saved.toString(),
                org.adaldyq.risk.RiskEngine.builder().build().catalogue());
        assertThat(review.acts()).containsExactlyInAnyOrder("kz-laws_kaz_104440.md", "kz-laws_rus_104440.md");
        StringWriter json = new StringWriter();
        assertThat(RiskCli.run(new PrintWriter(json), new PrintWriter(new StringWriter()), "scan", "--pair", "--format", "json", "--review",
                saved.toString(), KK, RU)).isZero();
        JsonNode reviewed = new ObjectMapper().readTree(json.toString());
        assertThat(reviewed.get("findings").size()).isEqualTo(counts.get("both").asInt() + counts.get("kk").asInt() + counts.get("ru").asInt() - 1);
        assertThat(reviewed.get("findings")).noneMatch(f -> f.get("factor").asText().equals(code)
                && f.get("kk") != null && String.valueOf(f.get("kk").get("provisionStart")).equals(kkStart));
        assertThat(reviewed.get("findings")).filteredOn(f -> f.toString().contains("\"confirmed\"")).hasSize(1);
    }
    /**
     * Adding what the scanner missed on the page: the box of a version that lacks a finding of the other adds it
     * there, and a factor added to a provision of one version goes to the provision with the same number in the
     * other; one removed from the list is gone; {@code scan --pair --review} of the saved file reports the one-sided
     * finding in both versions and the added factor in the version that kept it.
     */
    @Test
    void factorsAddedOnThePageAreFindingsOfScanPair(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        browser.navigate().refresh();
        int findings = browser.findElements(By.cssSelector("aside.note[data-start]")).size();
        List<WebElement> boxes = browser.findElements(By.cssSelector(".missing[data-start]"));
        assertThat(boxes).hasSize(counts.get("kk").asInt() + counts.get("ru").asInt());
        WebElement box = boxes.get(0);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
        box.findElement(By.cssSelector("button.add-here")).click();
        assertThat(box.getAttribute("data-review")).isEqualTo("added");
        assertThat(browser.findElement(By.cssSelector(".review-counts")).getText())
                .isEqualTo("0 расталды · 0 алынып тасталды · " + findings + " тексерілмеген · 1 сарапшы қосты");

        // a provision with no finding in either version, added in both at once
        ObjectMapper json = new ObjectMapper();
        JsonNode kkLines = json.readTree(browser.findElement(By.cssSelector("script.review-data[data-act='kz-laws_kaz_104440.md']"))
                .getAttribute("textContent"));
        JsonNode ruLines = json.readTree(browser.findElement(By.cssSelector("script.review-data[data-act='kz-laws_rus_104440.md']"))
                .getAttribute("textContent"));
        JsonNode plain = null;
        for (JsonNode kk : kkLines) {
            long twins = 0;
            for (JsonNode ru : ruLines) {
                twins += ru.get("provision").equals(kk.get("provision")) && ru.get("found").isEmpty() ? 1 : 0;
            }
            if (kk.get("found").isEmpty() && kk.get("text").asText().length() > 60 && twins == 1 && plain == null) {
                plain = kk;
            }
        }
        assertThat(plain).isNotNull();
        String plainProvision = plain.get("provision").asText();
        WebElement bar = browser.findElement(By.cssSelector(".review-bar"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", bar);
        new org.openqa.selenium.support.ui.Select(bar.findElement(By.cssSelector("select.provision"))).selectByValue(plain.get("id").asText());
        new org.openqa.selenium.support.ui.Select(bar.findElement(By.cssSelector("select.factor"))).selectByValue("MISSING_PROCEDURE");
        bar.findElement(By.cssSelector("button.add")).click();
        List<WebElement> added = bar.findElements(By.cssSelector("ul.added li"));
        assertThat(added).hasSize(3);
        assertThat(added).filteredOn(li -> li.getText().contains("MISSING_PROCEDURE")).hasSize(2)
                .anySatisfy(li -> assertThat(li.getText()).startsWith("kk · "))
                .anySatisfy(li -> assertThat(li.getText()).startsWith("ru · "));
        added.stream().filter(li -> li.getText().startsWith("ru · ") && li.getText().contains("MISSING_PROCEDURE")).findFirst().orElseThrow()
                .findElement(By.cssSelector("button")).click();
        assertThat(bar.findElements(By.cssSelector("ul.added li"))).hasSize(2);
        assertThat(browser.findElement(By.cssSelector(".review-counts")).getText()).endsWith("· 2 сарапшы қосты");
        assertThat(Browser.consoleErrors(browser)).isEmpty();
        Browser.screenshot(browser, Path.of("target/screenshots/pair-added.png"));

        Path saved = dir.resolve("pair.review.jsonl");
        Files.writeString(saved, (String) browser.executeScript("return window.adaldyqPairReview()"));
        StringWriter out = new StringWriter();
        assertThat(RiskCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "scan", "--pair", "--format", "json", "--review",
                saved.toString(), KK, RU)).isZero();
        JsonNode reviewed = json.readTree(out.toString());
        assertThat(reviewed.get("counts").get("both").asInt()).isEqualTo(counts.get("both").asInt() + 1);
        assertThat(reviewed.get("counts").get("kk").asInt() + reviewed.get("counts").get("ru").asInt())
                .isEqualTo(counts.get("kk").asInt() + counts.get("ru").asInt());
        assertThat(reviewed.get("findings")).filteredOn(f -> f.get("factor").asText().equals("MISSING_PROCEDURE")
                && f.get("provision").asText().equals(plainProvision)).singleElement()
                .satisfies(f -> assertThat(f.get("in").toString()).isEqualTo("[\"kk\"]"));
    }
}
