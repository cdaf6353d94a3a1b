package dev.apphost.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apphost.DistributedApplication;
import dev.apphost.DistributedApplicationBuilder;
import dev.apphost.ExecutionContext;
import dev.apphost.TestApps;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The orchestrator's logic with a fake executor: order, states, failures, shutdown. */
class OrchestratorTest {

    private final FakeExecutor fake = new FakeExecutor();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private Orchestrator orchestrator;

    private Orchestrator orchestrator(DistributedApplicationBuilder b) {
        DistributedApplication app = b.build();
        RunOptions options = RunOptions.defaults().withExecutors(List.of(fake)).withReaper(() -> ProcessReaper.NONE)
                .withConsole(new PrintStream(console, true, StandardCharsets.UTF_8), false);
        orchestrator = new Orchestrator(app.model(), ExecutionContext.run(), app.configuration(), Path.of("/tmp/ah"),
                null, options);
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

    @Test
    void startsDependenciesFirstAndStopsDependentsFirst() {
        var b = TestApps.builder(Map.of());
        var db = b.addExecutable("db", "x", ".");
        var api = b.addExecutable("api", "x", ".").withHttpEndpoint().waitFor(db);
        b.addExecutable("web", "x", ".").withReference(api).waitFor(api);
        b.addExecutable("lonely", "x", ".");
        Orchestrator o = orchestrator(b);
        o.start();
        o.notifications().waitForResource("web", "Running", Duration.ofSeconds(5));
        waitFor(() -> output().contains(ConsoleReporter.ALL_READY));
        assertThat(fake.started.indexOf("db")).isLessThan(fake.started.indexOf("api"));
        assertThat(fake.started.indexOf("api")).isLessThan(fake.started.indexOf("web"));
        o.stop();
        assertThat(fake.stopped).containsAll(List.of("db", "api", "web", "lonely"));
        assertThat(fake.stopped.indexOf("web")).isLessThan(fake.stopped.indexOf("api"));
        assertThat(fake.stopped.indexOf("api")).isLessThan(fake.stopped.indexOf("db"));
        assertThat(o.snapshot("web").state()).isEqualTo("Finished");
        assertThat(o.snapshot("web").exitCode()).isEqualTo(143);
        assertThat(output()).contains("Distributed application starting.", "Application host directory is: /tmp/ah",
                "[db] Running", "Distributed application started. Press Ctrl+C to shut down.",
                "apphost: all resources ready", "db | hello from db");
        assertThat(o.tail("db", 1)).containsExactly("hello from db");
    }

    @Test
    void referencesAlsoOrderTheShutdown() {
        var b = TestApps.builder(Map.of());
        var api = b.addExecutable("api", "x", ".").withHttpEndpoint();
        b.addExecutable("web", "x", ".").withReference(api);
        Orchestrator o = orchestrator(b);
        o.start();
        o.stop();
        assertThat(fake.stopped).containsExactly("web", "api");
    }

    @Test
    void aFailedDependencyFailsItsDependentsWithAspiresMessages() {
        var b = TestApps.builder(Map.of());
        var db = b.addExecutable("db", "x", ".");
        var crash = b.addExecutable("crash", "x", ".");
        b.addExecutable("api", "x", ".").waitFor(db);
        b.addExecutable("worker", "x", ".").waitFor(crash);
        b.addExecutable("other", "x", ".");
        fake.failOnStart.put("db", "no such program");
        fake.exitImmediately.put("crash", 3);
        Orchestrator o = orchestrator(b);
        o.start();
        o.notifications().waitForResource("worker", "FailedToStart", Duration.ofSeconds(5));
        assertThat(o.snapshot("db").state()).isEqualTo("FailedToStart");
        assertThat(o.snapshot("db").message()).isEqualTo("no such program");
        assertThat(o.snapshot("api").state()).isEqualTo("FailedToStart");
        assertThat(o.snapshot("api").message()).isEqualTo("Dependency resource 'db' failed to start.");
        assertThat(o.snapshot("crash").state()).isEqualTo("Exited");
        assertThat(o.snapshot("crash").exitCode()).isEqualTo(3);
        assertThat(o.snapshot("crash").message()).contains("exited with code 3").contains("dying crash");
        assertThat(o.snapshot("worker").message()).isEqualTo("Resource 'crash' has entered the 'Exited' state prematurely.");
        assertThat(o.snapshot("other").state()).isEqualTo("Running");
        waitFor(() -> output().contains("apphost: resources failed: "));
        assertThat(output()).contains("apphost: resources failed: db, crash, api, worker");
    }

    @Test
    void aMissingParameterFailsOnlyItsUsers() {
        var b = TestApps.builder(Map.of());
        var secret = b.addParameter("secret", true);
        b.addExecutable("user", "x", ".").withEnvironment("SECRET", secret);
        b.addExecutable("bystander", "x", ".");
        Orchestrator o = orchestrator(b);
        o.start();
        assertThat(o.snapshot("secret").state()).isEqualTo("Value missing");
        assertThat(o.snapshot("user").state()).isEqualTo("FailedToStart");
        assertThat(o.snapshot("user").message()).contains("'secret'").contains(
                "Parameter resource could not be used because configuration key 'Parameters:secret' is missing "
                        + "and the Parameter has no default value.");
        assertThat(o.snapshot("bystander").state()).isEqualTo("Running");
    }

    @Test
    void resolvedEnvironmentAndArgsReachTheExecutor() {
        var b = TestApps.builder(Map.of("Parameters__greeting", "hi"));
        var greeting = b.addParameter("greeting");
        var api = b.addExecutable("api", "x", ".").withHttpEndpoint(null, null, "http", "PORT");
        b.addExecutable("web", "x", ".").withReference(api).withArgs(greeting).withArgs("--x");
        Orchestrator o = orchestrator(b);
        o.start();
        int port = o.endpointUrl("api", "http").getPort();
        assertThat(fake.requests.get("api").environment()).containsEntry("PORT", Integer.toString(port));
        assertThat(fake.requests.get("web").environment())
                .containsEntry("services__api__http__0", "http://localhost:" + port);
        assertThat(fake.requests.get("web").args()).containsExactly("hi", "--x");
        assertThat(o.snapshot("api").urls()).containsExactly("http://localhost:" + port);
    }

    @Test
    void containersWithoutAnExecutorFailToStartClearly() {
        var b = TestApps.builder(Map.of());
        b.addContainer("nginx", "nginx", "1").withHttpEndpoint(null, 80, "http");
        DistributedApplication app = b.build();
        RunOptions options = RunOptions.defaults().withExecutors(List.of(new ProcessExecutor()))
                .withReaper(() -> ProcessReaper.NONE)
                .withConsole(new PrintStream(console, true, StandardCharsets.UTF_8), false);
        orchestrator = new Orchestrator(app.model(), ExecutionContext.run(), app.configuration(), Path.of("."), null,
                options);
        orchestrator.start();
        assertThat(orchestrator.snapshot("nginx").state()).isEqualTo("FailedToStart");
        assertThat(orchestrator.snapshot("nginx").message()).contains("container");
    }

    @Test
    void waitTimeoutNamesTheState() {
        var b = TestApps.builder(Map.of());
        b.addExecutable("api", "x", ".").withHttpEndpoint().withHttpHealthCheck("/health");
        Orchestrator o = orchestrator(b);
        o.start();
        assertThatThrownBy(() -> o.notifications().waitForResourceHealthy("api", Duration.ofSeconds(3)))
                .hasMessageContaining("'api'").hasMessageContaining("'Running'")
                .hasMessageContaining("(Unhealthy: connection refused)");
    }

    @Test
    void subscribersSeeEveryLineAndEveryChangeInOrderAndOutputFollowsTheRunningLine() {
        var b = TestApps.builder(Map.of());
        b.addExecutable("api", "x", ".");
        Orchestrator o = orchestrator(b);
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> states = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (var logs = o.logs().subscribe("api", line -> lines.add(line.text()));
                var changes = o.notifications().subscribe(s -> states.add(s.name() + ":" + s.state()))) {
            o.start();
            assertThat(o.executeCommand("api", dev.apphost.KnownResourceCommands.RESTART).success()).isTrue();
            waitFor(() -> lines.size() == 2 && states.size() == 7);
        }
        assertThat(lines).containsExactly("hello from api", "hello from api");
        assertThat(states).containsExactly("api:NotStarted", "api:Starting", "api:Running", "api:Stopping",
                "api:Finished", "api:Starting", "api:Running");
        assertThat(output().indexOf("[api] Running")).isLessThan(output().indexOf("api | hello from api"));
        assertThat(o.lines("api")).hasSize(2);
    }

    @Test
    void shutdownTimeoutComesFromConfiguration() {
        var config = dev.apphost.Configuration.of(Map.of(), Map.of(), Map.of("AppHost__ShutdownTimeout", "1.5"),
                List.of());
        assertThat(RunOptions.from(config).shutdownTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(RunOptions.defaults().shutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    static void waitFor(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
