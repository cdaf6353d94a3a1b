package dev.apphost.containers;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A host file or directory mounted into the container.
 *
 * @param source   absolute host path (the engine creates a missing directory as root, so callers
 *                 should check existence themselves when that matters)
 * @param target   absolute path inside the container
 * @param readOnly mount read-only
 */
public record BindMount(Path source, String target, boolean readOnly) {
    public BindMount {
        Objects.requireNonNull(source, "source == null");
        Objects.requireNonNull(target, "target == null");
        if (!source.isAbsolute()) {
            throw new IllegalArgumentException("bind mount source must be an absolute path: " + source);
        }
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("bind mount target must be an absolute container path: " + target);
        }
    }
}
