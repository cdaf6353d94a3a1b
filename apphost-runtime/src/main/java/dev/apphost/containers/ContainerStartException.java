package dev.apphost.containers;

/** The engine created the container but could not start it; the container has been removed. */
public class ContainerStartException extends ContainerEngineException {
    private static final long serialVersionUID = 1L;

    public ContainerStartException(String containerName, String image, String engineMessage, Throwable cause) {
        super("Container '" + containerName + "' (image " + image + ") could not be started: " + engineMessage, cause);
    }
}
