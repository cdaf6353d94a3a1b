package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apphost.DistributedApplication;
import dev.apphost.TestApps;
import dev.apphost.model.ComputeResource;
import dev.apphost.model.ComputeSettings;
import dev.apphost.model.Endpoint;
import dev.apphost.model.EnvironmentEntry;
import dev.apphost.model.ExecutableResource;
import dev.apphost.model.ValueExpression;
import dev.apphost.run.proxy.EndpointProxies;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** withReplicas and proxied endpoints with real processes behind the AppHost's proxy. */
class ReplicasRunTest {

    @Test
    void twoReplicasServeBehindOneHostPort() throws Exception {
        var b = TestApps.builder(ProcessRunTest.resources(), Map.of());
        b.addExecutable("pids", ProcessRunTest.java(), ".", "PidServer.java")
                .withHttpEndpoint(null, null, "http", "PORT").withHttpHealthCheck("/").withReplicas(2);
        try (DistributedApplication app = b.build()) {
            app.start();
            app.resourceNotifications().waitForResourceHealthy("pids", ProcessRunTest.LONG);
            URI url = app.getEndpoint("pids", "http");
            Set<String> answers = new HashSet<>();
            // healthy = one replica answers through the proxy; the other may still be compiling its source
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (answers.size() < 2 && System.nanoTime() < deadline) {
                answers.add(get(url)); // a new client per request: a new connection, so the next replica
            }
            for (int i = 0; i < 4; i++) {
                answers.add(get(url));
            }
            assertThat(answers).hasSize(2);
            Set<String> pids = new HashSet<>();
            Set<String> ports = new HashSet<>();
            for (String answer : answers) {
                pids.add(answer.replaceAll("pid=(\\d+).*", "$1"));
                ports.add(answer.replaceAll(".*port=(\\d+)", "$1"));
            }
            assertThat(pids).hasSize(2);
            assertThat(ports).hasSize(2).doesNotContain(Integer.toString(url.getPort()));
            assertThat(ProcessRunTest.logged(app, "pids", "[pids-0] PID-SERVER pid=")).isTrue();
            assertThat(ProcessRunTest.logged(app, "pids", "[pids-1] PID-SERVER pid=")).isTrue();
            assertThat(app.resourceSnapshot("pids").state()).isEqualTo("Running");
            for (String pid : pids) {
                assertThat(ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive)).contains(true);
            }
        }
    }

    @Test
    void aRestartCommandKeepsTheProxiedHostPortAndTheRunClosesTheProxyAtStop() throws Exception {
        var b = TestApps.builder(ProcessRunTest.resources(), Map.of());
        b.addExecutable("pids", ProcessRunTest.java(), ".", "PidServer.java")
                .withHttpEndpoint(null, null, "http", "PORT").withHttpHealthCheck("/")
                .withEndpoint("http", e -> e.isProxied(true));
        DistributedApplication app = b.build();
        Orchestrator o = new Orchestrator(app.model(), dev.apphost.ExecutionContext.run(), app.configuration(),
                app.appHostDirectory(), null,
                RunOptions.from(app.configuration()).withShutdownTimeout(Duration.ofSeconds(3)));
        URI url;
        try {
            o.start();
            o.notifications().waitForResourceHealthy("pids", ProcessRunTest.LONG);
            url = o.endpointUrl("pids", "http");
            String first = get(url);

            CompletableFuture<dev.apphost.ExecuteCommandResult> restart = CompletableFuture.supplyAsync(
                    () -> o.executeCommand("pids", dev.apphost.KnownResourceCommands.RESTART));
            String during = get(url); // the old process, or held by the proxy until the new one listens
            dev.apphost.ExecuteCommandResult result = restart.join();
            assertThat(result.success()).as(result.errorMessage()).isTrue();
            o.notifications().waitForResourceHealthy("pids", ProcessRunTest.LONG);

            assertThat(during).startsWith("pid=");
            assertThat(o.endpointUrl("pids", "http")).isEqualTo(url);
            String after = get(url);
            assertThat(after.replaceAll("pid=(\\d+).*", "$1")).isNotEqualTo(first.replaceAll("pid=(\\d+).*", "$1"));
        } finally {
            o.stop();
        }
        try (java.net.Socket socket = new java.net.Socket()) {
            assertThatThrownBy(() -> socket.connect(new java.net.InetSocketAddress("127.0.0.1", url.getPort()), 2000))
                    .as("the run's proxies close when the app stops").isInstanceOf(IOException.class);
        }
    }

    @Test
    void aFixedTargetPortWithReplicasIsRejectedNamingTheFix() {
        var b = TestApps.builder(java.nio.file.Path.of("."), Map.of());
        b.addExecutable("api", "true", ".").withHttpEndpoint(null, 41999, "http").withReplicas(2);
        try (DistributedApplication app = b.build()) {
            app.start();
            assertThat(app.resourceSnapshot("api").state()).isEqualTo("FailedToStart");
            assertThat(app.resourceSnapshot("api").message()).contains("'api' has 2 replicas")
                    .contains("cannot have a fixed targetPort (41999)").contains("Remove targetPort");
        }
        assertThatThrownBy(() -> TestApps.builder(java.nio.file.Path.of("."), Map.of())
                .addExecutable("x", "true", ".").withReplicas(0))
                .hasMessageContaining("'x': withReplicas(0) is not a valid replica count");
    }

    @Test
    void aProxiedEndpointKeepsItsPortAndHoldsConnectionsAcrossARestart() throws Exception {
        Endpoint http = Endpoint.of("http", "http", null, null, "PORT").withProxied(true);
        ComputeResource server = new ExecutableResource("server", ProcessRunTest.java(), ProcessRunTest.resources(),
                new ComputeSettings(List.of(http), List.of(new EnvironmentEntry.Variable("PORT",
                        new ValueExpression.EndpointProperty("server", "http", ValueExpression.Property.TARGET_PORT))),
                        List.of(), List.of(), null, false));
        EndpointAllocation allocation = EndpointAllocation.allocate(List.of(server), new PortAllocator());
        var endpoint = allocation.find("server", "http");
        assertThat(endpoint.hostPort()).isNotEqualTo(endpoint.targetPort());
        allocation.release("server"); // as LaunchRequestResolver does right before the start: the ports are bindable
        LaunchRequest request = new LaunchRequest(Map.of("PORT", Integer.toString(endpoint.targetPort())),
                List.of("PidServer.java"), allocation.of("server"));
        try (EndpointProxies proxies = new EndpointProxies(Duration.ofSeconds(30));
                ProcessExecutor executor = new ProcessExecutor(new TargetClassesLaunchResolver(), true, proxies)) {
            URI url = URI.create(endpoint.url(dev.apphost.plan.Network.HOST) + "/");
            RunningResource first = executor.start(server, request, (s, t) -> { });
            String before = awaitAnswer(url);
            first.stop(Duration.ofSeconds(5));
            // the resource is down: a request now is accepted by the proxy and held
            CompletableFuture<String> held = CompletableFuture.supplyAsync(() -> {
                try {
                    return get(url);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertThat(held).isNotDone();
            RunningResource second = executor.start(server, request, (s, t) -> { });
            String after = held.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(after).isNotEqualTo(before).endsWith("port=" + endpoint.targetPort());
            assertThat(proxies.find("server", "http").port()).isEqualTo(endpoint.hostPort());
            second.stop(Duration.ofSeconds(5));
        }
    }

    static String awaitAnswer(URI url) throws Exception {
        return get(url); // the proxy holds the request until the server listens
    }

    static String get(URI url) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(40)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
