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
        compose.run(COMMAND_TIMEOUT, "up", "-d", "--remove-orphans");
        waitUntilHealthy(healthTimeout);
        return urls();
    }

    public void down() throws DeployException {
        compose.run(COMMAND_TIMEOUT, "down", "-v", "--remove-orphans");
    }

    /** The ids of the deployment's containers, running or not. */
    public List<String> containerIds() throws DeployException {
        return compose.run(COMMAND_TIMEOUT, "ps", "-q").lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    void waitUntilHealthy(Duration timeout) throws DeployException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> last = Map.of();
        while (true) {
            List<ContainerState> states = inspect(containerIds());
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
                return;
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

    /** One container as {@code docker inspect} sees it. */
    record ContainerState(String service, String status, int exitCode, String health) {

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
    }

    private static List<ContainerState> inspect(List<String> ids) throws DeployException {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> command = new ArrayList<>(List.of("docker", "inspect", "--format",
                "{{index .Config.Labels \"com.docker.compose.service\"}}|{{.State.Status}}|{{.State.ExitCode}}|"
                        + "{{if .State.Health}}{{.State.Health.Status}}{{end}}"));
        command.addAll(ids);
        List<ContainerState> states = new ArrayList<>();
        for (String line : ComposeCommand.exec(command, null, Map.of(), Duration.ofSeconds(30)).lines().toList()) {
            String[] parts = line.split("\\|", -1);
            if (parts.length == 4) {
                states.add(new ContainerState(parts[0], parts[1], Integer.parseInt(parts[2].strip()), parts[3].strip()));
            }
        }
        return states;
    }

    /** {@code http://localhost:<published port>} for each external endpoint. */
    Map<String, URI> urls() throws DeployException {
        Map<String, URI> urls = new LinkedHashMap<>();
        for (DeploymentInfo.ExternalEndpoint endpoint : info.externalEndpoints()) {
            String published = compose.run(Duration.ofSeconds(30), "port", endpoint.service(),
                    Integer.toString(endpoint.targetPort())).strip();
            int colon = published.lastIndexOf(':');
            if (colon < 0) {
                continue;
            }
            urls.put(endpoint.service() + "/" + endpoint.endpoint(),
                    URI.create(endpoint.scheme() + "://localhost:" + published.substring(colon + 1)));
        }
        return urls;
    }

    private static void sleep() throws DeployException {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException("Interrupted while waiting for the deployment to be healthy", e);
        }
    }
}
