package dev.apphost.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium driven through the system chromedriver (nothing downloaded): tests call
 * {@link #available()} in an assumption, so they skip with the reason when either is missing.
 */
final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    static String missing() {
        return "needs " + CHROMIUM + " and " + CHROMEDRIVER + " (bash scripts/setup-browser.sh installs them)";
    }

    static WebDriver open() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1400,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    static WebDriverWait waitFor(WebDriver driver, int seconds) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        // the resources table is drawn again on every change: an element read mid-redraw is simply read again
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /**
     * Saves a PNG of the page as {@code target/screenshots/<name>.png}; with
     * {@code -Dapphost.updateScreenshots=true}, as {@code docs/images/<name>.png} of the repository, where
     * the README shows them (so an ordinary test run leaves the checkout clean).
     */
    static void screenshot(WebDriver driver, String name) {
        try {
            Path images = Boolean.getBoolean("apphost.updateScreenshots") ? Path.of("..", "docs", "images")
                    : Path.of("target", "screenshots");
            Files.createDirectories(images);
            Files.write(images.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (Exception e) {
            System.err.println("screenshot " + name + " not saved: " + e);
        }
    }
}
