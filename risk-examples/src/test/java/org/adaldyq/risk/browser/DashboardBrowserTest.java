package org.adaldyq.risk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.adaldyq.risk.cli.RiskCli;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The procurement dashboard of {@code tenders --format html} on the 19 bundled real publishers, opened in
 * headless Chromium: its figures are the native report's, the search narrows the table, no console error.
 */
class DashboardBrowserTest {
    private static final Path OUT = Path.of("target/browser");
    private static ChromeDriver browser;
    private static JsonNode summary;
    private static long flaggedInReport;

    @BeforeAll
    static void dashboard(@TempDir Path chromium) throws Exception {
        browser = Browser.start(chromium);
        Files.createDirectories(OUT);
        Path all = OUT.resolve("publishers.jsonl");
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/ocds-samples/compiled"))) {
            StringBuilder b = new StringBuilder();
            for (Path f : files.sorted().toList()) {
                b.append(Files.readString(f));
            }
            Files.writeString(all, b);
        }
        Files.write(OUT.resolve("dashboard.html"), tenders("--format", "html", all.toString()));
        for (String line : new String(tenders("--format", "jsonl", all.toString()), StandardCharsets.UTF_8).split("\n")) {
            JsonNode r = new ObjectMapper().readTree(line);
            if ("summary".equals(r.path("type").asText())) {
                summary = r;
            } else if ("process".equals(r.path("type").asText()) && r.path("flags").size() > 0) {
                flaggedInReport++;
            }
        }
        browser.get(OUT.resolve("dashboard.html").toAbsolutePath().toUri().toString());
    }

    /** tenders writes to System.out: captured for the run. */
    private static byte[] tenders(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            String[] all = Stream.concat(Stream.of("tenders"), Stream.of(args)).toArray(String[]::new);
            assertThat(RiskCli.run(all)).isZero();
        } finally {
            System.setOut(original);
        }
        return bytes.toByteArray();
    }

    @AfterAll
    static void quit() {
        Browser.stop(browser, null);
    }

    @Test
    void theFiguresAreTheNativeReportsFigures() throws Exception {
        List<WebElement> kpis = browser.findElements(By.cssSelector("#summary .kpi b"));
        assertThat(kpis.get(0).getText()).isEqualTo(summary.get("processes").asText());
        assertThat(kpis.get(1).getText()).isEqualTo(summary.get("reviewed").asText());
        assertThat(kpis.get(2).getText()).isEqualTo(String.valueOf(flaggedInReport));
        long binned = 0;
        for (WebElement bin : browser.findElements(By.cssSelector("#cri rect.bin"))) {
            binned += Long.parseLong(bin.getAttribute("data-count"));
        }
        assertThat(binned).isPositive().isLessThanOrEqualTo(summary.get("reviewed").asLong());
        assertThat(browser.findElements(By.cssSelector("#processes tbody tr"))).hasSize((int) flaggedInReport);
        assertThat(browser.findElements(By.cssSelector("#buyers tr"))).hasSizeGreaterThan(10);
        assertThat(Browser.consoleErrors(browser)).isEmpty();
        Browser.screenshot(browser, Path.of("target/screenshots/dashboard.png"));
    }

    @Test
    void searchNarrowsTheTableOfProcesses() {
        WebElement search = browser.findElement(By.id("search"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#processes tbody tr"));
        String ocid = rows.get(rows.size() - 1).findElement(By.tagName("td")).getText();
        search.sendKeys(ocid);
        assertThat(rows.stream().filter(WebElement::isDisplayed).map(r -> r.findElement(By.tagName("td")).getText()))
                .containsOnly(ocid);
        assertThat(browser.findElement(By.id("shown")).getText()).isEqualTo(
                String.valueOf(rows.stream().filter(WebElement::isDisplayed).count()));
        search.clear();
        search.sendKeys(" ");
        search.sendKeys("\b");
        assertThat(rows).allMatch(r -> r.getAttribute("hidden") == null);
    }
    @Test
    void buyersAndSuppliersAreNamedAsTheirPartiesNameThem() throws Exception {
        // every name a party of the input gives each organisation id (spaces as a page shows them)
        java.util.Map<String, java.util.Set<String>> partyNames = new java.util.HashMap<>();
        for (String line : Files.readAllLines(OUT.resolve("publishers.jsonl"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode release = new ObjectMapper().readTree(line);
            java.util.List<JsonNode> organisations = new java.util.ArrayList<>();
            release.path("parties").forEach(organisations::add);
            organisations.add(release.path("buyer")); // a buyer no party names goes by its reference's own name
            for (JsonNode o : organisations) {
                // its name, else its legal name
                String name = o.path("name").asText("").isBlank() ? o.path("identifier").path("legalName").asText("") : o.path("name").asText();
                java.util.Set<String> names = new java.util.HashSet<>();
                if (!name.isBlank()) {
                    names.add(name);
                }
                o.fieldNames().forEachRemaining(f -> { // or a language variant (name_en, name_fr, ...)
                    if (f.startsWith("name_") && o.get(f).isTextual() && !o.get(f).asText().isBlank()) {
                        names.add(o.get(f).asText());
                    }
                });
                if (o.hasNonNull("id")) {
                    names.forEach(n -> partyNames.computeIfAbsent(o.get("id").asText(), k -> new java.util.HashSet<>())
                            .add(n.strip().replaceAll("\\s+", " ")));
                }
            }
        }
        int named = 0;
        for (WebElement row : browser.findElements(By.cssSelector("#buyers tr, #suppliers tr"))) {
            List<WebElement> name = row.findElements(By.cssSelector("td.codes .org-name"));
            if (name.isEmpty()) {
                continue;
            }
            named++;
            String cell = row.findElement(By.cssSelector("td.codes")).getText();
            String id = cell.substring(0, cell.length() - name.get(0).getText().length()).strip();
            assertThat(partyNames.get(id)).as(id).contains(name.get(0).getText());
        }
        assertThat(named).as("organisations shown with a name").isGreaterThan(10);
    }

    @Test
    void riskiestProcessesNameTheirBuyerAndAreFoundByIt() {
        List<WebElement> rows = browser.findElements(By.cssSelector("#processes tbody tr"));
        WebElement named = rows.stream().filter(r -> !r.findElements(By.cssSelector(".org-name")).isEmpty()).findFirst().orElseThrow();
        String name = named.findElement(By.cssSelector(".org-name")).getText();
        assertThat(name).isNotBlank();
        WebElement search = browser.findElement(By.id("search"));
        search.sendKeys(name);
        List<WebElement> shown = rows.stream().filter(WebElement::isDisplayed).toList();
        assertThat(shown).isNotEmpty().contains(named)
                .allMatch(r -> r.getText().toLowerCase(java.util.Locale.ROOT).contains(name.toLowerCase(java.util.Locale.ROOT)));
        assertThat(shown.size()).isLessThan(rows.size());
        search.clear();
        search.sendKeys(" ");
        search.sendKeys("\b");
    }
}
