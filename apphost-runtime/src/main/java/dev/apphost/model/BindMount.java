package dev.apphost.model;

import java.nio.file.Path;

/**
 * A host path mounted into a container.
 *
 * @param source absolute host path (relative sources were resolved against the AppHost's folder)
 * @param target the path inside the container
 */
public record BindMount(Path source, String target, boolean readOnly) {
}
