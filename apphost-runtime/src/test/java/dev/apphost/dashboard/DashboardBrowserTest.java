package dev.apphost.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.apphost.DistributedApplication;
import dev.apphost.otlp.TelemetryData.Span;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The dashboard in a real browser (Debian's chromium through Selenium) over a real run: two JVM
 * services with the real OpenTelemetry Java agent, {@code front} calling {@code back}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    private Path dir;
    private DistributedApplication app;
    private DashboardHost dashboard;
    private WebDriver driver;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void startAppAndBrowser() throws Exception {
        assumeTrue(Browser.available(), Browser.missing());
        dir = Files.createTempDirectory("apphost-dashboard-test");
        app = TelemetryApp.start(dir);
        dashboard = app.dashboard().orElseThrow();
        driver = Browser.open();
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (app != null) {
            app.close();
        }
    }

    private String get(String resource, String path) throws Exception {
        URI url = app.getEndpoint(resource, "http").resolve(path);
        return http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Clicks a command button once it is enabled (the table is redrawn on every change, so it is looked up each try). */
    private void clickCommand(String resource, String command) {
        Browser.waitFor(driver, 20).until(d -> {
            WebElement button = d.findElement(By.cssSelector(
                    "tr[data-resource='" + resource + "'] button[data-command='" + command + "']"));
            if (!button.isEnabled()) {
                return false;
            }
            button.click();
            return true;
        });
    }

    private void login() {
        driver.get(dashboard.loginUrl());
        Browser.waitFor(driver, 20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#resources")));
    }

    @Test
    @Order(1)
    void aWrongTokenIsRefused() {
        driver.get(dashboard.url() + "/login?t=not-the-token");
        assertThat(driver.findElement(By.id("login-message")).getText()).contains("Invalid token");
        driver.get(dashboard.url() + "/traces");
        assertThat(driver.getCurrentUrl()).endsWith("/login");
        assertThat(driver.findElements(By.id("traces"))).isEmpty();
    }

    @Test
    @Order(2)
    void theTokenLogsInAndTheResourcesAreRunning() {
        login();
        for (String name : List.of("front", "back")) {
            Browser.waitFor(driver, 30).until(ExpectedConditions.textToBe(
                    By.cssSelector("tr[data-resource='" + name + "'] .state"), "Running"));
        }
        // the table is drawn again on every resource change: each read finds the row afresh (waitFor
        // ignores a row replaced between finding and reading it)
        By front = By.cssSelector("tr[data-resource='front']");
        String row = Browser.waitFor(driver, 10).until(d -> d.findElement(front).getText());
        assertThat(row).contains("Project").contains("Healthy");
        String link = Browser.waitFor(driver, 10).until(d -> d.findElement(front)
                .findElement(By.cssSelector("a[href^='http://localhost:']")).getText());
        assertThat(link).isEqualTo(app.getEndpoint("front", "http").toString());
        Browser.waitFor(driver, 10).until(d -> {
            d.findElement(front).click();
            return true;
        });
        WebElement variable = Browser.waitFor(driver, 10).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#environment tr[data-variable='OTEL_SERVICE_NAME']")));
        assertThat(variable.findElement(By.cssSelector(".value")).getText()).isEqualTo("••••••••");
        variable.findElement(By.cssSelector("button.reveal")).click();
        Browser.waitFor(driver, 10).until(ExpectedConditions.textToBe(
                By.cssSelector("#environment tr[data-variable='OTEL_SERVICE_NAME'] .value"), "front"));
        Browser.screenshot(driver, "dashboard-resources");
    }

    @Test
    @Order(3)
    void theConsoleLogStreamsALineWrittenAfterThePageOpened() throws Exception {
        login();
        driver.get(dashboard.url() + "/consolelogs/resource/front");
        Browser.waitFor(driver, 20).until(ExpectedConditions.attributeToBe(By.id("log"), "data-caught-up", "true"));
        assertThat(driver.findElement(By.id("log")).getText()).contains("FRONT-STARTED");
        assertThat(driver.findElements(By.xpath("//pre[@id='log']//span[contains(@style,'color') and text()='green']")))
                .isNotEmpty();
        String marker = "LIVE-" + UUID.randomUUID();
        assertThat(driver.findElement(By.id("log")).getText()).doesNotContain(marker);
        get("front", "/log?" + marker);
        Browser.waitFor(driver, 20).until(ExpectedConditions.textToBePresentInElementLocated(By.id("log"), marker));
        Browser.screenshot(driver, "dashboard-console");
    }

    @Test
    @Order(4)
    void aRequestAcrossTwoServicesIsOneTraceWithSpansOfBoth() throws Exception {
        login();
        assertThat(get("front", "/call")).isEqualTo("front got: hello from back");
        driver.get(dashboard.url() + "/traces");
        WebElement row = Browser.waitFor(driver, 60).until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//table[@id='traces']//tr[.//span[@data-service='front'] and .//span[@data-service='back']]")));
        String traceId = row.getAttribute("data-trace");
        List<Span> spans = dashboard.telemetry().trace(traceId).orElseThrow();
        assertThat(spans.stream().map(Span::service).collect(Collectors.toSet())).containsExactlyInAnyOrder("front",
                "back");
        assertThat(spans).allMatch(s -> s.traceId().equals(traceId));
        Browser.screenshot(driver, "dashboard-traces");

        row.findElement(By.linkText("View")).click();
        Browser.waitFor(driver, 20).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr.span-row[data-service='back']")));
        assertThat(driver.findElements(By.cssSelector("tr.span-row[data-service='front']"))).isNotEmpty();
        driver.findElement(By.cssSelector("tr.span-row[data-service='back']")).click();
        WebElement details = Browser.waitFor(driver, 10).until(ExpectedConditions.presenceOfElementLocated(
                By.id("span-details")));
        assertThat(details.getText()).contains("/hello");
        Browser.screenshot(driver, "dashboard-trace-detail");
    }

    @Test
    @Order(5)
    void structuredLogsLinkToTheirTrace() throws Exception {
        login();
        get("front", "/call");
        driver.get(dashboard.url() + "/structuredlogs?resource=front");
        WebElement link = Browser.waitFor(driver, 60).until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//table[@id='logs']//tr[.//td[contains(text(),'front called back')]]//a[@class='trace-link']")));
        Browser.screenshot(driver, "dashboard-structured-logs");
        link.click();
        Browser.waitFor(driver, 20).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr.span-row[data-service='front']")));
    }

    @Test
    @Order(6)
    void metricsShowTheInstrumentsOfAResourceWithAChart() throws Exception {
        login();
        get("front", "/call");
        driver.get(dashboard.url() + "/metrics?resource=front&meter=http.server.request.duration");
        Browser.waitFor(driver, 60).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#chart svg.chart polyline")));
        Browser.screenshot(driver, "dashboard-metrics");
    }

    @Test
    @Order(7)
    void restartingBackFromItsButtonChangesItsPidAndItComesBackRunning() throws Exception {
        login();
        long pid = app.resourceSnapshot("back").pid();
        clickCommand("back", "resource-restart");
        Browser.waitFor(driver, 90).until(d -> {
            var s = app.resourceSnapshot("back");
            return s.pid() != null && s.pid() != pid && s.isRunning() && "Running".equals(
                    d.findElement(By.cssSelector("tr[data-resource='back'] .state")).getText());
        });
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        app.resourceNotifications().waitForResourceHealthy("back", TelemetryApp.LONG);
        assertThat(get("front", "/call")).isEqualTo("front got: hello from back");
        Browser.waitFor(driver, 10).until(d -> {
            d.findElement(By.cssSelector("tr[data-resource='back']")).click();
            return true;
        });
        long newPid = app.resourceSnapshot("back").pid();
        Browser.waitFor(driver, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("details"),
                Long.toString(newPid)));
    }

    @Test
    @Order(8)
    void theStopButtonStopsAResource() {
        login();
        long pid = app.resourceSnapshot("back").pid();
        clickCommand("back", "resource-stop");
        Browser.waitFor(driver, 30).until(d -> {
            String state = d.findElement(By.cssSelector("tr[data-resource='back'] .state")).getText();
            return state.equals("Exited") || state.equals("Finished");
        });
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    @Order(9)
    void theStartButtonStartsAStoppedResourceAgain() {
        login();
        clickCommand("back", "resource-start");
        Browser.waitFor(driver, 90).until(ExpectedConditions.textToBe(
                By.cssSelector("tr[data-resource='back'] .state"), "Running"));
        assertThat(ProcessHandle.of(app.resourceSnapshot("back").pid()).map(ProcessHandle::isAlive).orElse(false))
                .isTrue();
    }
}
