package org.adaldyq.risk.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private Browser() {
    }

    /**
     * Starts a browser whose temporary files go to {@code tmp}: Chromium leaves its singleton socket's folder
     * there, so pass a folder JUnit deletes ({@code @TempDir} of the class's {@code @BeforeAll}).
     */
    static ChromeDriver start(Path tmp) {
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
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile())
                .withEnvironment(Map.of("TMPDIR", tmp.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Quits the browser and closes the server a test class started, either of them null when it did not start. */
    static void stop(ChromeDriver browser, org.adaldyq.risk.serve.RiskServer server) {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (server != null) {
                server.close();
            }
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
