package dev.apphost.maven.deploy;

import dev.apphost.publish.deploy.DeploymentInfo;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Brings a published Compose app up and down on the local engine: {@code up -d}, then waits until
 * every container runs and those with a health check report {@code healthy} (a container that
 * exited with a non-zero code, or turned {@code unhealthy}, fails the deployment with its last log
 * lines), then finds the published URLs. {@code down -v --remove-orphans} removes containers,
 * networks and volumes.
 *
 * <pre>{@code
 * var deployment = new ComposeDeployment(compose, DeploymentInfo.read(dir), System.out::println);
 * Map<String, URI> urls = deployment.up(Duration.ofMinutes(3));
 * deployment.down();
 * }</pre>
 */
public final class ComposeDeployment {

    static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);
    /** How often the containers' states are read while waiting: one {@code docker inspect}, tens of ms. */
    static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final ComposeCommand compose;
    private final DeploymentInfo info;
    private final Consumer<String> log;

    public ComposeDeployment(ComposeCommand compose, DeploymentInfo info, Consumer<String> log) {
        this.compose = compose;
        this.info = info;
        this.log = log;
    }

    /** {@code up -d}, wait for health; returns the external endpoints' URLs by {@code service/endpoint}. */
    public Map<String, URI> up(Duration healthTimeout) throws DeployException {
        start();
        return awaitHealthy(healthTimeout);
    }

    /** {@code up -d}: creates and starts the containers, without waiting for their health. */
    public void start() throws DeployException {
        compose.run(COMMAND_TIMEOUT, "up", "-d", "--remove-orphans");
    }

    /** After {@link #start()}: waits for health; returns the external endpoints' URLs by {@code service/endpoint}. */
    public Map<String, URI> awaitHealthy(Duration healthTimeout) throws DeployException {
        return urls(waitUntilHealthy(containerIds(), healthTimeout));
    }

    public void down() throws DeployException {
        compose.run(COMMAND_TIMEOUT, "down", "-v", "--remove-orphans");
    }

    /** The ids of the deployment's containers, running or not. */
    public List<String> containerIds() throws DeployException {
        return compose.run(COMMAND_TIMEOUT, "ps", "-q").lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * Polls the containers {@code up} created (their ids do not change while they restart) with the
     * engine's CLI only: starting Compose once per poll would cost more than the poll.
     */
    List<ContainerState> waitUntilHealthy(List<String> ids, Duration timeout) throws DeployException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> last = Map.of();
        while (true) {
            List<ContainerState> states = inspect(ids);
            List<String> waiting = new ArrayList<>();
            Map<String, String> now = new LinkedHashMap<>();
            for (ContainerState state : states) {
                now.put(state.service(), state.describe());
                if (state.failed()) {
                    throw new DeployException("Service '" + state.service() + "' " + state.describe()
                            + ". Its last log lines:\n" + logs(state.service()));
                }
                if (!state.ready()) {
                    waiting.add(state.service() + " (" + state.describe() + ")");
                }
            }
            if (!now.equals(last)) {
                now.forEach((service, description) -> log.accept(service + ": " + description));
                last = now;
            }
            if (waiting.isEmpty() && !states.isEmpty()) {
                return states;
            }
            if (System.nanoTime() > deadline) {
                throw new DeployException("Not healthy within " + timeout.toSeconds() + " s: "
                        + String.join(", ", waiting) + ".");
            }
            sleep();
        }
    }

    private String logs(String service) {
        try {
            return compose.run(Duration.ofSeconds(30), "logs", "--no-color", "--tail", "30", service);
        } catch (DeployException e) {
            return e.getMessage();
        }
    }

    /**
     * One container as {@code docker inspect} sees it; {@code hostPorts} maps a published
     * {@code <port>/<protocol>} to its host port.
     */
    record ContainerState(String service, String status, int exitCode, String health, Map<String, String> hostPorts) {

        boolean failed() {
            return ("exited".equals(status) && exitCode != 0) || "dead".equals(status) || "unhealthy".equals(health);
        }

        boolean ready() {
            if ("exited".equals(status)) {
                return exitCode == 0;
            }
            return "running".equals(status) && (health.isEmpty() || "healthy".equals(health));
        }

        String describe() {
            if ("exited".equals(status)) {
                return "exited with code " + exitCode;
            }
            return health.isEmpty() ? status : status + ", " + health;
        }

        /** {@code service|status|exitCode|health|8080/tcp=32768;…}, as {@link #FORMAT} prints it. */
        static ContainerState parse(String line) {
            String[] parts = line.split("\\|", -1);
            if (parts.length != 5) {
                return null;
            }
            Map<String, String> ports = new LinkedHashMap<>();
            for (String binding : parts[4].strip().split(";")) {
                int eq = binding.indexOf('=');
                if (eq > 0 && eq < binding.length() - 1) {
                    ports.put(binding.substring(0, eq), binding.substring(eq + 1));
                }
            }
            return new ContainerState(parts[0], parts[1], Integer.parseInt(parts[2].strip()), parts[3].strip(), ports);
        }

        static final String FORMAT = "{{index .Config.Labels \"com.docker.compose.service\"}}|{{.State.Status}}|"
                + "{{.State.ExitCode}}|{{if .State.Health}}{{.State.Health.Status}}{{end}}|"
                + "{{range $port, $bindings := .NetworkSettings.Ports}}{{if $bindings}}"
                + "{{$port}}={{(index $bindings 0).HostPort}};{{end}}{{end}}";
    }

    private static List<ContainerState> inspect(List<String> ids) throws DeployException {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> command = new ArrayList<>(List.of("docker", "inspect", "--format", ContainerState.FORMAT));
        command.addAll(ids);
        List<ContainerState> states = new ArrayList<>();
        for (String line : ComposeCommand.exec(command, null, Map.of(), Duration.ofSeconds(30)).lines().toList()) {
            ContainerState state = ContainerState.parse(line);
            if (state != null) {
                states.add(state);
            }
        }
        return states;
    }

    /** {@code http://localhost:<published port>} for each external endpoint, from the last inspection. */
    Map<String, URI> urls(List<ContainerState> states) {
        Map<String, URI> urls = new LinkedHashMap<>();
        for (DeploymentInfo.ExternalEndpoint endpoint : info.externalEndpoints()) {
            states.stream()
                    .filter(s -> s.service().equals(endpoint.service()))
                    .map(s -> s.hostPorts().get(endpoint.targetPort() + "/tcp"))
                    .filter(port -> port != null && !port.isEmpty())
                    .findFirst()
                    .ifPresent(port -> urls.put(endpoint.service() + "/" + endpoint.endpoint(),
                            URI.create(endpoint.scheme() + "://localhost:" + port)));
        }
        return urls;
    }

    private static void sleep() throws DeployException {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException("Interrupted while waiting for the deployment to be healthy", e);
        }
    }
}
