package dev.apphost.dashboard;

import static dev.apphost.containers.EngineTestSupport.BUSYBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apphost.DistributedApplication;
import dev.apphost.DistributedApplicationException;
import dev.apphost.TestApps;
import dev.apphost.containers.ContainerEngine;
import dev.apphost.containers.EngineTestSupport;
import dev.apphost.containers.ManagedContainer;
import dev.apphost.containers.ResourceLabels;
import dev.apphost.otlp.ContainerListenAddress;
import dev.apphost.otlp.TelemetryData.LogEntry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real container sends OTLP/JSON with nothing but the variables it was given
 * ({@code OTEL_EXPORTER_OTLP_ENDPOINT}, {@code _HEADERS}, {@code OTEL_SERVICE_NAME}): it reaches the
 * receiver through {@code host.docker.internal}, and the dashboard stores it under the resource's name.
 */
@Tag("docker")
class ContainerTelemetryTest {

    /** Posts one log record and one span, retrying until the receiver answers, then prints the outcome. */
    static final String REPORTER = """
            H="${OTEL_EXPORTER_OTLP_HEADERS%%=*}: ${OTEL_EXPORTER_OTLP_HEADERS#*=}"
            NOW="$(date +%s)000000000"
            RES='{"attributes":[{"key":"service.name","value":{"stringValue":"'"$OTEL_SERVICE_NAME"'"}}]}'
            LOG='{"resourceLogs":[{"resource":'"$RES"',"scopeLogs":[{"logRecords":[{"timeUnixNano":"'"$NOW"'","severityNumber":9,"body":{"stringValue":"hello from a container"}}]}]}]}'
            SPAN='{"resourceSpans":[{"resource":'"$RES"',"scopeSpans":[{"spans":[{"traceId":"5b8efff798038103d269b633813fc60c","spanId":"eee19b7ec3c1b174","name":"container-work","kind":1,"startTimeUnixNano":"'"$NOW"'","endTimeUnixNano":"'"$NOW"'"}]}]}]}'
            post() { wget -q -O /dev/null --header "$H" --header "Content-Type: application/json" --post-data "$2" "$OTEL_EXPORTER_OTLP_ENDPOINT/v1/$1"; }
            echo "endpoint=$OTEL_EXPORTER_OTLP_ENDPOINT"
            echo "gateway=$(grep -w host.docker.internal /etc/hosts | cut -f1)"
            for i in $(seq 1 $TRIES); do post logs "$LOG" && post traces "$SPAN" && echo SENT && break; sleep 0.5; done
            echo DONE; sleep 600
            """;

    @TempDir
    Path temp;
    private ContainerEngine engine;
    private String appName;
    private DistributedApplication app;

    @BeforeEach
    void engine() {
        engine = EngineTestSupport.engineOrSkip();
        EngineTestSupport.requireImages(engine, BUSYBOX);
        appName = "otlp-" + EngineTestSupport.randomSuffix();
    }

    @AfterEach
    void cleanUp() {
        if (app != null) {
            app.close();
        }
        Map<String, String> mine = Map.of(ResourceLabels.MANAGED, "true", ResourceLabels.APP, appName);
        List<ManagedContainer> left = engine.listContainers(mine);
        engine.removeAll(mine);
        engine.close();
        assertThat(left).as("containers left after close()").isEmpty();
    }

    private DashboardHost start(int tries, String... args) throws IOException {
        var b = TestApps.builder(Files.createDirectories(temp.resolve(appName)), Map.of(), args);
        b.addContainer("reporter", "local/busybox", "1").withEntrypoint("/bin/sh").withArgs("-c", REPORTER)
                .withEnvironment("TRIES", Integer.toString(tries));
        app = b.build();
        app.start();
        return app.dashboard().orElseThrow();
    }

    @Test
    void aContainerReportsToTheDashboardThroughHostDockerInternal() throws Exception {
        DashboardHost dashboard = start(60, "--Dashboard:Enabled=true", "--Dashboard:Unsecured=true");
        waitUntil(() -> logged("DONE"), Duration.ofSeconds(60));
        assertThat(lines()).contains("endpoint=http://host.docker.internal:"
                + URI.create(dashboard.otlpEndpoint()).getPort(), "SENT");
        List<LogEntry> logs = dashboard.telemetry().logs(e -> true, 10);
        assertThat(logs).singleElement().satisfies(e -> {
            assertThat(e.service()).isEqualTo("reporter");
            assertThat(e.body()).isEqualTo("hello from a container");
        });
        assertThat(dashboard.telemetry().traces("reporter")).singleElement()
                .satisfies(t -> assertThat(t.rootName()).isEqualTo("container-work"));

        // the pages stay on loopback: their links answer there, and the bridge address does not serve them
        var page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(dashboard.url() + "/api/traces"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("container-work").contains("\"rootService\":\"reporter\"");
        InetSocketAddress bridge = dashboard.otlpAddresses().get(1);
        assertThat(lines()).as("the receiver listens where host-gateway points")
                .contains("gateway=" + bridge.getAddress().getHostAddress());
        int pagesPort = URI.create(dashboard.url()).getPort();
        assertThatThrownBy(() -> new Socket(bridge.getAddress(), pagesPort).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void withTheReceiverOnLoopbackOnlyTheContainerCannotReachIt() throws Exception {
        DashboardHost dashboard = start(3, "--Dashboard:Enabled=true", "--Dashboard:Unsecured=true",
                "--" + ContainerListenAddress.KEY + "=none");
        waitUntil(() -> logged("DONE"), Duration.ofSeconds(60));
        assertThat(dashboard.otlpAddresses()).hasSize(1);
        assertThat(lines()).doesNotContain("SENT");
        assertThat(dashboard.telemetry().logs(e -> true, 10)).isEmpty();
    }

    @Test
    void theAddressIsConfiguredOrTheDockerBridge() {
        assertThat(ContainerListenAddress.resolve("none")).isEmpty();
        assertThat(ContainerListenAddress.resolve("0.0.0.0")).hasValueSatisfying(a -> assertThat(a.isAnyLocalAddress()).isTrue());
        assertThatThrownBy(() -> ContainerListenAddress.resolve("no such host.invalid"))
                .isInstanceOf(DistributedApplicationException.class).hasMessageContaining(ContainerListenAddress.KEY);
    }

    private List<String> lines() {
        return app.resourceLogs().lines("reporter").stream().map(l -> l.text()).toList();
    }

    private boolean logged(String text) {
        return app.resourceLogs().lines("reporter").stream().anyMatch(l -> l.text().contains(text));
    }

    private static void waitUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }
}
