package dev.apphost.containers;

/** A container with the requested name already exists (HTTP 409 on create). */
public class ContainerNameConflictException extends ContainerEngineException {
    private static final long serialVersionUID = 1L;

    public ContainerNameConflictException(String name, String engineMessage) {
        super("A container named '" + name + "' already exists (" + engineMessage
                + "). Remove it (docker rm -f " + name + ") or choose another name.");
    }
}
