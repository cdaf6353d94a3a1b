package dev.apphost.containers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.function.Function;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Finds a container engine that answers, the way Aspire and the Docker CLI do, and connects to it.
 *
 * <pre>{@code
 * ContainerEngine engine = ContainerEngineLocator.fromEnvironment().connect(); // or throws ContainerEngineUnavailableException
 * }</pre>
 *
 * Candidates, in order:
 * <ol>
 *   <li>{@code APPHOST_CONTAINER_RUNTIME} (else Aspire's {@code ASPIRE_CONTAINER_RUNTIME}, else
 *       {@code DOTNET_ASPIRE_CONTAINER_RUNTIME}) = {@code docker} or {@code podman} restricts the
 *       candidates to that runtime; unset = Docker first, then Podman (Aspire's preference).</li>
 *   <li>{@code DOCKER_HOST}, when set, is the only candidate (as for the Docker CLI: an explicit
 *       endpoint that fails must not silently fall back to another engine).</li>
 *   <li>Docker: {@code /var/run/docker.sock}, {@code ~/.docker/run/docker.sock} (Docker Desktop),
 *       {@code $XDG_RUNTIME_DIR/docker.sock} (rootless).</li>
 *   <li>Podman: {@code CONTAINER_HOST}, {@code /run/podman/podman.sock} (rootful),
 *       {@code $XDG_RUNTIME_DIR/podman/podman.sock} (rootless).</li>
 * </ol>
 * TLS ({@code tcp://} only): {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH} (default
 * {@code ~/.docker}) are read from the environment given to the locator, never from the process's
 * own; an AppHost can set all three through configuration ({@link #withConfiguration}).
 * All candidates are pinged in parallel, each under our own deadline (default 3 s; a hung unix
 * socket would otherwise block forever), and the first one in order that answers wins, so the
 * whole search takes at most about the ping timeout; the docker-java client is made for that one only. No API version is pinned: the engine speaks
 * its own (Docker 20.10 answers 1.41, Docker 29 refuses clients older than 1.44).
 */
public final class ContainerEngineLocator {
    /** AppHost configuration key for the engine endpoint ({@code DOCKER_HOST}), e.g. {@code tcp://build-box:2376}. */
    public static final String HOST_KEY = "ContainerEngine:Host";
    /** AppHost configuration key: {@code true} (or {@code 1}) = TLS with verification ({@code DOCKER_TLS_VERIFY}). */
    public static final String TLS_VERIFY_KEY = "ContainerEngine:TlsVerify";
    /** AppHost configuration key: folder with {@code ca.pem}, {@code cert.pem}, {@code key.pem} ({@code DOCKER_CERT_PATH}). */
    public static final String CERT_PATH_KEY = "ContainerEngine:CertPath";
    /** Default per-candidate deadline for ping + version. */
    public static final Duration DEFAULT_PING_TIMEOUT = Duration.ofSeconds(3);
    /** Extra time for docker-java's first call (class loading) once the raw ping has answered. */
    private static final Duration VERSION_AFTER_PING = Duration.ofSeconds(20);

    /** An endpoint to try: runtime name, engine URI, and where the URI came from (for messages). */
    public record Candidate(String runtime, String host, String source) {
        @Override
        public String toString() {
            return host + " (" + runtime + ", " + source + ")";
        }
    }

    private final Map<String, String> env;
    private Duration pingTimeout = DEFAULT_PING_TIMEOUT;

    /** Uses the given environment variables instead of the process's (for tests and embedding). */
    public ContainerEngineLocator(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    public static ContainerEngineLocator fromEnvironment() {
        return new ContainerEngineLocator(System.getenv());
    }

    /** Sets the per-candidate deadline for ping + version. */
    public ContainerEngineLocator pingTimeout(Duration timeout) {
        this.pingTimeout = timeout;
        return this;
    }

    /** The runtime asked for by environment, or {@code null} for "any". */
    public String requestedRuntime() {
        for (String key : List.of("APPHOST_CONTAINER_RUNTIME", "ASPIRE_CONTAINER_RUNTIME", "DOTNET_ASPIRE_CONTAINER_RUNTIME")) {
            String value = env.get(key);
            if (value != null && !value.isBlank()) {
                String runtime = value.trim().toLowerCase(Locale.ROOT);
                if (!runtime.equals("docker") && !runtime.equals("podman")) {
                    throw new ContainerEngineUnavailableException(key + "='" + value
                            + "' is not a supported container runtime (use docker or podman).", List.of());
                }
                return runtime;
            }
        }
        return null;
    }

    /** The endpoints {@link #connect()} will try, in order. */
    public List<Candidate> candidates() {
        String runtime = requestedRuntime();
        String dockerHost = env.get("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            String guessed = runtime != null ? runtime : dockerHost.contains("podman") ? "podman" : "docker";
            return List.of(new Candidate(guessed, dockerHost.trim(), "DOCKER_HOST"));
        }
        Set<Candidate> result = new LinkedHashSet<>();
        String xdg = env.get("XDG_RUNTIME_DIR");
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        if (runtime == null || runtime.equals("docker")) {
            result.add(unix("docker", "/var/run/docker.sock", "default Docker socket"));
            if (home != null) {
                result.add(unix("docker", home + "/.docker/run/docker.sock", "Docker Desktop socket"));
            }
            if (xdg != null) {
                result.add(unix("docker", xdg + "/docker.sock", "rootless Docker socket"));
            }
        }
        if (runtime == null || runtime.equals("podman")) {
            String containerHost = env.get("CONTAINER_HOST");
            if (containerHost != null && !containerHost.isBlank()) {
                result.add(new Candidate("podman", containerHost.trim(), "CONTAINER_HOST"));
            }
            result.add(unix("podman", "/run/podman/podman.sock", "rootful Podman socket"));
            if (xdg != null) {
                result.add(unix("podman", xdg + "/podman/podman.sock", "rootless Podman socket"));
            }
        }
        return List.copyOf(result);
    }

    private static Candidate unix(String runtime, String path, String source) {
        return new Candidate(runtime, "unix://" + path, source);
    }

    /**
     * Connects to the first candidate that answers a ping.
     *
     * @throws ContainerEngineUnavailableException listing every candidate and its outcome
     */
    public ContainerEngine connect() {
        List<Candidate> candidates = candidates();
        // Every candidate is checked at once (a raw ping under its own deadline); a docker-java client,
        // seconds of class loading and set-up in a fresh JVM, is then made for the chosen one only.
        List<CompletableFuture<URI>> checks = new ArrayList<>();
        for (Candidate candidate : candidates) {
            checks.add(CompletableFuture.supplyAsync(() -> check(candidate), DaemonThreads.EXECUTOR));
        }
        long deadline = System.nanoTime() + pingTimeout.toNanos() + 200_000_000L; // checks enforce their own deadlines
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            try {
                long left = Math.max(1, deadline - System.nanoTime());
                URI uri = checks.get(i).get(left, TimeUnit.NANOSECONDS);
                // The first in order that answers wins: later candidates need not be waited for.
                return open(candidate, uri);
            } catch (TimeoutException e) {
                outcomes.add(candidate + ": did not answer within " + pingTimeout.toMillis() + " ms (the daemon may be hung)");
            } catch (ExecutionException e) {
                outcomes.add(candidate + ": " + describe(e.getCause()));
            } catch (CandidateFailure e) {
                outcomes.add(candidate + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ContainerEngineException("Interrupted while looking for a container engine", e);
            } catch (RuntimeException e) {
                outcomes.add(candidate + ": " + describe(e));
            }
        }
        String runtime = requestedRuntime();
        throw new ContainerEngineUnavailableException("No container engine is reachable"
                + (runtime == null ? "" : " for runtime '" + runtime + "'") + ". Tried:", outcomes);
    }

    /** Whether {@code candidate} can be an engine, and (but over TLS) answers a raw ping; returns its URI. */
    private URI check(Candidate candidate) {
        URI uri;
        try {
            uri = URI.create(candidate.host());
        } catch (IllegalArgumentException e) {
            throw new CandidateFailure("not a valid engine URI (expected unix:///path or tcp://host:port)");
        }
        if ("unix".equals(uri.getScheme())) {
            Path socket = Path.of(uri.getPath());
            if (!Files.exists(socket)) {
                throw new CandidateFailure("no socket file at " + socket);
            }
            if (!Files.isReadable(socket) || !Files.isWritable(socket)) {
                throw new CandidateFailure("permission denied on " + socket
                        + " (add your user to the docker group, or run as root)");
            }
        } else if (!"tcp".equals(uri.getScheme()) && !"npipe".equals(uri.getScheme())) {
            throw new CandidateFailure("unsupported scheme '" + uri.getScheme() + "' (expected unix:// or tcp://)");
        }
        if (!usesTls(uri)) {
            rawPing(uri);
        }
        return uri;
    }

    /** The docker-java client for a checked candidate, its version asked under a deadline. */
    private DockerJavaContainerEngine open(Candidate candidate, URI uri) {
        DockerClient client = newClient(candidate.host(), env);
        EngineCallGuard guard = new EngineCallGuard(candidate.host());
        try {
            // After a raw ping the daemon is known to answer: this deadline only has to absorb
            // docker-java's first-call class loading on a loaded machine.
            Version version = guard.call("version", deadline(uri), () -> {
                client.pingCmd().exec();
                return client.versionCmd().exec();
            });
            EngineInfo info = new EngineInfo(runtimeOf(candidate, version), candidate.host(),
                    version.getVersion(), version.getApiVersion());
            return new DockerJavaContainerEngine(client, guard, info, connectionEnvironment(candidate.host()));
        } catch (RuntimeException e) {
            guard.close();
            closeQuietly(client);
            if (e instanceof ContainerEngineTimeoutException) {
                throw new CandidateFailure("did not answer within " + deadline(uri).toMillis() + " ms (the daemon may be hung)");
            }
            throw e;
        }
    }

    private Duration deadline(URI uri) {
        return usesTls(uri) ? pingTimeout : pingTimeout.plus(VERSION_AFTER_PING);
    }

    private void rawPing(URI uri) {
        try {
            String status = RawPing.ping(uri, pingTimeout);
            if (!status.contains(" 200")) {
                throw new CandidateFailure("answered '" + status + "' to GET /_ping");
            }
        } catch (RawPing.NoAnswerException e) {
            throw new CandidateFailure("did not answer within " + pingTimeout.toMillis() + " ms (the daemon may be hung)");
        } catch (java.io.IOException e) {
            throw new CandidateFailure(describe(e));
        }
    }

    /** TLS endpoints cannot take a plain-text raw ping; docker-java's ping (under our guard) is used alone. */
    boolean usesTls(URI uri) {
        return "tcp".equals(uri.getScheme()) && (uri.getPort() == 2376 || tlsVerify(env));
    }

    /** {@code DOCKER_TLS_VERIFY} as the Docker CLI reads it: set and not empty or {@code 0} means verify. */
    static boolean tlsVerify(Map<String, String> env) {
        String verify = env.get("DOCKER_TLS_VERIFY");
        return verify != null && !verify.isBlank() && !verify.trim().equals("0") && !verify.trim().equalsIgnoreCase("false");
    }

    /**
     * {@code env} with the AppHost's configuration laid over it: {@value #HOST_KEY},
     * {@value #TLS_VERIFY_KEY} and {@value #CERT_PATH_KEY} (in {@code apphost.properties}, as
     * {@code --ContainerEngine:Host=tcp://build-box:2376}, or as {@code ContainerEngine__Host}) stand for
     * {@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH}.
     *
     * <pre>{@code
     * Map<String, String> env = ContainerEngineLocator.withConfiguration(System.getenv(), builder.configuration()::get);
     * ContainerEngine engine = new ContainerEngineLocator(env).connect();
     * }</pre>
     */
    public static Map<String, String> withConfiguration(Map<String, String> env, Function<String, String> configuration) {
        Map<String, String> result = new LinkedHashMap<>(env);
        putIfSet(result, "DOCKER_HOST", configuration.apply(HOST_KEY));
        putIfSet(result, "DOCKER_TLS_VERIFY", configuration.apply(TLS_VERIFY_KEY));
        putIfSet(result, "DOCKER_CERT_PATH", configuration.apply(CERT_PATH_KEY));
        return result;
    }

    private static void putIfSet(Map<String, String> env, String variable, String value) {
        if (value != null && !value.isBlank()) {
            env.put(variable, value.trim());
        }
    }

    /**
     * The variables that say how to reach the engine at {@code host} the way this locator did
     * ({@code DOCKER_HOST} and, for TLS, {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH}): handed
     * to the reaper, so that it connects to the same engine with the same credentials.
     */
    public Map<String, String> connectionEnvironment(String host) {
        Map<String, String> result = new LinkedHashMap<>();
        result.put("DOCKER_HOST", host);
        if (host.startsWith("tcp://") && tlsVerify(env)) {
            result.put("DOCKER_TLS_VERIFY", "1");
            result.put("DOCKER_CERT_PATH", certPath(env));
        }
        return result;
    }

    /** {@code DOCKER_CERT_PATH}, else {@code ~/.docker} (the CLI's default): ca.pem, cert.pem, key.pem. */
    static String certPath(Map<String, String> env) {
        String path = env.get("DOCKER_CERT_PATH");
        if (path != null && !path.isBlank()) {
            return path.trim();
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".docker").toString();
    }

    /** Podman answers the Docker API too; its version components name it. */
    private static String runtimeOf(Candidate candidate, Version version) {
        String components = String.valueOf(version.getComponents()) + version.getPlatform();
        return components.toLowerCase(Locale.ROOT).contains("podman") ? "podman" : candidate.runtime();
    }

    /**
     * The docker-java configuration for {@code host}, TLS taken from {@code env} (not from the
     * process environment docker-java would read): verification and client certificates only on
     * {@code tcp://}, from {@link #certPath}.
     */
    static DockerClientConfig clientConfig(String host, Map<String, String> env) {
        boolean tls = host.startsWith("tcp://") && tlsVerify(env);
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host).withDockerTlsVerify(tls);
        if (tls) {
            builder.withDockerCertPath(certPath(env));
        }
        return builder.build();
    }

    /** A docker-java client for {@code host}: zerodep transport, no pinned API version, TLS as {@code env} says. */
    static DockerClient newClient(String host, Map<String, String> env) {
        DockerClientConfig config = clientConfig(host, env);
        // No responseTimeout: on tcp:// it would cut long log follows and waits; our guard times calls instead.
        DockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(100)
                .connectionTimeout(Duration.ofSeconds(3))
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    private static String describe(Throwable failure) {
        if (failure instanceof CandidateFailure) {
            return failure.getMessage();
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || String.valueOf(t.getMessage()).contains("Connection refused")
                    || String.valueOf(t.getMessage()).contains("connection refused")) {
                return "connection refused (nothing listens there: the daemon is not running, or the socket is stale)";
            }
            if (t instanceof SocketException && String.valueOf(t.getMessage()).contains("Permission denied")) {
                return "permission denied (add your user to the docker group, or run as root)";
            }
            if (t instanceof SocketException && String.valueOf(t.getMessage()).contains("No such file")) {
                return "no socket file";
            }
        }
        return EngineCallGuard.rootMessage(failure);
    }

    private static void closeQuietly(DockerClient client) {
        try {
            client.close();
        } catch (IOException | RuntimeException ignored) {
            // best effort: the candidate is being discarded anyway
        }
    }

    /** A candidate failed for a reason we can state precisely. */
    private static final class CandidateFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CandidateFailure(String message) {
            super(message, null, false, false);
        }
    }
}
