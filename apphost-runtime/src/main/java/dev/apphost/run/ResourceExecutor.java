package dev.apphost.run;

import dev.apphost.model.ComputeResource;
import dev.apphost.plan.Network;

/**
 * Starts one kind of compute resource. The orchestrator decides ports, order and environment;
 * an executor only turns a fully resolved {@link LaunchRequest} into something running. The process
 * executor handles projects and executables; the container executor ({@code dev.apphost.containers})
 * implements the same interface for containers and returns {@link Network#CONTAINER} from
 * {@link #network()} so that values are resolved as a container sees them.
 *
 * <pre>{@code
 * RunningResource running = executor.start(resource, request, (stream, line) -> System.out.println(line));
 * int exitCode = running.exit().join();
 * }</pre>
 */
public interface ResourceExecutor {

    /** Whether this executor runs {@code resource}. */
    boolean supports(ComputeResource resource);

    /** The network the resource's environment and arguments are resolved for. */
    default Network network() {
        return Network.HOST;
    }

    /**
     * Starts {@code resource}; returns once it runs (for a process: once it was spawned). Every line
     * it writes goes to {@code logs}, which the executor must drain until the output ends.
     *
     * @throws ResourceStartException with a message for the user when it cannot start
     */
    RunningResource start(ComputeResource resource, LaunchRequest request, LogSink logs) throws ResourceStartException;

    /** Receives a resource's output, line by line; called from the executor's reader threads. */
    @FunctionalInterface
    interface LogSink {
        void line(LogLine.Stream stream, String text);
    }
}
