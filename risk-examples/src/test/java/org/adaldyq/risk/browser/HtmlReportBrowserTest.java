package org.adaldyq.risk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.adaldyq.risk.cli.RiskCli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The annotated HTML report of {@code scan --format html}, opened in headless Chromium: one highlight per
 * finding at least and one note per finding, filters that hide what they name, no console error, and a
 * probe document full of markup whose script never runs. Screenshots go to {@code target/screenshots/}.
 */
class HtmlReportBrowserTest {
    private static final Path OUT = Path.of("target/browser");
    private static ChromeDriver browser;
    private static Map<String, Integer> findingsBySource;

    @BeforeAll
    static void report(@TempDir Path chromium) throws Exception {
        browser = Browser.start(chromium);
        Files.createDirectories(OUT);
        Path probe = OUT.resolve("xss-probe.txt");
        Files.writeString(probe, """
                Статья 1. Проверка </p></section><script>window.__xss = 1;</script>
                1. Уполномоченный орган вправе отказать в выдаче лицензии <img src=x onerror="window.__xss = 2"> по иным основаниям.
                2. Заявитель представляет иные документы <svg onload="window.__xss = 3"></svg> "><iframe src="javascript:window.__xss=4">.
                3. <a href="javascript:window.__xss=5" onclick="window.__xss=6">Должностное лицо</a> вправе приостановить лицензию.
                4. Уполномоченный орган вправе отозвать разрешение по иным основаниям, а заявитель представляет иные документы
                по требованию органа в порядке, установленном уполномоченным органом.
                """);
        List<String> inputs = List.of("../data/samples", "../risk-core/src/test/resources/documents/fixtures/kk-article7.pdf",
                probe.toString());
        List<String> args = new ArrayList<>(List.of("scan", "--format", "html", "--output", OUT.resolve("report.html").toString()));
        args.addAll(inputs);
        RiskCli.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args.toArray(String[]::new));
        StringWriter json = new StringWriter();
        List<String> jsonArgs = new ArrayList<>(List.of("scan", "--format", "jsonl"));
        jsonArgs.addAll(inputs);
        RiskCli.run(new PrintWriter(json), new PrintWriter(new StringWriter()), jsonArgs.toArray(String[]::new));
        findingsBySource = new LinkedHashMap<>();
        for (String line : json.toString().split("\n")) {
            JsonNode r = new ObjectMapper().readTree(line);
            findingsBySource.put(r.get("source").asText(), r.get("findings").size());
        }
        browser.get(OUT.resolve("report.html").toAbsolutePath().toUri().toString());
    }

    @AfterAll
    static void quit() {
        Browser.stop(browser, null);
    }

    @Test
    void everyFindingIsHighlightedAndExplainedInItsDocument() throws Exception {
        List<WebElement> sections = browser.findElements(By.cssSelector("section.doc"));
        assertThat(sections).hasSize(findingsBySource.size());
        int total = 0;
        for (WebElement section : sections) {
            String source = section.findElement(By.tagName("h2")).getText();
            int expected = findingsBySource.get(source);
            Set<String> highlighted = new HashSet<>();
            for (WebElement mark : section.findElements(By.cssSelector("mark[data-findings]"))) {
                highlighted.addAll(List.of(mark.getAttribute("data-findings").split(" ")));
            }
            List<WebElement> notes = section.findElements(By.cssSelector("aside.note"));
            assertThat(highlighted).as(source).hasSize(expected);
            assertThat(notes).as(source).hasSize(expected);
            for (WebElement note : notes) {
                assertThat(highlighted).contains(note.getAttribute("id"));
            }
            total += expected;
        }
        assertThat(total).isGreaterThan(50);
        Browser.screenshot(browser, Path.of("target/screenshots/html-report-top.png"));
        WebElement firstMark = browser.findElement(By.cssSelector("section.doc[lang=ru] mark"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", firstMark);
        Browser.screenshot(browser, Path.of("target/screenshots/html-report-findings.png"));
    }

    @Test
    void filtersHideTheFindingsOfAFactorAndShowThemAgain() {
        WebElement section = browser.findElement(By.cssSelector("section.doc[lang=kk]"));
        WebElement box = section.findElement(By.cssSelector("input[data-filter^='f:']"));
        String factor = box.getAttribute("data-filter").substring(2);
        List<WebElement> notes = section.findElements(By.cssSelector("aside.note[data-factor='" + factor + "']"));
        List<WebElement> others = section.findElements(By.cssSelector("aside.note:not([data-factor='" + factor + "'])"));
        assertThat(notes).isNotEmpty();
        assertThat(others).isNotEmpty();
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
        box.click();
        assertThat(notes).noneMatch(WebElement::isDisplayed);
        assertThat(others).allMatch(n -> n.getAttribute("hidden") == null);
        long dimmed = (Long) browser.executeScript("return arguments[0].querySelectorAll('mark.off').length", section);
        assertThat(dimmed).isPositive();
        box.click();
        assertThat(notes).allMatch(n -> n.getAttribute("hidden") == null);
        assertThat((Long) browser.executeScript("return arguments[0].querySelectorAll('mark.off').length", section)).isZero();
    }

    @Test
    void markupInAScannedTextIsShownNeverRun() {
        assertThat(browser.executeScript("return typeof window.__xss")).isEqualTo("undefined");
        WebElement probe = browser.findElements(By.cssSelector("section.doc")).stream()
                .filter(s -> s.findElement(By.tagName("h2")).getText().endsWith("xss-probe.txt")).findFirst().orElseThrow();
        assertThat(probe.findElements(By.cssSelector(".line img, .line svg, .line iframe, .line script, .line a[href]"))).isEmpty();
        assertThat(probe.findElements(By.cssSelector("mark[data-findings]"))).as("the probe's findings are marked").isNotEmpty();
        assertThat(probe.getText()).contains("<script>window.__xss = 1;</script>").contains("onerror=\"window.__xss = 2\"");
        // one script runs, the page's own; the rest are each document's review data, JSON that never runs
        assertThat(browser.findElements(By.cssSelector("script:not([type='application/json'])"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector("script.review-data"))).hasSize(findingsBySource.size());
        // the review the page saves holds the words as written, markup and all
        assertThat((String) browser.executeScript("return window.adaldyqReview[arguments[0]]()", probe.getAttribute("id")))
                .contains("<img src=x onerror=\\\"window.__xss = 2\\\">");
        assertThat(Browser.consoleErrors(browser)).isEmpty();
    }
    /**
     * The expert's review on the page: strike out one finding and confirm another, add a factor to a provision
     * with none, write a note on a finding, and the review saved holds every provision with those decisions; loaded again into a fresh
     * page, the notes show them.
     */
    @Test
    void anExpertStrikesConfirmsAndAddsAndTheReviewIsSavedAndLoadedAgain() throws Exception {
        try {
            WebElement section = browser.findElement(By.cssSelector("section.doc[lang=ru]"));
            String id = section.getAttribute("id");
            List<WebElement> notes = section.findElements(By.cssSelector("aside.note"));
            WebElement first = notes.get(0);
            WebElement second = notes.get(1);
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", first);
            first.findElement(By.cssSelector("button[data-decision=struck]")).click();
            second.findElement(By.cssSelector("button[data-decision=confirmed]")).click();
            WebElement noteBox = second.findElement(By.cssSelector("textarea.expert-note"));
            assertThat(noteBox.isDisplayed()).isFalse();
            second.findElement(By.cssSelector("button.write-note")).click();
            noteBox.sendKeys("Назвать основания в самом законе");
            assertThat(first.getAttribute("data-review")).isEqualTo("struck");
            assertThat(second.getAttribute("data-review")).isEqualTo("confirmed");
            assertThat(first.findElement(By.cssSelector("button[data-decision=struck]")).getAttribute("aria-pressed")).isEqualTo("true");

            WebElement bar = section.findElement(By.cssSelector(".review-bar"));
            org.openqa.selenium.support.ui.Select provision = new org.openqa.selenium.support.ui.Select(bar.findElement(By.cssSelector("select.provision")));
            String flagged = first.getAttribute("data-start") + " " + second.getAttribute("data-start");
            String quiet = provision.getOptions().stream().map(o -> o.getAttribute("value"))
                    .filter(v -> section.findElements(By.cssSelector("aside.note[data-start='" + v + "']")).isEmpty()).skip(3)
                    .findFirst().orElseThrow();
            provision.selectByValue(quiet);
            new org.openqa.selenium.support.ui.Select(bar.findElement(By.cssSelector("select.factor"))).selectByValue("WIDE_DISCRETION");
            bar.findElement(By.cssSelector("button.add")).click();
            assertThat(bar.findElement(By.cssSelector("ul.added")).getText()).contains("WIDE_DISCRETION");
            assertThat(bar.findElement(By.cssSelector(".review-counts")).getText())
                    .startsWith("1 подтверждено · 1 исключено · " + (notes.size() - 2) + " не проверено · 1 добавлено экспертом");
            Browser.screenshot(browser, Path.of("target/screenshots/html-report-review.png"));

            String saved = (String) browser.executeScript("return window.adaldyqReview[arguments[0]]()", id);
            String source = section.findElement(By.tagName("h2")).getText();
            StringWriter worksheet = new StringWriter();
            RiskCli.run(new PrintWriter(worksheet), new PrintWriter(new StringWriter()), "scan", "--format", "review", source);
            String[] lines = saved.split("\n");
            String[] cli = worksheet.toString().split("\n");
            assertThat(lines).hasSameSizeAs(cli);
            ObjectMapper json = new ObjectMapper();
            Map<String, JsonNode> byStart = new LinkedHashMap<>();
            for (int i = 0; i < lines.length; i++) {
                JsonNode l = json.readTree(lines[i]);
                byStart.put(l.get("start").asText(), l);
                // the page takes each provision's words from the text it shows: the same as the CLI's worksheet
                JsonNode c = json.readTree(cli[i]);
                assertThat(l.get("text").asText()).as(l.get("provision").asText()).isEqualTo(c.get("text").asText());
                assertThat(l.get("id")).isEqualTo(c.get("id"));
                assertThat(l.get("found")).isEqualTo(c.get("found"));
            }
            String struck = first.getAttribute("data-factor");
            assertThat(byStart.get(first.getAttribute("data-start")).get("struck").toString()).contains(struck);
            assertThat(byStart.get(first.getAttribute("data-start")).get("factors").toString()).doesNotContain("\"" + struck + "\"");
            assertThat(byStart.get(second.getAttribute("data-start")).get("confirmed").toString()).contains(second.getAttribute("data-factor"));
            assertThat(byStart.get(second.getAttribute("data-start")).get("notes").get(second.getAttribute("data-factor")).asText())
                    .isEqualTo("Назвать основания в самом законе");
            assertThat(byStart.get(quiet).get("added").toString()).isEqualTo("[\"WIDE_DISCRETION\"]");
            assertThat(byStart.get(quiet).get("factors").toString()).isEqualTo("[\"WIDE_DISCRETION\"]");
            assertThat(byStart.values().stream().filter(l -> !flagged.contains(l.get("start").asText()) && !l.get("start").asText().equals(quiet)))
                    .allMatch(l -> l.get("struck").isEmpty() && l.get("added").isEmpty() && l.get("confirmed").isEmpty());

            // loaded into a fresh page, the decisions come back; made on an earlier version (every provision 7
            // characters further on), each goes to the provision with its words
            Path file = OUT.resolve("ru.review.jsonl");
            StringBuilder earlier = new StringBuilder();
            for (String line : lines) {
                com.fasterxml.jackson.databind.node.ObjectNode l = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(line);
                l.put("start", l.get("start").asInt() + 7).put("end", l.get("end").asInt() + 7);
                earlier.append(l).append('\n');
            }
            Files.writeString(file, earlier);
            browser.navigate().refresh();
            WebElement fresh = browser.findElement(By.id(id));
            assertThat(fresh.findElements(By.cssSelector("aside.note[data-review=struck]"))).isEmpty();
            fresh.findElement(By.cssSelector(".review-bar input.load")).sendKeys(file.toAbsolutePath().toString());
            new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                    .until(d -> !fresh.findElement(By.cssSelector(".review-bar .loaded")).getText().isEmpty());
            assertThat(fresh.findElement(By.cssSelector(".review-bar .loaded")).getText()).isEqualTo(lines.length + " / " + lines.length);
            assertThat(fresh.findElements(By.cssSelector("aside.note[data-review=struck]"))).hasSize(1);
            assertThat(fresh.findElements(By.cssSelector("aside.note[data-review=confirmed]"))).hasSize(1);
            WebElement restored = fresh.findElement(By.cssSelector("aside.note[data-review=confirmed] textarea.expert-note"));
            assertThat(restored.isDisplayed()).isTrue();
            assertThat(restored.getAttribute("value")).isEqualTo("Назвать основания в самом законе");
            assertThat(fresh.findElement(By.cssSelector(".review-bar ul.added")).getText()).contains("WIDE_DISCRETION");
            // a Word file chosen instead: the page says how its review is read, and the decisions stay
            Path word = Files.write(OUT.resolve("ru.review.docx"), new byte[] {'P', 'K', 3, 4});
            fresh.findElement(By.cssSelector(".review-bar input.load")).sendKeys(word.toAbsolutePath().toString());
            new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                    .until(d -> fresh.findElement(By.cssSelector(".review-bar .loaded")).getText().startsWith("Это файл Word"));
            assertThat(fresh.findElement(By.cssSelector(".review-bar .loaded")).getText()).contains("review from-docx");
            assertThat(fresh.findElements(By.cssSelector("aside.note[data-review=struck]"))).hasSize(1);
            assertThat(Browser.consoleErrors(browser)).isEmpty();
        } finally {
            browser.navigate().refresh(); // the other tests see the page as written
        }
    }

    /**
     * Adding a factor where the expert reads: the + beside a paragraph with no finding opens a chooser there, the
     * factor added stands as a note beside the paragraph with the expert's note, is counted and saved on the
     * provision that starts in the paragraph, and Remove takes it away.
     */
    @Test
    void anExpertAddsAFactorBesideTheParagraphTheyRead() throws Exception {
        try {
            WebElement section = browser.findElement(By.cssSelector("section.doc[lang=ru]"));
            WebElement para = section.findElements(By.cssSelector("p.line")).stream()
                    .filter(p -> !p.findElements(By.cssSelector("button.plus")).isEmpty() && p.getText().length() > 80
                            && p.findElements(By.cssSelector("mark")).isEmpty())
                    .skip(2).findFirst().orElseThrow();
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", para);
            new org.openqa.selenium.interactions.Actions(browser).moveToElement(para).perform();
            WebElement plus = para.findElement(By.cssSelector("button.plus"));
            assertThat(plus.isDisplayed()).as("the + shows on the paragraph the pointer is on").isTrue();
            assertThat(plus.getText()).isEmpty();
            plus.click();
            WebElement form = section.findElement(By.cssSelector(".add-inline"));
            assertThat(form.getRect().getY()).isBetween(para.getRect().getY() - 2, para.getRect().getY() + para.getRect().getHeight());
            new org.openqa.selenium.support.ui.Select(form.findElement(By.cssSelector("select.factor-inline"))).selectByValue("VAGUE_TERMS");
            form.findElement(By.cssSelector("button")).click();
            assertThat(section.findElements(By.cssSelector(".add-inline"))).isEmpty();
            WebElement added = section.findElement(By.cssSelector("aside.added-note"));
            assertThat(added.getText()).contains("VAGUE_TERMS").contains("добавлено экспертом");
            assertThat(added.getRect().getX()).isGreaterThan(para.getRect().getX() + para.getRect().getWidth() - 1);
            assertThat(section.findElement(By.cssSelector(".review-bar .review-counts")).getText()).endsWith("· 1 добавлено экспертом");
            assertThat(section.findElement(By.cssSelector(".review-bar ul.added")).getText()).contains("VAGUE_TERMS");
            added.findElement(By.cssSelector("textarea.expert-note")).sendKeys("Критерии не названы");
            Browser.screenshot(browser, Path.of("target/screenshots/html-report-add-inline.png"));

            String start = added.getAttribute("data-added-start");
            String saved = (String) browser.executeScript("return window.adaldyqReview[arguments[0]]()", section.getAttribute("id"));
            ObjectMapper json = new ObjectMapper();
            JsonNode line = null;
            for (String l : saved.split("\n")) {
                JsonNode n = json.readTree(l);
                if (n.get("start").asText().equals(start)) {
                    line = n;
                }
            }
            assertThat(line).isNotNull();
            assertThat(line.get("added").toString()).isEqualTo("[\"VAGUE_TERMS\"]");
            assertThat(line.get("notes").get("VAGUE_TERMS").asText()).isEqualTo("Критерии не названы");
            String words = line.get("text").asText();
            String own = words.substring(words.lastIndexOf('\n') + 1); // the provision's own words, after a list's lead-in
            assertThat(para.getText().replaceAll("\\s+", " ")).contains(own.replaceAll("\\s+", " ").substring(0, Math.min(40, own.length())).strip());

            added.findElement(By.cssSelector("button.remove")).click();
            assertThat(section.findElements(By.cssSelector("aside.added-note"))).isEmpty();
            assertThat(section.findElement(By.cssSelector(".review-bar .review-counts")).getText()).endsWith("· 0 добавлено экспертом");
            assertThat(Browser.consoleErrors(browser)).isEmpty();
        } finally {
            browser.navigate().refresh();
        }
    }

    /**
     * The review a third expert finishes ({@code review agree --adjudicate}), loaded into the page: the disputed
     * finding says what each expert decided, in the finding's note and in the review bar; the third expert's
     * decision on it is saved.
     */
    @Test
    void aDisputeBetweenTwoExpertsIsShownForTheThirdToDecide(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String source = "../data/samples/ru/kz-laws_rus_104440.md";
        StringWriter worksheet = new StringWriter();
        RiskCli.run(new PrintWriter(worksheet), new PrintWriter(new StringWriter()), "scan", "--format", "review", source);
        ObjectMapper json = new ObjectMapper();
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        String disputedStart = null;
        String code = null;
        for (String line : worksheet.toString().split("\n")) {
            com.fasterxml.jackson.databind.node.ObjectNode first = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(line);
            com.fasterxml.jackson.databind.node.ObjectNode second = first.deepCopy();
            if (disputedStart == null && first.get("found").size() > 0) {
                disputedStart = first.get("start").asText();
                code = first.get("found").get(0).asText();
                first.putArray("struck").add(code);
                second.putArray("confirmed").add(code);
                first.remove("factors");
                second.remove("factors");
            }
            a.add(first.toString());
            b.add(second.toString());
        }
        Path adjudicate = dir.resolve("adjudicate.jsonl");
        RiskCli.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "review", "agree",
                Files.write(dir.resolve("expert-a.jsonl"), a).toString(), Files.write(dir.resolve("expert-b.jsonl"), b).toString(),
                "--adjudicate", adjudicate.toString());
        // a hand-edited file: a dispute under a name no factor has, and markup in a dispute, are neither run nor a selector
        List<String> edited = new ArrayList<>();
        for (String line : Files.readAllLines(adjudicate)) {
            com.fasterxml.jackson.databind.node.ObjectNode l = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(line);
            if (l.has("dispute")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) l.get("dispute")).put("x\"], *, [y", "<img src=x onerror=\"window.__dispute = 1\">");
            }
            edited.add(l.toString());
        }
        Files.write(adjudicate, edited);
        String disputed = code;
        String at = disputedStart;
        try {
            WebElement section = browser.findElements(By.cssSelector("section.doc")).stream()
                    .filter(x -> x.findElement(By.tagName("h2")).getText().equals(source)).findFirst().orElseThrow();
            section.findElement(By.cssSelector(".review-bar input.load")).sendKeys(adjudicate.toAbsolutePath().toString());
            new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                    .until(d -> !section.findElement(By.cssSelector(".review-bar .loaded")).getText().isEmpty());
            String said = "expert-a.jsonl: исключает / expert-b.jsonl: подтверждает";
            assertThat(section.findElements(By.cssSelector(".review-bar ul.disputes li"))).singleElement()
                    .satisfies(li -> assertThat(li.getText()).contains(disputed).endsWith(said));
            WebElement note = section.findElement(By.cssSelector("aside.note[data-start='" + at + "'][data-factor='" + disputed + "']"));
            assertThat(note.findElement(By.cssSelector("p.dispute")).getText()).endsWith(said);
            assertThat(note.getAttribute("data-review")).isEmpty(); // nothing decided yet
            assertThat(browser.executeScript("return window.__dispute === undefined && document.querySelectorAll('img[src=x]').length === 0"))
                    .isEqualTo(true);
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", note);
            Browser.screenshot(browser, Path.of("target/screenshots/review-dispute.png"));
            note.findElement(By.cssSelector("button[data-decision=confirmed]")).click();
            String saved = (String) browser.executeScript("return window.adaldyqReview[arguments[0]]()", section.getAttribute("id"));
            assertThat(saved.lines().map(l -> {
                try {
                    return json.readTree(l);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(l -> l.get("start").asText().equals(at))).singleElement()
                    .satisfies(l -> assertThat(l.get("confirmed").toString()).isEqualTo("[\"" + note.getAttribute("data-factor") + "\"]"));
            assertThat(Browser.consoleErrors(browser)).isEmpty();
        } finally {
            browser.navigate().refresh();
        }
    }

    /**
     * Each document's review, as the page saves it before any decision, is the CLI's worksheet of it, line for
     * line (the page takes the words from the text it shows, in every input format).
     */
    @Test
    void eachPageSavesTheWorksheetOfItsDocument() throws Exception {
        for (WebElement section : browser.findElements(By.cssSelector("section.doc"))) {
            String source = section.findElement(By.tagName("h2")).getText();
            StringWriter worksheet = new StringWriter();
            RiskCli.run(new PrintWriter(worksheet), new PrintWriter(new StringWriter()), "scan", "--format", "review", source);
            String saved = (String) browser.executeScript("return window.adaldyqReview[arguments[0]]()", section.getAttribute("id"));
            String[] cli = worksheet.toString().split("\n");
            String[] page = saved.split("\n");
            assertThat(page).as(source).hasSameSizeAs(cli).hasSizeGreaterThan(3);
            ObjectMapper json = new ObjectMapper();
            for (int i = 0; i < cli.length; i++) {
                assertThat(json.readTree(page[i])).as(source + " line " + (i + 1)).isEqualTo(json.readTree(cli[i]));
            }
        }
    }

    @Test
    void markdownHeadingsReadAsHeadingsAndEveryFactorHasItsOwnColour() {
        WebElement section = browser.findElement(By.cssSelector("section.doc[lang=kk]"));
        // the sample is Markdown: «### 7-бап. …» shows as a heading, its hashes kept in the page but hidden
        List<WebElement> headings = section.findElements(By.cssSelector("p.line.heading"));
        assertThat(headings).extracting(WebElement::getText).contains("7-бап. Жеңiлдiктер мен преференциялар жүйесi")
                .noneMatch(t -> t.startsWith("#"));
        assertThat(section.findElements(By.cssSelector("p.line:not(.heading)"))).extracting(WebElement::getText)
                .noneMatch(t -> t.startsWith("#"));
        // the bars of the chart: as many colours as factors, so no two factors look alike
        List<String> bars = section.findElements(By.cssSelector("svg rect")).stream().map(r -> r.getAttribute("fill")).toList();
        assertThat(bars).hasSizeGreaterThan(5).doesNotHaveDuplicates();
        // the riskiest-provisions list names each factor beside its colour
        assertThat(section.findElements(By.cssSelector("ol.jump .factor .swatch"))).isNotEmpty();
    }
}
