package org.adaldyq.risk.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium for the browser tests: the Debian packages {@code chromium} and {@code chromium-driver}
 * (or {@code CHROME_BIN} / {@code CHROMEDRIVER}). Where none is installed the tests are skipped with a
 * message saying what to install; CI installs both ({@code .ci/run}).
 */
final class Browser {

    /** Each browser's temporary folder: Chromium leaves its singleton socket's folder in it, so it goes at {@link #stop}. */
    private static final Map<ChromeDriver, Path> TEMPORARY = new ConcurrentHashMap<>();

    private Browser() {
    }

    static ChromeDriver start() {
        Optional<Path> chrome = find("CHROME_BIN", "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
        Optional<Path> driver = find("CHROMEDRIVER", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        Assumptions.assumeTrue(chrome.isPresent() && driver.isPresent(),
                "browser tests skipped: no Chromium and chromedriver here (apt-get install chromium chromium-driver, "
                        + "or set CHROME_BIN and CHROMEDRIVER)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chrome.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        Path tmp = temporaryFolder();
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile())
                .withEnvironment(Map.of("TMPDIR", tmp.toString())).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        TEMPORARY.put(browser, tmp);
        return browser;
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("adaldyq-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Quits the browser, deletes its temporary folder and closes the server a test class started, either of them
     * null when it did not start.
     */
    static void stop(ChromeDriver browser, org.adaldyq.risk.serve.RiskServer server) {
        try {
            if (browser != null) {
                browser.quit();
                deleteTree(TEMPORARY.remove(browser));
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void screenshot(ChromeDriver browser, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** The console messages at error level (a refused script, a failed resource, an exception). */
    static List<String> consoleErrors(ChromeDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(e -> e.getLevel() + " " + e.getMessage())
                .toList();
    }

    private static Optional<Path> find(String env, String... candidates) {
        String set = System.getenv(env);
        if (set != null && Files.isExecutable(Path.of(set))) {
            return Optional.of(Path.of(set));
        }
        for (String c : candidates) {
            if (Files.isExecutable(Path.of(c))) {
                return Optional.of(Path.of(c));
            }
        }
        return Optional.empty();
    }
}
