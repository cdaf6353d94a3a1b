package dev.apphost;

import dev.apphost.model.ExecutableResource;
import java.nio.file.Path;

/**
 * A plain process: a command found on {@code PATH} or given as a path, run in a working directory
 * relative to the AppHost's folder.
 *
 * <pre>{@code
 * builder.addExecutable("worker", "python3", "../worker", "worker.py", "--verbose")
 *        .withHttpEndpoint(null, null, "http", "PORT");
 * }</pre>
 */
public final class ExecutableResourceBuilder extends ComputeResourceBuilder<ExecutableResourceBuilder> {

    private final String command;
    private int replicas = 1;
    private final Path workingDirectory;

    ExecutableResourceBuilder(DistributedApplicationBuilder applicationBuilder, String name, String command,
            Path workingDirectory) {
        super(applicationBuilder, name);
        this.command = command;
        this.workingDirectory = workingDirectory;
    }

    /**
     * Runs {@code count} processs of this resource. Each endpoint keeps one host port, where a TCP proxy
     * in the AppHost spreads connections round-robin over the replicas; each replica listens on a port
     * of its own, which it receives through its port variables. The resource is {@code Running} once all
     * replicas run; their log lines start with {@code [<name>-<index>]}.
     *
     * <pre>{@code
     * builder.addExecutable(...).withReplicas(2);
     * }</pre>
     */
    public ExecutableResourceBuilder withReplicas(int count) {
        replicas = validReplicas(count);
        return this;
    }

    @Override
    public ExecutableResource resource() {
        return new ExecutableResource(name(), command, workingDirectory, settings(), replicas);
    }
}
