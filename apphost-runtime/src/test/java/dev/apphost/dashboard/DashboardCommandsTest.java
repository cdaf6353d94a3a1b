package dev.apphost.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.apphost.otlp.TelemetryLimits;
import dev.apphost.otlp.TelemetryStore;
import dev.apphost.run.LogLine;
import dev.apphost.ExecuteCommandResult;
import dev.apphost.ResourceCommand;
import dev.apphost.ResourceSnapshot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The command buttons and the JSON API against the {@link DashboardBackend} interface alone: a backend
 * whose restart gives the resource a new pid. {@link DashboardBrowserTest} restarts a real process.
 */
class DashboardCommandsTest {

    /** One resource, {@code apiservice}; {@code resource-restart} moves it through Starting to Running with a new pid. */
    static final class RestartingBackend implements DashboardBackend {
        final List<String> executed = new CopyOnWriteArrayList<>();
        final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
        volatile ResourceSnapshot snapshot = running(100L, List.of("http://localhost:5455"));

        static ResourceSnapshot running(long pid, List<String> urls) {
            return new ResourceSnapshot("apiservice", "Project", "Running", null, null, "Healthy", null, urls, pid,
                    Instant.now(), List.of());
        }

        @Override
        public List<ResourceView> resources() {
            return List.of(new ResourceView(snapshot, "/app/apiservice/pom.xml", List.of(), List.of()));
        }

        @Override
        public AutoCloseable subscribe(Consumer<String> changed) {
            listeners.add(changed);
            return () -> listeners.remove(changed);
        }

        @Override
        public Map<String, String> environment(String resource) {
            return Map.of("ConnectionStrings__db", "Host=localhost;Password=hunter2");
        }

        @Override
        public List<LogLine> logs(String resource) {
            return List.of();
        }

        @Override
        public AutoCloseable followLogs(String resource, Consumer<LogLine> sink) {
            return () -> { };
        }

        @Override
        public List<ResourceCommand> commands(String resource) {
            return List.of(new ResourceCommand("resource-restart", "Restart", "Running".equals(snapshot.state())));
        }

        @Override
        public ExecuteCommandResult execute(String resource, String command) {
            executed.add(resource + " " + command);
            long pid = snapshot.pid();
            set(ResourceSnapshot.of("apiservice", "Project", "Starting", null, snapshot.urls()));
            set(running(pid + 1, snapshot.urls()));
            return new ExecuteCommandResult(true, null);
        }

        private void set(ResourceSnapshot s) {
            snapshot = s;
            listeners.forEach(l -> l.accept(s.name()));
        }
    }

    @Test
    void theRestartButtonRunsTheCommandAndThePageShowsTheNewPid() throws Exception {
        assumeTrue(Browser.available(), Browser.missing());
        RestartingBackend backend = new RestartingBackend();
        try (DashboardServer server = DashboardServer.start(backend, new TelemetryStore(TelemetryLimits.defaults()),
                DashboardAuth.withToken("t0ken"), 0)) {
            WebDriver driver = Browser.open();
            try {
                driver.get(server.loginUrl());
                Browser.waitFor(driver, 20).until(ExpectedConditions.elementToBeClickable(
                        By.cssSelector("tr[data-resource='apiservice']"))).click();
                Browser.waitFor(driver, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("details"), "100"));
                assertThat(driver.findElement(By.id("details")).getText()).doesNotContain("hunter2");
                driver.findElement(By.cssSelector("tr[data-resource='apiservice'] button[data-command='resource-restart']"))
                        .click();
                Browser.waitFor(driver, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("details"), "101"));
                assertThat(backend.executed).containsExactly("apiservice resource-restart");
                assertThat(driver.findElement(By.cssSelector("tr[data-resource='apiservice'] .state")).getText())
                        .isEqualTo("Running");
            } finally {
                driver.quit();
            }
        }
    }

    @Test
    void theJsonApiNeedsTheToken() throws Exception {
        RestartingBackend backend = new RestartingBackend();
        try (DashboardServer server = DashboardServer.start(backend, new TelemetryStore(TelemetryLimits.defaults()),
                DashboardAuth.withToken("t0ken"), 0)) {
            HttpClient http = HttpClient.newHttpClient();
            URI resources = URI.create(server.url() + "/api/resources");
            assertThat(http.send(HttpRequest.newBuilder(resources).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(401);
            assertThat(http.send(HttpRequest.newBuilder(resources).header("Authorization", "Bearer wrong").build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
            var ok = http.send(HttpRequest.newBuilder(resources).header("Authorization", "Bearer t0ken").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).contains("\"name\":\"apiservice\"").contains("\"state\":\"Running\"");
            var command = http.send(HttpRequest.newBuilder(URI.create(server.url()
                    + "/api/resources/apiservice/commands/resource-restart")).header("Cookie", "apphost-dashboard=t0ken")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(command.statusCode()).isEqualTo(200);
            assertThat(backend.snapshot.pid()).isEqualTo(101L);
        }
        try (DashboardServer open = DashboardServer.start(backend, new TelemetryStore(TelemetryLimits.defaults()),
                DashboardAuth.unsecured(), 0)) {
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(open.url() + "/api/traces"))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(open.loginUrl()).isEqualTo(open.url());
        }
    }
}
