package dev.apphost.containers;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.apphost.containers.EngineTestSupport.BUSYBOX;
import static dev.apphost.containers.EngineTestSupport.HTTPD;
import static dev.apphost.containers.EngineTestSupport.REDIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Against a real engine; skipped (with the reason) when none answers. */
@Tag("docker")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DockerEngineTest {
    private final String session = "test-" + EngineTestSupport.randomSuffix();
    private ContainerEngine engine;
    private Map<String, String> labels;

    private String skipReason;

    @BeforeAll
    void connect() {
        // Not Assumptions in @BeforeAll: surefire then reports "Tests run: 0" instead of N skipped.
        try {
            engine = ContainerEngineLocator.fromEnvironment().connect();
        } catch (ContainerEngineUnavailableException e) {
            skipReason = "Skipping engine test: " + e.getMessage();
            return;
        }
        for (String image : List.of(BUSYBOX, HTTPD, REDIS)) {
            if (skipReason == null && !engine.imageExists(image)) {
                skipReason = "Skipping engine test: image " + image + " is missing; run `sudo bash scripts/container-setup.sh`";
            }
        }
        labels = ResourceLabels.forSession(session).app("engine-test").build();
    }

    @BeforeEach
    void skipWithoutEngine() {
        Assumptions.assumeTrue(skipReason == null, () -> skipReason);
    }

    @AfterAll
    void cleanUp() {
        if (engine != null) {
            engine.removeAll(ResourceLabels.sessionFilter(session));
            assertThat(engine.listContainers(ResourceLabels.sessionFilter(session))).isEmpty();
            assertThat(engine.listNetworks(ResourceLabels.sessionFilter(session))).isEmpty();
            engine.close();
        }
    }

    private ContainerSpec.Builder spec(String resource, String image) {
        return ContainerSpec.builder(resource + "-" + session, image).labels(labels).label(ResourceLabels.RESOURCE, resource);
    }

    /** Runs a busybox shell script to completion; returns its exit code and lines (STREAM:line). */
    private Run run(ContainerSpec.Builder builder) throws Exception {
        StartedContainer c = engine.createAndStart(builder.build());
        List<String> lines = new CopyOnWriteArrayList<>();
        LogFollow follow = engine.followLogs(c.id(), (stream, line) -> lines.add(stream + ":" + line));
        OptionalInt exit = engine.waitForExit(c.id(), Duration.ofSeconds(30));
        assertThat(follow.awaitCompletion(Duration.ofSeconds(5))).isTrue();
        engine.remove(c.id());
        return new Run(exit.orElseThrow(), lines);
    }

    private record Run(int exitCode, List<String> lines) {
    }

    @Test
    void envArgsEntrypointSeparatedLogsAndExitCode() throws Exception {
        Run run = run(spec("script", BUSYBOX)
                .entrypoint("/bin/sh", "-c", "echo \"out:$GREETING $1|$2\"; echo \"err:$SPACED\" >&2; printf 'no newline'; exit 3", "sh")
                .args("a1", "arg two")
                .env("GREETING", "hello").env("SPACED", "a b  c"));
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.lines()).contains("STDOUT:out:hello a1|arg two", "STDERR:err:a b  c", "STDOUT:no newline");
    }

    @Test
    void lastOutputJustBeforeExitIsNotLost() throws Exception {
        // The follow attaches while the container runs; the unterminated last line is flushed at exit.
        Run run = run(spec("late", BUSYBOX).args("sh", "-c", "sleep 0.3; echo line; printf tail"));
        assertThat(run.lines()).containsExactly("STDOUT:line", "STDOUT:tail");
    }

    @Test
    void httpServesBindMountedFileOnAllocatedAndFixedPorts(@TempDir Path www) throws Exception {
        Files.writeString(www.resolve("index.html"), "served from the host");
        int fixed = EngineTestSupport.freePort();
        StartedContainer web = engine.createAndStart(spec("web", HTTPD)
                .bindMount(www, "/www", true)
                .port(PortBinding.tcp(80)).port(PortBinding.tcp(80, fixed)).build());
        assertThat(web.ports()).extracting(PublishedPort::hostIp).containsOnly("127.0.0.1");
        int allocated = web.ports().get(0).hostPort();
        assertThat(web.ports().get(1).hostPort()).isEqualTo(fixed);
        assertThat(allocated).isNotEqualTo(fixed).isPositive();
        assertThat(EngineTestSupport.httpGet("http://127.0.0.1:" + allocated + "/index.html")).isEqualTo("served from the host");
        assertThat(EngineTestSupport.httpGet("http://127.0.0.1:" + fixed + "/index.html")).isEqualTo("served from the host");
        assertThat(engine.publishedPorts(web.id())).extracting(PublishedPort::hostPort).contains(allocated, fixed);

        long start = System.nanoTime();
        engine.stop(web.id(), Duration.ofSeconds(10));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5)); // TERM handled, no SIGKILL wait
        assertThat(engine.status(web.id()).running()).isFalse();
        engine.stop(web.id(), Duration.ofSeconds(1)); // already stopped: ignored
        engine.remove(web.id());
        engine.remove(web.id()); // already gone: ignored
    }

    @Test
    void containerReachesAnotherByAliasOnTheSessionNetwork() throws Exception {
        String network = "net-" + session;
        engine.createNetwork(network, labels);
        assertThatThrownBy(() -> engine.createNetwork(network, labels))
                .isInstanceOf(ContainerEngineException.class).hasMessageContaining(network);
        StartedContainer web = engine.createAndStart(spec("aliased", HTTPD).network(network, "web").build());
        Run probe = run(spec("probe", BUSYBOX).network(network)
                .args("sh", "-c", "for i in $(seq 1 50); do wget -q -O - http://web/ && exit 0; sleep 0.1; done; exit 1"));
        assertThat(probe.exitCode()).isZero();
        assertThat(probe.lines()).contains("STDOUT:<h1>local/httpd:1</h1>");
        engine.remove(web.id());
        engine.removeNetwork(network);
        assertThat(engine.listNetworks(Map.of(ResourceLabels.SESSION, session))).isEmpty();
    }

    @Test
    void containerReachesAHostProcessThroughHostDockerInternal() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "from-the-host".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            Run probe = run(spec("to-host", BUSYBOX).args("wget", "-q", "-O", "-", // no -T: Debian's busybox-static wget segfaults with it
                    "http://host.docker.internal:" + server.getAddress().getPort() + "/"));
            assertThat(probe.exitCode()).as("lines: %s", probe.lines()).isZero();
            assertThat(probe.lines()).contains("STDOUT:from-the-host");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void runtimeArgsReachTheContainer() throws Exception {
        Run run = run(spec("limited", BUSYBOX)
                .runtimeArgs(ContainerRuntimeArgs.parse("-m", "64m", "--hostname=boxy", "--label", "team=blue", "--read-only"))
                .args("sh", "-c", "hostname; cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes;"
                        + " touch /x 2>/dev/null && echo writable || echo read-only"));
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).contains("STDOUT:boxy", "STDOUT:67108864", "STDOUT:read-only");
    }

    @Test
    void missingImageThatCannotBePulled() {
        String image = "local/apphost-missing:" + EngineTestSupport.randomSuffix();
        List<String> progress = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> engine.ensureImage(image, progress::add))
                .isInstanceOf(ImageNotFoundException.class)
                .hasMessageContaining("'" + image + "' is not present locally and could not be pulled")
                // the daemon's whole reason, past its escaped quotes (it was cut to "Get \\.")
                .hasMessageContaining("Get \"https://")
                .hasMessageNotContaining("scripts/");
        assertThat(progress).contains("Pulling " + image);
        assertThatThrownBy(() -> engine.createAndStart(spec("missing", image).build()))
                .isInstanceOf(ImageNotFoundException.class).hasMessageContaining(image);
        assertThat(engine.listContainers(Map.of(ResourceLabels.RESOURCE, "missing", ResourceLabels.SESSION, session))).isEmpty();
    }

    @Test
    void anImageRemovedAfterItWasEnsuredFailsTheCreateByNameAndWorksOnceBack() throws Exception {
        // ensureImage remembers images it found; a create after the image was removed must still say which
        var docker = ((DockerJavaContainerEngine) engine).dockerClient();
        String repository = "local/apphost-cache-" + EngineTestSupport.randomSuffix();
        String image = repository + ":1";
        docker.tagImageCmd(BUSYBOX, repository, "1").exec();
        try {
            engine.ensureImage(image, line -> { });
            docker.removeImageCmd(image).exec();
            assertThat(engine.imageExists(image)).isFalse();
            assertThatThrownBy(() -> engine.createAndStart(spec("cached", image).entrypoint("sleep", "60").build()))
                    .isInstanceOf(ImageNotFoundException.class).hasMessageContaining(image);
            docker.tagImageCmd(BUSYBOX, repository, "1").exec();
            engine.ensureImage(image, line -> { });
            StartedContainer started = engine.createAndStart(spec("cached", image).entrypoint("sleep", "60").build());
            assertThat(engine.status(started.id()).running()).isTrue();
            engine.remove(started.id());
        } finally {
            try {
                docker.removeImageCmd(image).exec();
            } catch (com.github.dockerjava.api.exception.NotFoundException gone) {
                // removed above
            }
        }
    }

    @Test
    void fixedHostPortsArePublishedAsGiven() throws Exception {
        int first = EngineTestSupport.freePort();
        int second = EngineTestSupport.freePort();
        StartedContainer web = engine.createAndStart(spec("fixed", HTTPD)
                .port(PortBinding.tcp(80, first)).port(PortBinding.tcp(8080, second)).build());
        assertThat(web.ports()).extracting(PublishedPort::hostIp).containsOnly("127.0.0.1");
        assertThat(web.ports()).extracting(PublishedPort::hostPort).containsExactly(first, second);
        assertThat(engine.publishedPorts(web.id())).extracting(PublishedPort::hostPort).contains(first, second);
        assertThat(EngineTestSupport.httpGet("http://127.0.0.1:" + first + "/")).isNotNull();
        engine.remove(web.id());
    }

    @Test
    void anImageByDigestIsPulledByDigestAndFailsWithTheDaemonsReason() {
        // The local images have no registry digest, so this one is missing: the pull must be asked by digest.
        String image = "local/apphost-missing@sha256:" + "0123456789abcdef".repeat(4);
        assertThatThrownBy(() -> engine.ensureImage(image, line -> { }))
                .isInstanceOf(ImageNotFoundException.class)
                .hasMessageContaining("'" + image + "' is not present locally and could not be pulled: ")
                .hasMessageContaining("Get \"https://");
    }

    @Test
    void fixedHostPortAlreadyTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> engine.createAndStart(spec("clash", HTTPD).port(PortBinding.tcp(80, port)).build()))
                    .isInstanceOf(HostPortInUseException.class)
                    .hasMessageContaining("Host port " + port)
                    .hasMessageContaining("'clash-" + session + "'")
                    .satisfies(e -> assertThat(((HostPortInUseException) e).hostPort()).isEqualTo(port));
        }
        assertThat(engine.listContainers(Map.of(ResourceLabels.RESOURCE, "clash", ResourceLabels.SESSION, session)))
                .as("the container that could not start is removed").isEmpty();
    }

    @Test
    void nameConflict() {
        StartedContainer first = engine.createAndStart(spec("twin", BUSYBOX).args("sleep", "30").build());
        assertThatThrownBy(() -> engine.createAndStart(spec("twin", BUSYBOX).args("sleep", "30").build()))
                .isInstanceOf(ContainerNameConflictException.class).hasMessageContaining("twin-" + session);
        engine.remove(first.id());
    }

    @Test
    void redisWithAspiresShapeAnswersPingWithPassword() throws Exception {
        String password = "pw-" + EngineTestSupport.randomSuffix();
        StartedContainer redis = engine.createAndStart(spec("cache", REDIS)
                .entrypoint("/bin/sh")
                .args("-c", "redis-server --requirepass $REDIS_PASSWORD")
                .env("REDIS_PASSWORD", password)
                .port(PortBinding.tcp(6379)).build());
        int port = redis.hostPort(6379);
        String pong = null;
        for (int attempt = 0; attempt < 50 && pong == null; attempt++) {
            try (Jedis jedis = new Jedis("127.0.0.1", port)) {
                jedis.auth(password);
                pong = jedis.ping();
            } catch (Exception notYet) {
                Thread.sleep(100);
            }
        }
        assertThat(pong).isEqualTo("PONG");
        try (Jedis anonymous = new Jedis("127.0.0.1", port)) {
            assertThatThrownBy(anonymous::ping).isInstanceOf(JedisDataException.class).hasMessageContaining("NOAUTH");
        }
        engine.stop(redis.id(), Duration.ofSeconds(10));
        assertThat(engine.waitForExit(redis.id(), Duration.ofSeconds(5))).hasValue(0);
        engine.remove(redis.id());
    }

    @Test
    void removeAllByLabel() {
        String other = "other-" + session;
        Map<String, String> otherLabels = ResourceLabels.forSession(other).build();
        engine.createNetwork("net-" + other, otherLabels);
        for (int i = 0; i < 3; i++) {
            engine.createAndStart(ContainerSpec.builder("c" + i + "-" + other, BUSYBOX).labels(otherLabels)
                    .network("net-" + other).args("sleep", "60").build());
        }
        assertThat(engine.listContainers(ResourceLabels.sessionFilter(other))).hasSize(3)
                .allMatch(c -> c.state().equals("running"));
        assertThat(engine.removeAll(ResourceLabels.sessionFilter(other))).isEqualTo(new RemovalResult(3, 1));
        assertThat(engine.listContainers(ResourceLabels.sessionFilter(other))).isEmpty();
        assertThat(engine.listNetworks(ResourceLabels.sessionFilter(other))).isEmpty();
    }

    @Test
    void engineInfo() {
        assertThat(engine.info().runtime()).isIn("docker", "podman");
        assertThat(engine.info().version()).isNotBlank();
        assertThat(engine.info().apiVersion()).isNotBlank();
    }
}
