package dev.apphost.containers;

/** A supported {@code withContainerRuntimeArgs} option with a missing or malformed value. */
public class InvalidContainerRuntimeArgException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidContainerRuntimeArgException(String option, String value, String expected) {
        super("Invalid value " + (value == null ? "(missing)" : "'" + value + "'") + " for container runtime argument "
                + option + ": expected " + expected + ".");
    }
}
