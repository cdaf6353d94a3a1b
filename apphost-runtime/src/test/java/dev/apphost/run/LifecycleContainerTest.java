package dev.apphost.run;

import static dev.apphost.containers.EngineTestSupport.BUSYBOX;
import static dev.apphost.containers.EngineTestSupport.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.DistributedApplication;
import dev.apphost.ExecuteCommandResult;
import dev.apphost.KnownResourceCommands;
import dev.apphost.TestApps;
import dev.apphost.containers.ContainerEngine;
import dev.apphost.containers.EngineTestSupport;
import dev.apphost.containers.ManagedContainer;
import dev.apphost.containers.ResourceLabels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands, explicit start, completion waits and health reasons of containers on the real engine
 * (local/httpd:1, local/busybox:1). Skipped, with the locator's reason, when no engine answers.
 */
@Tag("docker")
class LifecycleContainerTest {

    static final Duration LONG = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    private ContainerEngine engine;
    private String appName;
    private DistributedApplication app;

    @BeforeEach
    void engine() {
        engine = EngineTestSupport.engineOrSkip();
        EngineTestSupport.requireImages(engine, BUSYBOX, HTTPD);
        appName = "lctest-" + EngineTestSupport.randomSuffix();
    }

    @AfterEach
    void cleanUp() {
        if (app != null) {
            app.close();
        }
        if (engine != null) {
            Map<String, String> mine = Map.of(ResourceLabels.MANAGED, "true", ResourceLabels.APP, appName);
            List<ManagedContainer> left = engine.listContainers(mine);
            engine.removeAll(mine);
            engine.close();
            assertThat(left).as("containers left after close()").isEmpty();
        }
    }

    private List<String> containersOf(String resource) {
        return engine.listContainers(Map.of(ResourceLabels.APP, appName)).stream()
                .filter(c -> c.name().startsWith(resource + "-")).map(ManagedContainer::name).toList();
    }

    @Test
    void stopStartAndRestartKeepTheHostPortAndHealthShowsItsReason() throws Exception {
        var b = TestApps.builder(Files.createDirectories(temp.resolve(appName)), Map.of());
        b.addContainer("web", "local/httpd", "1").withHttpEndpoint(null, 80, "http").withHttpHealthCheck("/");
        b.addContainer("lost", "local/httpd", "1").withHttpEndpoint(null, 80, "http").withHttpHealthCheck("/nope");
        app = b.build();
        app.start();
        app.resourceNotifications().waitForResourceHealthy("web", LONG);
        String url = app.getEndpoint("web", "http").toString();
        assertThat(EngineTestSupport.httpGet(url)).contains("local/httpd:1");
        List<String> first = containersOf("web");
        assertThat(first).hasSize(1);
        int lostPort = app.getEndpoint("lost", "http").getPort();
        LifecycleProcessTest.waitUntil(() -> ("HTTP 404 from http://127.0.0.1:" + lostPort + "/nope")
                .equals(app.resourceSnapshot("lost").healthReason()));
        assertThat(app.resourceSnapshot("lost").state()).isEqualTo("Running");
        assertThat(app.resourceSnapshot("lost").health()).isEqualTo("Unhealthy");

        ExecuteCommandResult stopped = app.resourceCommands().executeCommand("web", KnownResourceCommands.STOP);
        assertThat(stopped.success()).isTrue();
        assertThat(app.resourceSnapshot("web").state()).isEqualTo("Finished");
        assertThat(containersOf("web")).isEmpty();

        assertThat(app.resourceCommands().executeCommand("web", KnownResourceCommands.START).success()).isTrue();
        app.resourceNotifications().waitForResourceHealthy("web", LONG);
        assertThat(app.getEndpoint("web", "http").toString()).isEqualTo(url);
        assertThat(EngineTestSupport.httpGet(url)).contains("local/httpd:1");

        ExecuteCommandResult restarted = app.resourceCommands().executeCommand("web", KnownResourceCommands.RESTART);
        assertThat(restarted.success()).as(restarted.errorMessage()).isTrue();
        app.resourceNotifications().waitForResourceHealthy("web", LONG);
        assertThat(EngineTestSupport.httpGet(url)).contains("local/httpd:1");
        List<String> now = containersOf("web");
        assertThat(now).hasSize(1).doesNotContainAnyElementsOf(first);
    }

    @Test
    void explicitStartAndCompletionWaitsOfContainers() throws Exception {
        var b = TestApps.builder(Files.createDirectories(temp.resolve(appName)), Map.of());
        var migrate = b.addContainer("migrate", "local/busybox", "1").withEntrypoint("/bin/sh")
                .withArgs("-c", "echo migrated");
        var broken = b.addContainer("broken", "local/busybox", "1").withEntrypoint("/bin/sh")
                .withArgs("-c", "exit 3");
        var late = b.addContainer("late", "local/httpd", "1").withHttpEndpoint(null, 80, "http").withExplicitStart();
        b.addContainer("web", "local/httpd", "1").withHttpEndpoint(null, 80, "http").waitForCompletion(migrate);
        b.addContainer("never", "local/httpd", "1").waitForCompletion(broken);
        b.addContainer("after-late", "local/httpd", "1").waitFor(late);
        app = b.build();
        app.start();
        app.resourceNotifications().waitForResource("web", "Running", LONG);
        assertThat(app.resourceSnapshot("migrate").state()).isEqualTo("Finished");
        app.resourceNotifications().waitForResource("never", "FailedToStart", LONG);
        assertThat(app.resourceSnapshot("never").message())
                .isEqualTo("Resource 'broken' has entered the 'Exited' state with exit code '3', expected '0'.");
        assertThat(app.resourceSnapshot("late").state()).isEqualTo("NotStarted");
        assertThat(app.resourceSnapshot("after-late").state()).isEqualTo("Waiting");
        assertThat(containersOf("late")).isEmpty();

        assertThat(app.resourceCommands().executeCommand("late", KnownResourceCommands.START).success()).isTrue();
        app.resourceNotifications().waitForResource("after-late", "Running", LONG);
        assertThat(EngineTestSupport.httpGet(app.getEndpoint("late", "http").toString())).contains("local/httpd:1");
    }
}
