package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.DistributedApplication;
import dev.apphost.ResourceSnapshot;
import dev.apphost.TestApps;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes on loopback. */
class ProcessRunTest {

    static final Duration LONG = Duration.ofSeconds(90);

    static Path resources() throws Exception {
        return Path.of(ProcessRunTest.class.getResource("/run/Server.java").toURI()).getParent();
    }

    static String java() {
        return ProcessExecutor.javaExecutable();
    }

    static boolean logged(DistributedApplication app, String resource, String text) {
        return app.resourceLogs().lines(resource).stream().anyMatch(l -> l.text().contains(text));
    }

    @Test
    void aConsumerReachesTheServerItReferencesAfterItIsHealthy() throws Exception {
        var b = TestApps.builder(resources(), Map.of());
        var server = b.addExecutable("server", java(), ".", "Server.java")
                .withHttpEndpoint(null, null, "http", "PORT").withHttpHealthCheck("/");
        b.addExecutable("consumer", java(), ".", "Consumer.java").withReference(server).waitFor(server);
        try (DistributedApplication app = b.build()) {
            app.start();
            app.resourceNotifications().waitForResource("consumer", "Finished", LONG);
            URI url = app.getEndpoint("server", "http");
            assertThat(logged(app, "consumer", "CONSUMER-REACHED hello from server")).isTrue();
            assertThat(logged(app, "consumer", "CONSUMER-SEES " + url + " " + url)).isTrue();
            LogLine listening = app.resourceLogs().lines("server").get(0);
            LogLine consumerFirst = app.resourceLogs().lines("consumer").get(0);
            assertThat(listening.timestamp()).isBefore(consumerFirst.timestamp());
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(body).isEqualTo("hello from server");
            assertThat(app.resourceSnapshot("server").isHealthy()).isTrue();
            assertThat(app.resourceSnapshot("consumer").exitCode()).isZero();
        }
    }

    @Test
    void aReactorModuleRunsAsItsOwnJvm(@TempDir Path dir) throws Exception {
        TestModules.create(dir.resolve("demo"), "demo.Main");
        var b = TestApps.builder(dir, Map.of());
        b.addProject("proj", "demo").withHttpHealthCheck("/health").withArgs("a1", "a2");
        try (DistributedApplication app = b.build()) {
            app.start();
            app.resourceNotifications().waitForResourceHealthy("proj", LONG);
            int port = app.getEndpoint("proj", "http").getPort();
            assertThat(logged(app, "proj", "PROJECT-STARTED server.port=" + port + " otel=proj args=a1,a2")).isTrue();
        }
    }

    @Test
    void aCrashIsReportedWithItsLastLinesAndTheHostKeepsRunning(@TempDir Path dir) throws Exception {
        var b = TestApps.builder(dir, Map.of());
        b.addExecutable("crash", "sh", ".", "-c", "echo first; echo last words >&2; exit 7");
        b.addExecutable("steady", "sleep", ".", "60");
        try (DistributedApplication app = b.build()) {
            app.start();
            app.resourceNotifications().waitForResource("crash", "Exited", LONG);
            ResourceSnapshot crash = app.resourceSnapshot("crash");
            assertThat(crash.exitCode()).isEqualTo(7);
            assertThat(crash.message()).contains("exited with code 7").contains("first").contains("last words");
            assertThat(app.resourceNotifications().state("steady")).isEqualTo("Running");
        }
    }

    @Test
    void anUnknownCommandFailsToStartNamingThePath(@TempDir Path dir) {
        var b = TestApps.builder(dir, Map.of());
        b.addExecutable("ghost", "no-such-program-xyz", ".");
        b.addExecutable("relative", "./missing.sh", ".");
        b.addExecutable("fine", "true", ".");
        try (DistributedApplication app = b.build()) {
            app.start();
            assertThat(app.resourceSnapshot("ghost").state()).isEqualTo("FailedToStart");
            assertThat(app.resourceSnapshot("ghost").message()).contains("'no-such-program-xyz'").contains("'ghost'")
                    .contains("PATH (" + System.getenv("PATH") + ")");
            assertThat(app.resourceSnapshot("relative").message()).contains(dir.resolve("missing.sh").toString());
            app.resourceNotifications().waitForResource("fine", "Finished", LONG);
        }
    }

    @Test
    void aMissingParameterFailsItsUserOnly(@TempDir Path dir) {
        var b = TestApps.builder(dir, Map.of());
        var secret = b.addParameter("secret", true);
        b.addExecutable("user", "sleep", ".", "60").withEnvironment("SECRET", secret);
        b.addExecutable("other", "sleep", ".", "60");
        try (DistributedApplication app = b.build()) {
            app.start();
            assertThat(app.resourceNotifications().state("secret")).isEqualTo("Value missing");
            assertThat(app.resourceSnapshot("user").state()).isEqualTo("FailedToStart");
            assertThat(app.resourceSnapshot("user").message()).contains("configuration key 'Parameters:secret' is missing");
            assertThat(app.resourceNotifications().state("other")).isEqualTo("Running");
        }
    }

    @Test
    void closeStopsTheWholeProcessTree(@TempDir Path dir) throws Exception {
        var b = TestApps.builder(dir, Map.of());
        b.addExecutable("tree", "sh", ".", "-c", "sleep 301 & sleep 302 & wait");
        List<ProcessHandle> processes = new ArrayList<>();
        DistributedApplication app = b.build();
        try (app) {
            app.start();
            ProcessHandle root = ProcessHandle.of(app.resourceSnapshot("tree").pid()).orElseThrow();
            OrchestratorTest.waitFor(() -> root.descendants().count() >= 2);
            processes.add(root);
            root.descendants().forEach(processes::add);
            assertThat(processes).hasSizeGreaterThanOrEqualTo(3);
        }
        assertThat(processes).noneMatch(ProcessHandle::isAlive);
        assertThat(app.resourceSnapshot("tree").state()).isEqualTo("Finished");
        assertThat(app.resourceSnapshot("tree").message()).isNull();
    }
}
