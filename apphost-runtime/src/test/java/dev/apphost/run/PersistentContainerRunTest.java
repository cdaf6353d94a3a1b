package dev.apphost.run;

import static dev.apphost.containers.EngineTestSupport.REDIS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apphost.ContainerLifetime;
import dev.apphost.DistributedApplication;
import dev.apphost.DistributedApplicationBuilder;
import dev.apphost.TestApps;
import dev.apphost.containers.ContainerEngine;
import dev.apphost.containers.DockerJavaContainerEngine;
import dev.apphost.containers.EngineTestSupport;
import dev.apphost.containers.ManagedContainer;
import dev.apphost.containers.OrphanSweeper;
import dev.apphost.containers.ResourceLabels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;

/**
 * Persistent containers against the real engine: kept at stop, reused by the next run (same id, not
 * started again, same host port), recreated when the configuration changes, shared through
 * withContainerName, untouched by the sweep and the reaper. Every container made here is removed afterwards.
 */
@Tag("docker")
class PersistentContainerRunTest {

    private static final Duration LONG = Duration.ofSeconds(90);

    @TempDir
    Path temp;

    private ContainerEngine engine;
    private String appName;
    private Path appDir;
    private String previousStateDirectory;

    @BeforeEach
    void engine() throws Exception {
        engine = EngineTestSupport.engineOrSkip();
        EngineTestSupport.requireImages(engine, REDIS);
        appName = "ptest-" + EngineTestSupport.randomSuffix();
        appDir = Files.createDirectories(temp.resolve(appName));
        previousStateDirectory = System.setProperty(PersistentPorts.DIRECTORY_PROPERTY, temp.resolve("state").toString());
    }

    @AfterEach
    void cleanUp() {
        if (previousStateDirectory == null) {
            System.clearProperty(PersistentPorts.DIRECTORY_PROPERTY);
        } else {
            System.setProperty(PersistentPorts.DIRECTORY_PROPERTY, previousStateDirectory);
        }
        if (engine != null) {
            engine.listContainers(ResourceLabels.persistentFilter()).stream()
                    .filter(c -> appName.equals(c.labels().get(ResourceLabels.APP)) || c.name().startsWith(appName))
                    .forEach(c -> engine.remove(c.id()));
            engine.close();
        }
    }

    private DistributedApplication run(Path dir, Consumer<dev.apphost.RedisResourceBuilder> configure) {
        DistributedApplicationBuilder b = TestApps.builder(dir, Map.of("Parameters:cache-password", "s3cret"));
        var cache = b.addRedis("cache").withLifetime(ContainerLifetime.PERSISTENT);
        configure.accept(cache);
        DistributedApplication app = b.build();
        app.start();
        app.resourceNotifications().waitForResourceHealthy("cache", LONG);
        return app;
    }

    private List<ManagedContainer> persistent(String name) {
        return engine.listContainers(ResourceLabels.persistentFilter()).stream().filter(c -> c.name().equals(name)).toList();
    }

    private String startedAt(String id) {
        return ((DockerJavaContainerEngine) engine).dockerClient().inspectContainerCmd(id).exec().getState().getStartedAt();
    }

    private static boolean logged(DistributedApplication app, String text) {
        return app.resourceLogs().lines("cache").stream().anyMatch(l -> l.text().contains(text));
    }

    @Test
    void aRunningPersistentContainerIsReusedBeforeTheEngineConnectionIsReady() throws Exception {
        String id;
        int port;
        try (DistributedApplication first = run(appDir, c -> { })) {
            port = first.getEndpoint("cache", "tcp").getPort();
            id = persistentOfThisApp().id();
        }
        // The next run's engine connection is held back (docker-java's first connection in a fresh JVM):
        // the container is found by a look over a plain socket and is Running and Healthy meanwhile.
        java.util.concurrent.CountDownLatch connectionMayFinish = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean connected = new java.util.concurrent.atomic.AtomicBoolean();
        ContainerExecutor executor = new ContainerExecutor(() -> {
            try {
                connectionMayFinish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            connected.set(true);
            return dev.apphost.containers.ContainerEngineLocator.fromEnvironment().connect();
        }, System.getenv(), ContainerExecutor.appNameOf(appDir));
        DistributedApplicationBuilder b = TestApps.builder(appDir, Map.of("Parameters:cache-password", "s3cret"));
        b.addRedis("cache").withLifetime(ContainerLifetime.PERSISTENT);
        DistributedApplication app = b.build();
        RunOptions defaults = RunOptions.from(app.configuration());
        Orchestrator o = new Orchestrator(app.model(), dev.apphost.ExecutionContext.run(), app.configuration(), appDir,
                null, new RunOptions(defaults.shutdownTimeout(), List.of(executor), defaults.reaper(), defaults.console(),
                        defaults.colour(), defaults.logBufferLines(), defaults.containerEngineEnvironment()));
        try {
            o.start();
            o.notifications().waitForResourceHealthy("cache", LONG);
            assertThat(connected).as("the engine connection was still held back").isFalse();
            assertThat(o.snapshot("cache").message()).isEqualTo("reused persistent container "
                    + persistentOfThisApp().name() + " (" + id.substring(0, 12) + ")");
            assertThat(o.endpointUrl("cache", "tcp").getPort()).isEqualTo(port);
            try (Jedis jedis = new Jedis("localhost", port)) {
                jedis.auth("s3cret");
                assertThat(jedis.ping()).isEqualTo("PONG");
            }
            connectionMayFinish.countDown();
            // once connected, the container's output is followed into its log (redis logs its start-up)
            ContainerRunTest.waitUntil(() -> o.tail("cache", 200).stream().anyMatch(l -> l.contains("Ready to accept connections")),
                    LONG);
            assertThat(o.tail("cache", 200)).anyMatch(l -> l.contains("Ready to accept connections"));
        } finally {
            connectionMayFinish.countDown();
            o.stop();
        }
        assertThat(engine.status(id).running()).as("still kept for the next run").isTrue();
    }

    private ManagedContainer persistentOfThisApp() {
        List<ManagedContainer> mine = engine.listContainers(Map.of(ResourceLabels.MANAGED, "true",
                ResourceLabels.APP, appName, ResourceLabels.LIFETIME, "persistent"));
        assertThat(mine).hasSize(1);
        return mine.get(0);
    }

    @Test
    void theSecondRunReusesTheRunningContainerOnTheSamePort() throws Exception {
        String name;
        int port;
        String id;
        DistributedApplication first = run(appDir, c -> { });
        try (first) {
            List<ManagedContainer> mine = engine.listContainers(Map.of(ResourceLabels.MANAGED, "true",
                    ResourceLabels.APP, appName, ResourceLabels.LIFETIME, "persistent"));
            assertThat(mine).hasSize(1);
            id = mine.get(0).id();
            name = mine.get(0).name();
            assertThat(name).matches("cache-[0-9a-f]{8}");
            assertThat(mine.get(0).labels()).containsKey(ResourceLabels.CONFIG_HASH)
                    .doesNotContainKey(ResourceLabels.SESSION).doesNotContainKey(ResourceLabels.OWNER_PID);
            port = first.getEndpoint("cache", "tcp").getPort();
            assertThat(logged(first, "apphost: created persistent container " + name)).isTrue();
        }
        assertThat(engine.status(id).running()).as("kept running after the AppHost stopped").isTrue();
        assertThat(logged(first, "apphost: persistent container " + name + " keeps running for the next run")).isTrue();
        assertThat(engine.listContainers(Map.of(ResourceLabels.MANAGED, "true", ResourceLabels.APP, appName)))
                .as("only the persistent container is left").extracting(ManagedContainer::id).containsExactly(id);
        String startedAt = startedAt(id);

        try (DistributedApplication second = run(appDir, c -> { })) {
            assertThat(persistent(name)).extracting(ManagedContainer::id).containsExactly(id);
            assertThat(startedAt(id)).as("not started again").isEqualTo(startedAt);
            assertThat(second.getEndpoint("cache", "tcp").getPort()).isEqualTo(port);
            assertThat(logged(second, "apphost: reused persistent container " + name + " (" + id.substring(0, 12) + ")"))
                    .isTrue();
            assertThat(second.resourceSnapshot("cache").message()).as("the Running line says it was reused")
                    .isEqualTo("reused persistent container " + name + " (" + id.substring(0, 12) + ")");
            try (Jedis jedis = new Jedis("localhost", port)) {
                jedis.auth("s3cret");
                assertThat(jedis.ping()).isEqualTo("PONG");
            }
        }
        theSweepAndTheReaperLeaveItAloneEvenOnADeadSessionsNetwork(id);
    }

    @Test
    void withPersistentContainersOffItRunsAsAFreshSessionContainerRemovedAtStop() {
        String fixed = appName + "-fixed";
        DistributedApplicationBuilder b = TestApps.builder(appDir, Map.of("Parameters:cache-password", "s3cret",
                ContainerLifetime.PERSISTENT_CONTAINERS_KEY, "false"));
        b.addRedis("cache").withLifetime(ContainerLifetime.PERSISTENT).withContainerName(fixed);
        try (DistributedApplication app = b.build()) {
            app.start();
            app.resourceNotifications().waitForResourceHealthy("cache", LONG);
            assertThat(persistent(fixed)).isEmpty();
            assertThat(engine.listContainers(Map.of(ResourceLabels.MANAGED, "true", ResourceLabels.APP, appName)))
                    .singleElement().satisfies(c -> {
                        assertThat(c.name()).startsWith("cache-").isNotEqualTo(fixed);
                        assertThat(c.labels()).containsKey(ResourceLabels.SESSION)
                                .doesNotContainKey(ResourceLabels.CONFIG_HASH);
                    });
            assertThat(app.resourceSnapshot("cache").message()).isNull();
        }
        assertThat(engine.listContainers(Map.of(ResourceLabels.MANAGED, "true", ResourceLabels.APP, appName)))
                .as("removed at stop, as a session container").isEmpty();
    }

    /** A session whose AppHost died (kill -9) with the persistent container still attached to its network. */
    private void theSweepAndTheReaperLeaveItAloneEvenOnADeadSessionsNetwork(String id) throws Exception {
        // labelled while its owner lives (the sweep needs the owner's identity to prove it dead), then killed
        Process dead = new ProcessBuilder("sleep", "60").start();
        Map<String, String> labels = ResourceLabels.forSession(appName + "-dead", dead.toHandle()).app(appName).build();
        dead.destroyForcibly().waitFor();
        String swept = "apphost-" + appName + "-dead";
        engine.createNetwork(swept, labels);
        engine.connectNetwork(swept, id, List.of("cache"));
        OrphanSweeper.sweep(engine);
        assertThat(engine.listNetworks(Map.of(ResourceLabels.APP, appName))).as("the dead session's network").isEmpty();
        assertThat(engine.status(id).running()).as("the persistent container after the sweep").isTrue();

        String session = appName + "-reaped";
        engine.createNetwork("apphost-" + session, ResourceLabels.forSession(session).app(appName).build());
        engine.connectNetwork("apphost-" + session, id, List.of("cache"));
        engine.removeAll(ResourceLabels.sessionFilter(session)); // what the reaper does after a kill -9
        assertThat(engine.listNetworks(Map.of(ResourceLabels.APP, appName))).as("the reaped session's network").isEmpty();
        assertThat(engine.status(id).running()).as("the persistent container after the reaper").isTrue();
    }

    @Test
    void aChangedConfigurationRecreatesIt() {
        String id;
        String name;
        try (DistributedApplication first = run(appDir, c -> c.withEnvironment("FLAVOUR", "one"))) {
            ManagedContainer c = engine.listContainers(Map.of(ResourceLabels.APP, appName)).get(0);
            id = c.id();
            name = c.name();
        }
        try (DistributedApplication second = run(appDir, c -> c.withEnvironment("FLAVOUR", "two"))) {
            assertThat(persistent(name)).hasSize(1).extracting(ManagedContainer::id).doesNotContain(id);
            assertThat(logged(second, "the configuration of persistent container " + name + " changed; recreating it"))
                    .isTrue();
            assertThat(logged(second, "apphost: created persistent container " + name)).isTrue();
        }
    }

    @Test
    void aFixedNameIsSharedByAppHostsWithTheSameConfiguration() throws Exception {
        String shared = appName + "-shared";
        Path otherDir = Files.createDirectories(temp.resolve(appName + "-other"));
        String id;
        try (DistributedApplication first = run(appDir, c -> c.withContainerName(shared))) {
            id = persistent(shared).get(0).id();
        }
        try (DistributedApplication other = run(otherDir, c -> c.withContainerName(shared))) {
            assertThat(persistent(shared)).extracting(ManagedContainer::id).containsExactly(id);
            assertThat(logged(other, "apphost: reused persistent container " + shared)).isTrue();
        }
    }

    @Test
    void withTheDashboardOnTheSecondRunStillReusesIt() throws Exception {
        // every resource gets the OTLP endpoint, key and instance id: per-run values would change the hash
        Path secrets = Files.createDirectories(temp.resolve("secrets"));
        String id;
        String endpoint;
        try (DistributedApplication first = runWithDashboard(secrets)) {
            id = engine.listContainers(Map.of(ResourceLabels.APP, appName)).get(0).id();
            endpoint = first.dashboard().orElseThrow().otlpEndpoint();
        }
        try (DistributedApplication second = runWithDashboard(secrets)) {
            assertThat(engine.listContainers(Map.of(ResourceLabels.APP, appName))).extracting(ManagedContainer::id)
                    .containsExactly(id);
            assertThat(logged(second, "apphost: reused persistent container")).isTrue();
            assertThat(second.dashboard().orElseThrow().otlpEndpoint()).isEqualTo(endpoint);
        }
    }

    private DistributedApplication runWithDashboard(Path secrets) {
        DistributedApplicationBuilder b = TestApps.builderWithSecrets(appDir, secrets,
                Map.of("Parameters:cache-password", "s3cret"), "--Dashboard:Enabled=true");
        b.addRedis("cache").withLifetime(ContainerLifetime.PERSISTENT);
        DistributedApplication app = b.build();
        app.start();
        app.resourceNotifications().waitForResourceHealthy("cache", LONG);
        return app;
    }
}
