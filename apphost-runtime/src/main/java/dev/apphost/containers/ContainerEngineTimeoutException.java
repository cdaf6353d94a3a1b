package dev.apphost.containers;

import java.time.Duration;

/**
 * An engine call did not answer within our own deadline. docker-java does not apply its timeouts
 * to unix sockets, so a hung daemon would otherwise block the caller forever; the calling thread
 * is released and the stuck request is abandoned on a daemon thread.
 */
public class ContainerEngineTimeoutException extends ContainerEngineException {
    private static final long serialVersionUID = 1L;

    public ContainerEngineTimeoutException(String operation, String engineHost, Duration timeout) {
        super("Container engine at " + engineHost + " did not answer '" + operation + "' within "
                + timeout.toMillis() + " ms; the daemon may be hung. Restart it (e.g. scripts/container-setup.sh "
                + "starts dockerd) or point DOCKER_HOST at a healthy engine.");
    }
}
