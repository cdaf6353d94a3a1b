package dev.apphost.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apphost.DistributedApplication;
import dev.apphost.DistributedApplicationException;
import dev.apphost.TestApps;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's switches, and the OpenTelemetry variables a real process receives. */
class DashboardHostTest {

    @Test
    void startLeavesTheDashboardOffUnlessAsked(@TempDir Path dir) {
        var b = TestApps.builder(dir, Map.of());
        b.addExecutable("env", "sh", ".", "-c", "echo endpoint=$OTEL_EXPORTER_OTLP_ENDPOINT");
        try (DistributedApplication app = b.build()) {
            app.start();
            app.resourceNotifications().waitForResource("env", "Finished", Duration.ofSeconds(30));
            assertThat(app.dashboard()).isEmpty();
            assertThat(app.resourceLogs().tail("env", 1)).containsExactly("endpoint=");
        }
    }

    @Test
    void anUnsecuredDashboardGivesEveryProcessTheOtlpEndpoint(@TempDir Path dir) throws Exception {
        var b = TestApps.builder(dir, Map.of(), "--Dashboard:Enabled=true", "--Dashboard:Unsecured=true");
        b.addExecutable("env", "sh", ".", "-c",
                "echo \"$OTEL_EXPORTER_OTLP_ENDPOINT|$OTEL_SERVICE_NAME|$OTEL_EXPORTER_OTLP_HEADERS\"; sleep 30");
        try (DistributedApplication app = b.build()) {
            app.start();
            DashboardHost dashboard = app.dashboard().orElseThrow();
            assertThat(dashboard.loginUrl()).isEqualTo(dashboard.url());
            app.resourceNotifications().waitForResource("env", "Running", Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (app.resourceLogs().lines("env").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(app.resourceLogs().tail("env", 1)).singleElement().asString()
                    .startsWith(dashboard.otlpEndpoint() + "|env|x-otlp-api-key=");
            var resources = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(dashboard.url()
                    + "/api/resources/env")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(resources.statusCode()).isEqualTo(200);
            assertThat(resources.body()).contains("OTEL_TRACES_SAMPLER").contains("always_on");
        }
    }

    @Test
    void aSwitchThatIsNotABooleanIsAnError(@TempDir Path dir) {
        var b = TestApps.builder(dir, Map.of(), "--Dashboard:Enabled=yes");
        assertThatThrownBy(() -> DashboardHost.enabled(b.configuration(), true))
                .isInstanceOf(DistributedApplicationException.class)
                .hasMessageContaining("Dashboard:Enabled").hasMessageContaining("'yes'");
    }
}
