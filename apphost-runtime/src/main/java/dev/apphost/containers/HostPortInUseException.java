package dev.apphost.containers;

/**
 * A fixed host port requested in {@link ContainerSpec#ports()} is already taken by another process
 * or container. The container that could not start has been removed.
 */
public class HostPortInUseException extends ContainerEngineException {
    private static final long serialVersionUID = 1L;
    private final int hostPort;

    public HostPortInUseException(String containerName, int hostPort, String engineMessage) {
        super("Host port " + hostPort + " requested by container '" + containerName
                + "' is already in use (" + engineMessage + "). Free the port, choose another one, "
                + "or leave the host port unset so the engine picks a free one.");
        this.hostPort = hostPort;
    }

    public int hostPort() {
        return hostPort;
    }
}
