package dev.apphost.containers;

/** A {@code withContainerRuntimeArgs} option outside the supported subset. */
public class UnsupportedContainerRuntimeArgException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String arg;

    public UnsupportedContainerRuntimeArgException(String arg) {
        super("Unsupported container runtime argument '" + arg + "'. Supported: "
                + String.join(", ", ContainerRuntimeArgs.SUPPORTED_OPTIONS) + ".");
        this.arg = arg;
    }

    public String arg() {
        return arg;
    }
}
