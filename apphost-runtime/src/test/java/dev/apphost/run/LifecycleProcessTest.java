package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.CommandResults;
import dev.apphost.DistributedApplication;
import dev.apphost.DistributedApplicationBuilder;
import dev.apphost.ExecuteCommandResult;
import dev.apphost.ExecutionContext;
import dev.apphost.HealthCheckResult;
import dev.apphost.KnownResourceCommands;
import dev.apphost.ResourceCommand;
import dev.apphost.ResourceSnapshot;
import dev.apphost.TestApps;
import dev.apphost.model.ValueExpression;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands, explicit start, completion waits and health reasons with real processes on loopback. */
class LifecycleProcessTest {

    static final Duration LONG = ProcessRunTest.LONG;

    @TempDir
    Path temp;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private Orchestrator orchestrator;

    private Orchestrator start(DistributedApplicationBuilder b) {
        DistributedApplication app = b.build();
        RunOptions options = RunOptions.from(app.configuration()).withShutdownTimeout(Duration.ofSeconds(3))
                .withConsole(new PrintStream(console, true, StandardCharsets.UTF_8), false);
        orchestrator = new Orchestrator(app.model(), ExecutionContext.run(), app.configuration(),
                app.appHostDirectory(), null, options);
        orchestrator.start();
        return orchestrator;
    }

    @AfterEach
    void stop() {
        if (orchestrator != null) {
            orchestrator.stop();
        }
    }

    private String output() {
        return console.toString(StandardCharsets.UTF_8);
    }

    private static String get(URI url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void restartKeepsThePortResolvesTheEnvironmentAgainAndStopLeavesDependentsRunning() throws Exception {
        var b = TestApps.builder(ProcessRunTest.resources(), Map.of());
        AtomicInteger generation = new AtomicInteger();
        var server = b.addExecutable("server", "sh", ".", "-c",
                        "echo \"GEN=$GEN\"; exec \"" + ProcessRunTest.java() + "\" Server.java")
                .withHttpEndpoint(null, null, "http", "PORT").withHttpHealthCheck("/")
                .withEnvironment(c -> c.environmentVariables().put("GEN",
                        ValueExpression.literal(Integer.toString(generation.incrementAndGet()))));
        b.addExecutable("client", "sleep", ".", "600").waitFor(server);
        Orchestrator o = start(b);
        o.notifications().waitForResourceHealthy("server", LONG);
        URI url = o.endpointUrl("server", "http");
        long firstPid = o.snapshot("server").pid();
        assertThat(get(url)).isEqualTo("hello from server");

        ExecuteCommandResult restarted = o.executeCommand("server", KnownResourceCommands.RESTART);
        assertThat(restarted.success()).as(restarted.errorMessage()).isTrue();
        o.notifications().waitForResourceHealthy("server", LONG);
        assertThat(o.snapshot("server").pid()).isNotEqualTo(firstPid);
        assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(o.endpointUrl("server", "http")).isEqualTo(url);
        assertThat(get(url)).isEqualTo("hello from server");
        assertThat(o.tail("server", 10)).contains("GEN=1", "GEN=2");

        ExecuteCommandResult stopped = o.executeCommand("server", KnownResourceCommands.STOP);
        assertThat(stopped.success()).isTrue();
        ResourceSnapshot s = o.snapshot("server");
        assertThat(s.state()).isEqualTo("Finished");
        assertThat(o.snapshot("client").state()).isEqualTo("Running");
        waitUntil(() -> o.snapshot("client").unavailableDependencies().equals(List.of("server")));
        assertThat(output()).containsOnlyOnce("[client] keeps running, but server, which it waits for, is Finished now.");
        assertThat(o.commands("server")).extracting(ResourceCommand::name, ResourceCommand::enabled).containsExactly(
                org.assertj.core.groups.Tuple.tuple("resource-start", true),
                org.assertj.core.groups.Tuple.tuple("resource-stop", false),
                org.assertj.core.groups.Tuple.tuple("resource-restart", true));

        assertThat(o.executeCommand("server", KnownResourceCommands.START).success()).isTrue();
        o.notifications().waitForResourceHealthy("server", LONG);
        waitUntil(() -> o.snapshot("client").unavailableDependencies().isEmpty());
        assertThat(o.tail("server", 10)).contains("GEN=3");
        // output never reaches the console before the Running line of its start
        String out = output();
        assertThat(out.indexOf("server | GEN=1")).isGreaterThan(out.indexOf("[server] Running"));
    }

    @Test
    void explicitStartAndCompletionWaitsWithAspiresMessages() throws Exception {
        Path marker = temp.resolve("seeded");
        var b = TestApps.builder(temp, Map.of());
        var migrate = b.addExecutable("migrate", "sh", ".", "-c", "echo migrating; exit 0");
        var broken = b.addExecutable("broken", "sh", ".", "-c", "exit 3");
        var seed = b.addExecutable("seed", "sh", ".", "-c", "touch seeded; echo seeded").withExplicitStart();
        b.addExecutable("api", "sleep", ".", "600").waitForCompletion(migrate);
        b.addExecutable("worker", "sleep", ".", "600").waitForCompletion(broken);
        b.addExecutable("picky", "sleep", ".", "600").waitForCompletion(broken, 3);
        b.addExecutable("reader", "sleep", ".", "600").waitForCompletion(seed);
        Orchestrator o = start(b);
        o.notifications().waitForResource("api", "Running", LONG);
        o.notifications().waitForResource("picky", "Running", LONG);
        o.notifications().waitForResource("worker", "FailedToStart", LONG);
        assertThat(o.snapshot("worker").message())
                .isEqualTo("Resource 'broken' has entered the 'Exited' state with exit code '3', expected '0'.");
        assertThat(o.snapshot("seed").state()).isEqualTo("NotStarted");
        assertThat(o.snapshot("reader").state()).isEqualTo("Waiting");
        assertThat(Files.exists(marker)).isFalse();
        waitUntil(() -> output().contains("apphost: resources failed: broken, worker"));

        ExecuteCommandResult started = o.executeCommand("seed", KnownResourceCommands.START);
        assertThat(started.success()).as(started.errorMessage()).isTrue();
        o.notifications().waitForResource("reader", "Running", LONG);
        assertThat(o.snapshot("seed").state()).isEqualTo("Finished");
        assertThat(Files.exists(marker)).isTrue();
    }

    @Test
    void healthReasonsCustomChecksAndCustomCommandsAreVisible() throws Exception {
        var b = TestApps.builder(ProcessRunTest.resources(), Map.of());
        List<String> touched = new CopyOnWriteArrayList<>();
        b.addExecutable("server", ProcessRunTest.java(), ".", "Server.java")
                .withHttpEndpoint(null, null, "http", "PORT").withHttpHealthCheck("/", 204, "http")
                .withCommand("touch", "Touch it", context -> {
                    touched.add(context.resourceName() + " " + context.snapshot().state());
                    return CommandResults.success();
                });
        b.addExecutable("silent", "sleep", ".", "600").withHttpEndpoint().withHttpHealthCheck("/health");
        b.addExecutable("custom", "sleep", ".", "600")
                .withHealthCheck("migrated", () -> {
                    throw new IllegalStateException("schema version 3, expected 4");
                })
                .withHealthCheck("fine", HealthCheckResult::healthy);
        Orchestrator o = start(b);
        int port = o.endpointUrl("server", "http").getPort();
        waitUntil(() -> ("HTTP 200 from http://localhost:" + port + "/").equals(o.snapshot("server").healthReason()));
        waitUntil(() -> "connection refused".equals(o.snapshot("silent").healthReason()));
        waitUntil(() -> "schema version 3, expected 4".equals(o.snapshot("custom").healthReason()));
        assertThat(o.snapshot("server").state()).isEqualTo("Running");
        assertThat(o.snapshot("server").health()).isEqualTo("Unhealthy");

        assertThat(o.commands("server")).extracting(ResourceCommand::name).containsExactly("resource-start",
                "resource-stop", "resource-restart", "touch");
        assertThat(o.commands("server").get(3)).isEqualTo(new ResourceCommand("touch", "Touch it", true));
        assertThat(o.executeCommand("server", "touch").success()).isTrue();
        assertThat(touched).containsExactly("server Running");
        assertThat(o.executeCommand("server", "nope").errorMessage()).isEqualTo(
                "Resource 'server' has no command 'nope'. Its commands are: resource-start, resource-stop, "
                        + "resource-restart, touch.");
        o.executeCommand("server", KnownResourceCommands.STOP);
        assertThat(o.commands("server").get(3).enabled()).isFalse();
        assertThat(o.executeCommand("server", "touch").success()).isFalse();
    }

    /** Waits (up to a minute: the machine may be busy) until {@code condition} holds. */
    static void waitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
