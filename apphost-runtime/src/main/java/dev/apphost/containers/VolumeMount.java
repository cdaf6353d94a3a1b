package dev.apphost.containers;

import java.util.Objects;

/**
 * A named volume mounted into the container; the engine creates it on first use and keeps it
 * after the container is removed (only anonymous volumes are removed with the container).
 *
 * @param name     volume name
 * @param target   absolute path inside the container
 * @param readOnly mount read-only
 */
public record VolumeMount(String name, String target, boolean readOnly) {
    public VolumeMount {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(target, "target == null");
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("volume target must be an absolute container path: " + target);
        }
    }
}
