package dev.apphost.run;

import static dev.apphost.containers.EngineTestSupport.BUSYBOX;
import static dev.apphost.containers.EngineTestSupport.HTTPD;
import static dev.apphost.containers.EngineTestSupport.REDIS;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.apphost.DistributedApplication;
import dev.apphost.DistributedApplicationBuilder;
import dev.apphost.ResourceSnapshot;
import dev.apphost.TestApps;
import dev.apphost.containers.ContainerEngine;
import dev.apphost.containers.EngineTestSupport;
import dev.apphost.containers.ManagedContainer;
import dev.apphost.containers.ResourceLabels;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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
import redis.clients.jedis.Jedis;

/**
 * Containers through {@link DistributedApplication} and the {@link Orchestrator}, against the real
 * engine: ports, bind mounts, entrypoint/args/env, networking by name and to the host, Redis with
 * a real consumer, failures, and cleanup. Skipped, with the locator's reason, when no engine answers.
 */
@Tag("docker")
class ContainerRunTest {

    @TempDir
    Path temp;

    private ContainerEngine engine;
    private String appName;
    private Path appDir;
    private DistributedApplication app;

    @BeforeEach
    void engine() throws Exception {
        engine = EngineTestSupport.engineOrSkip();
        EngineTestSupport.requireImages(engine, BUSYBOX, HTTPD, REDIS);
        appName = "ctest-" + EngineTestSupport.randomSuffix();
        appDir = Files.createDirectories(temp.resolve(appName));
    }

    @AfterEach
    void cleanUp() {
        if (app != null) {
            app.close();
        }
        if (engine != null) {
            Map<String, String> mine = Map.of(ResourceLabels.MANAGED, "true", ResourceLabels.APP, appName);
            List<ManagedContainer> left = engine.listContainers(mine);
            int networks = engine.listNetworks(mine).size();
            engine.removeAll(mine);
            engine.close();
            assertThat(left).as("containers left after close()").isEmpty();
            assertThat(networks).as("networks left after close()").isZero();
        }
    }

    private DistributedApplicationBuilder builder() {
        return TestApps.builder(appDir, Map.of());
    }

    private DistributedApplication start(DistributedApplicationBuilder b) {
        app = b.build();
        app.start();
        return app;
    }

    private boolean logged(String resource, String text) {
        return app.resourceLogs().lines(resource).stream().anyMatch(l -> l.text().contains(text));
    }

    private void awaitLog(String resource, String text) {
        waitUntil(() -> logged(resource, text), Duration.ofSeconds(20));
        assertThat(app.resourceLogs().tail(resource, 50)).as("log of %s", resource).anyMatch(l -> l.contains(text));
    }

    @Test
    void servesABindMountedFileOnAFixedAndAnAllocatedPort() throws Exception {
        Path www = Files.createDirectories(temp.resolve("www"));
        Files.writeString(www.resolve("index.html"), "sentinel-" + appName);
        int fixed = EngineTestSupport.freePort();
        var b = builder();
        b.addContainer("web", "local/httpd", "1").withBindMount(www.toString(), "/www", true)
                .withHttpEndpoint(fixed, 80, "http").withHttpEndpoint(null, 80, "alt");
        start(b);
        app.resourceNotifications().waitForResourceHealthy("web", Duration.ofSeconds(30));
        int allocated = app.getEndpoint("web", "alt").getPort();
        assertThat(app.getEndpoint("web", "http").getPort()).isEqualTo(fixed);
        assertThat(allocated).isNotEqualTo(fixed);
        assertThat(EngineTestSupport.httpGet("http://127.0.0.1:" + fixed + "/index.html")).isEqualTo("sentinel-" + appName);
        assertThat(EngineTestSupport.httpGet("http://127.0.0.1:" + allocated + "/index.html")).isEqualTo("sentinel-" + appName);

        List<ManagedContainer> containers = engine.listContainers(Map.of(ResourceLabels.APP, appName));
        assertThat(containers).hasSize(1);
        assertThat(containers.get(0).name()).matches("web-[a-z]{8}");
        String session = containers.get(0).labels().get(ResourceLabels.SESSION);
        assertThat(engine.listNetworks(ResourceLabels.sessionFilter(session)))
                .as("a lone container needs no session network").isEmpty();

        app.close();
        assertThat(engine.listContainers(ResourceLabels.sessionFilter(session))).isEmpty();
        assertThat(engine.listNetworks(ResourceLabels.sessionFilter(session))).isEmpty();
        assertThat(app.resourceSnapshot("web").state()).isEqualTo("Finished");
    }

    @Test
    void entrypointArgsAndEnvironmentAreHonoured() {
        var b = builder();
        var web = b.addContainer("web", "local/httpd", "1").withHttpEndpoint(null, 80, "http");
        b.addContainer("printer", "local/busybox", "1")
                .withEntrypoint("/bin/sh")
                .withArgs("-c", "echo \"ARGS=$0|$1\"; echo \"GREETING=$GREETING\"; echo \"WEB=$services__web__http__0\" >&2;"
                        + " sleep 600", "first", "second arg")
                .withEnvironment("GREETING", "hello  world")
                .withReference(web);
        start(b);
        awaitLog("printer", "ARGS=first|second arg");
        awaitLog("printer", "GREETING=hello  world");
        awaitLog("printer", "WEB=http://web:80");
        assertThat(app.resourceLogs().lines("printer")).anyMatch(l -> l.text().equals("WEB=http://web:80")
                && l.stream() == LogLine.Stream.STDERR);
        assertThat(app.resourceLogs().lines("printer")).anyMatch(l -> l.text().startsWith("ARGS=")
                && l.stream() == LogLine.Stream.STDOUT);
    }

    @Test
    void aContainerReachesAnotherByNameAndTheHostThroughHostDockerInternal() throws Exception {
        Path www = Files.createDirectories(temp.resolve("www"));
        Files.writeString(www.resolve("page.html"), "by-name-" + appName);
        HttpServer host = HttpServer.create(new InetSocketAddress("0.0.0.0", 0), 0);
        host.createContext("/", exchange -> {
            byte[] body = ("from-host-" + appName).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        host.start();
        try {
            var b = builder();
            var web = b.addContainer("web", "local/httpd", "1").withBindMount(www.toString(), "/www", true)
                    .withHttpEndpoint(null, 80, "http");
            b.addContainer("client", "local/busybox", "1")
                    .withEntrypoint("/bin/sh")
                    .withArgs("-c", "for i in 1 2 3 4 5 6 7 8 9 10; do wget -q -O - \"$services__web__http__0/page.html\""
                            + " && break; sleep 0.5; done; echo; wget -q -O - \"http://host.docker.internal:$HOST_PORT/\";"
                            + " echo; sleep 600")
                    .withEnvironment("HOST_PORT", Integer.toString(host.getAddress().getPort()))
                    .withReference(web).waitFor(web);
            start(b);
            awaitLog("client", "by-name-" + appName);
            awaitLog("client", "from-host-" + appName);
            String session = engine.listContainers(Map.of(ResourceLabels.APP, appName)).get(0).labels()
                    .get(ResourceLabels.SESSION);
            assertThat(engine.listNetworks(ResourceLabels.sessionFilter(session))).as("the client references web").hasSize(1);
        } finally {
            host.stop(0);
        }
    }

    @Test
    void redisWithARealConsumerThatOnlyKnowsTheConnectionString() throws Exception {
        var b = builder();
        var cache = b.addRedis("cache");
        b.addExecutable("consumer", ProcessExecutor.javaExecutable(), ".", "-cp",
                System.getProperty("java.class.path"), RedisConsumer.class.getName())
                .withReference(cache).waitFor(cache);
        start(b);
        awaitLog("consumer", "CONSUMER-OK");
        assertThat(app.resourceSnapshot("cache").isHealthy()).isTrue();
        assertThat(app.resourceSnapshot("consumer").state()).isEqualTo("Running");
        String cs = app.getConnectionString("cache");
        assertThat(cs).matches("localhost:\\d+,password=.{22,}");
        RedisConsumer.Target target = RedisConsumer.parse(cs);
        try (Jedis jedis = new Jedis(target.host(), target.port())) {
            jedis.auth(target.password());
            assertThat(jedis.get("consumer-key")).isEqualTo("written-by-consumer");
        }
    }

    @Test
    void redisTakesAPasswordWithASpaceAndAStarAsItIs() throws Exception {
        String password = "two words*and a star";
        var b = TestApps.builder(appDir, Map.of("Parameters:cache-password", password));
        b.addRedis("cache");
        start(b);
        app.resourceNotifications().waitForResourceHealthy("cache", Duration.ofSeconds(30));
        AllocatedEndpointView endpoint = new AllocatedEndpointView(app.getEndpoint("cache", "tcp"));
        try (Jedis jedis = new Jedis(endpoint.host(), endpoint.port())) {
            assertThat(jedis.auth(password)).isEqualTo("OK");
            assertThat(jedis.ping()).isEqualTo("PONG");
        }
        assertThat(app.getConnectionString("cache")).endsWith(",password=" + password);
    }

    private record AllocatedEndpointView(String host, int port) {
        AllocatedEndpointView(java.net.URI uri) {
            this(uri.getHost(), uri.getPort());
        }
    }

    @Test
    void aMissingBindMountSourceFailsTheContainerBeforeTheEngineCreatesIt() {
        Path missing = temp.resolve("not-created-yet");
        var b = builder();
        b.addContainer("web", "local/httpd", "1").withBindMount(missing.toString(), "/www", true);
        start(b);
        app.resourceNotifications().waitForResource("web", "FailedToStart", Duration.ofSeconds(20));
        assertThat(app.resourceSnapshot("web").message())
                .contains("the bind-mount source " + missing + " (for /www) does not exist");
        assertThat(Files.exists(missing)).as("the engine did not create the source").isFalse();
    }

    @Test
    void anExitedContainerReportsItsCodeAndLastLines() {
        var b = builder();
        b.addContainer("crash", "local/busybox", "1").withEntrypoint("/bin/sh")
                .withArgs("-c", "echo dying words; exit 3");
        start(b);
        app.resourceNotifications().waitForResource("crash", "Exited", Duration.ofSeconds(20));
        assertThat(app.resourceSnapshot("crash").exitCode()).isEqualTo(3);
        assertThat(app.resourceSnapshot("crash").message()).contains("exited with code 3").contains("dying words");
    }

    @Test
    void aMissingImageFailsToStartNamingItWhileProcessesRun() {
        var b = builder();
        b.addContainer("ghost", "local/does-not-exist", "1");
        b.addExecutable("sleeper", "sleep", ".", "300");
        start(b);
        ResourceSnapshot ghost = app.resourceSnapshot("ghost");
        assertThat(ghost.state()).isEqualTo("FailedToStart");
        assertThat(ghost.message()).contains("local/does-not-exist:1");
        assertThat(app.resourceLogs().tail("ghost", 5)).contains("Pulling local/does-not-exist:1");
        assertThat(app.resourceSnapshot("sleeper").state()).isEqualTo("Running");
    }

    @Test
    void theFirstContainerSweepsWhatADeadAppHostLeft() throws Exception {
        // An owner labels its resources while it lives, then dies, and its PID goes to another process
        // (here: this JVM). Other app hosts on this shared engine judge by PID + epoch start time and
        // would take this one for alive, so only the sweep under test removes it.
        Process dead = new ProcessBuilder("sleep", "60").start();
        String deadSession = "dead" + EngineTestSupport.randomSuffix();
        Map<String, String> labels = new java.util.HashMap<>(
                ResourceLabels.forSession(deadSession, dead.toHandle()).app(appName).build());
        dead.destroyForcibly().waitFor();
        Map<String, String> self = ResourceLabels.forSession(deadSession).build();
        labels.put(ResourceLabels.OWNER_PID, self.get(ResourceLabels.OWNER_PID));
        labels.put(ResourceLabels.OWNER_START, self.get(ResourceLabels.OWNER_START));
        engine.createNetwork("apphost-" + deadSession, labels);
        engine.createAndStart(dev.apphost.containers.ContainerSpec.builder("orphan-" + deadSession, BUSYBOX)
                .entrypoint("sleep", "600").network("apphost-" + deadSession, "orphan").labels(labels).build());
        var b = builder();
        b.addContainer("box", "local/busybox", "1").withEntrypoint("sleep").withArgs("600");
        start(b);
        assertThat(app.resourceSnapshot("box").state()).isEqualTo("Running");
        // the sweep runs beside the first create: its report reaches the first container's log when it ends
        waitUntil(() -> app.resourceLogs().tail("box", 20).stream().anyMatch(l -> l.contains("left behind by app hosts that died")),
                Duration.ofSeconds(30));
        assertThat(app.resourceLogs().tail("box", 20)).anyMatch(l -> l.contains("left behind by app hosts that died"));
        assertThat(engine.listContainers(ResourceLabels.sessionFilter(deadSession))).isEmpty();
        assertThat(engine.listNetworks(ResourceLabels.sessionFilter(deadSession))).isEmpty();
    }

    @Test
    void aTakenFixedPortFailsToStartNamingPortAndResource() throws Exception {
        try (var taken = new java.net.ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();
            var b = builder();
            b.addContainer("web", "local/httpd", "1").withHttpEndpoint(port, 80, "http");
            start(b);
            assertThat(app.resourceSnapshot("web").state()).isEqualTo("FailedToStart");
            assertThat(app.resourceSnapshot("web").message()).contains(Integer.toString(port)).contains("'web'");
        }
    }

    static void waitUntil(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
