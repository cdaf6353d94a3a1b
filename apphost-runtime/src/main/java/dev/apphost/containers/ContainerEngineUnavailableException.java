package dev.apphost.containers;

import java.util.List;

/**
 * No container engine answered. The message lists every candidate endpoint that was tried, with
 * its outcome, and how to fix it.
 */
public class ContainerEngineUnavailableException extends ContainerEngineException {
    private static final long serialVersionUID = 1L;
    private final List<String> attempts;

    public ContainerEngineUnavailableException(String summary, List<String> attempts) {
        super(summary + "\n" + String.join("\n", attempts.stream().map(a -> "  - " + a).toList()) + "\n" + HOW_TO_FIX);
        this.attempts = List.copyOf(attempts);
    }

    /** One line per candidate: endpoint, where it came from, and what happened. */
    public List<String> attempts() {
        return attempts;
    }

    static final String HOW_TO_FIX = "To fix: start the engine (e.g. `sudo dockerd` or `systemctl start docker`; "
            + "on CI and dev machines run `sudo bash scripts/container-setup.sh`, which installs and starts it), "
            + "or set DOCKER_HOST to a reachable engine (unix:///path/to.sock or tcp://host:port), "
            + "or choose the runtime with APPHOST_CONTAINER_RUNTIME=docker|podman.";
}
