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
    private final Path workingDirectory;

    ExecutableResourceBuilder(DistributedApplicationBuilder applicationBuilder, String name, String command,
            Path workingDirectory) {
        super(applicationBuilder, name);
        this.command = command;
        this.workingDirectory = workingDirectory;
    }

    @Override
    public ExecutableResource resource() {
        return new ExecutableResource(name(), command, workingDirectory, settings());
    }
}
