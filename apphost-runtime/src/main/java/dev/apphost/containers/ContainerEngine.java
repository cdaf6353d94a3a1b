package dev.apphost.containers;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The container engine as the orchestrator sees it: images, networks, containers, logs, cleanup.
 * Independent of the app model; every call is guarded by our own timeout, because a hung daemon
 * on a unix socket would otherwise block forever ({@link ContainerEngineTimeoutException}).
 *
 * <pre>{@code
 * try (ContainerEngine engine = ContainerEngineLocator.fromEnvironment().connect()) {
 *     OrphanSweeper.sweep(engine);                                  // leftovers of dead app hosts
 *     Map<String, String> labels = ResourceLabels.forSession(session).app("shop").build();
 *     String network = engine.createNetwork("apphost-" + session, labels);
 *     engine.ensureImage("docker.io/library/redis:8.2", line -> log.info(line));
 *     StartedContainer redis = engine.createAndStart(ContainerSpec.builder("cache-" + suffix, "docker.io/library/redis:8.2")
 *             .port(PortBinding.tcp(6379)).network(network, "cache").labels(labels).build());
 *     int hostPort = redis.hostPort(6379);
 *     LogFollow logs = engine.followLogs(redis.id(), (stream, line) -> System.out.println(stream + " " + line));
 *     ...
 *     engine.stop(redis.id(), Duration.ofSeconds(10));
 *     engine.remove(redis.id());
 *     engine.removeAll(ResourceLabels.sessionFilter(session));       // everything else of the session
 * }
 * }</pre>
 *
 * Failures are {@link ContainerEngineException}s: {@link ImageNotFoundException},
 * {@link HostPortInUseException}, {@link ContainerNameConflictException},
 * {@link ContainerStartException}, {@link ContainerEngineTimeoutException}.
 */
public interface ContainerEngine extends AutoCloseable {

    /** The engine's runtime, endpoint and version. */
    EngineInfo info();

    /**
     * The variables another process needs to reach this engine as this client does:
     * {@code DOCKER_HOST}, and for TLS {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH}.
     */
    default java.util.Map<String, String> connectionEnvironment() {
        return java.util.Map.of("DOCKER_HOST", info().host());
    }

    /** Whether {@code image} is present locally. */
    boolean imageExists(String image);

    /**
     * Makes sure {@code image} is present: uses the local one, else pulls it, reporting progress
     * lines (one per layer status change) to {@code progress}.
     *
     * @throws ImageNotFoundException when it is not local and the pull fails
     */
    void ensureImage(String image, Consumer<String> progress);

    /**
     * Creates a bridge network (duplicate names rejected) and returns its id.
     *
     * @throws ContainerEngineException when the name is taken or no address pool is left
     */
    String createNetwork(String name, Map<String, String> labels);

    /** Removes a network by name or id; a missing network is ignored. */
    void removeNetwork(String nameOrId);

    /**
     * Creates and starts a container. A missing image is pulled first (progress discarded: call
     * {@link #ensureImage} beforehand to show it). If start fails, the created container is removed.
     *
     * @throws ImageNotFoundException         image missing and not pullable
     * @throws HostPortInUseException         a fixed host port is taken
     * @throws ContainerNameConflictException the name is taken
     * @throws ContainerStartException        any other start failure
     */
    StartedContainer createAndStart(ContainerSpec spec);

    /** The container's published ports as the engine reports them now. */
    List<PublishedPort> publishedPorts(String containerId);

    /** The container's current state. */
    ContainerStatus status(String containerId);

    /**
     * Follows the container's output from its start, line by line and per stream, on a
     * background thread. The follow ends by itself when the container stops.
     */
    LogFollow followLogs(String containerId, LogLineConsumer consumer);

    /** Waits up to {@code timeout} for the container to exit; its exit code, or empty if still running. */
    OptionalInt waitForExit(String containerId, Duration timeout);

    /** Sends SIGTERM, then SIGKILL after {@code timeout}; an already stopped or missing container is ignored. */
    void stop(String containerId, Duration timeout);

    /** Force-removes the container with its anonymous volumes; missing or already-being-removed is ignored. */
    void remove(String containerId);

    /** Containers (running or not) that carry all of {@code labels}. */
    List<ManagedContainer> listContainers(Map<String, String> labels);

    /** Networks that carry all of {@code labels}. */
    List<ManagedNetwork> listNetworks(Map<String, String> labels);

    /** Removes every container, then every network, carrying all of {@code labels} (containers in parallel). */
    RemovalResult removeAll(Map<String, String> labels);

    /** Releases the connection; abandoned calls stuck in a hung daemon are left to die with the JVM. */
    @Override
    void close();
}
