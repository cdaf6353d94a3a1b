package dev.apphost.containers;

/**
 * Base type of every failure reported by the container engine layer. Subtypes name the specific
 * problem ({@link ContainerEngineUnavailableException}, {@link ImageNotFoundException},
 * {@link HostPortInUseException}, ...); this type alone is used for other daemon errors, with the
 * daemon's own message.
 */
public class ContainerEngineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ContainerEngineException(String message) {
        super(message);
    }

    public ContainerEngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
