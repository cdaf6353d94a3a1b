package dev.apphost.model;

/**
 * A named (or, with a {@code null} name, anonymous) volume mounted into a container.
 */
public record VolumeMount(String name, String target, boolean readOnly) {
}
