package dev.apphost.model;

import java.nio.file.Path;

/**
 * A plain process.
 *
 * @param command a program name looked up on {@code PATH}, or a path
 * @param workingDirectory absolute (relative folders were resolved against the AppHost's folder)
 * @param replicas how many processes run it ({@code withReplicas}), behind one proxy per endpoint; 1 = no replicas
 */
public record ExecutableResource(String name, String command, Path workingDirectory, ComputeSettings settings,
        int replicas) implements ComputeResource {

    public ExecutableResource {
        ComputeResource.requireReplicas(name, replicas);
    }

    /** An executable run as a single process. */
    public ExecutableResource(String name, String command, Path workingDirectory, ComputeSettings settings) {
        this(name, command, workingDirectory, settings, 1);
    }
}
