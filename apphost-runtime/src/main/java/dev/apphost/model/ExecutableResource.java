package dev.apphost.model;

import java.nio.file.Path;

/**
 * A plain process.
 *
 * @param command a program name looked up on {@code PATH}, or a path
 * @param workingDirectory absolute (relative folders were resolved against the AppHost's folder)
 */
public record ExecutableResource(String name, String command, Path workingDirectory, ComputeSettings settings)
        implements ComputeResource {
}
