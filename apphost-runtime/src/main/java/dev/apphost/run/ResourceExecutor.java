package dev.apphost.run;

import dev.apphost.model.ComputeResource;
import dev.apphost.plan.Network;

/**
 * Starts one kind of compute resource. The orchestrator decides ports, order and environment;
 * an executor only turns a fully resolved {@link LaunchRequest} into something running. The process
 * executor handles projects and executables; the {@link ContainerExecutor} handles containers and
 * returns {@link Network#CONTAINER} from {@link #network()} so that values are resolved as a
 * container sees them. An executor lives for one run: {@link #close()} ends it.
 *
 * <pre>{@code
 * RunningResource running = executor.start(resource, request, (stream, line) -> System.out.println(line));
 * int exitCode = running.exit().join();
 * }</pre>
 */
public interface ResourceExecutor extends AutoCloseable {

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

    /**
     * Called once when the run starts, before any resource starts, with every compute resource of the
     * model: an executor may begin work that does not depend on any one resource (connecting to an
     * engine, say) in the background here.
     */
    default void prepare(java.util.List<ComputeResource> resources) {
    }

    /** Called once before the first start: where to report what must die with the AppHost. */
    default void useReaper(ProcessReaper reaper) {
    }

    /**
     * The run is over and every resource it started has been stopped: release what the executor
     * holds for the run (for containers: the session's leftovers, its network, the engine connection).
     */
    @Override
    default void close() {
    }

    /** {@link #close()}, reporting a failure on {@code System.err} instead of throwing. */
    static void closeQuietly(ResourceExecutor executor) {
        try {
            executor.close();
        } catch (RuntimeException e) {
            System.err.println("apphost: " + executor.getClass().getSimpleName() + " did not close cleanly: " + e);
        }
    }

    /** Receives a resource's output; called from the executor's reader threads. */
    @FunctionalInterface
    interface LogSink {
        /** One line (containers' output, the AppHost's own notes). */
        void line(LogLine.Stream stream, String text);

        /** The lines of one read of a process's pipe; a sink that only wants lines gets them one by one. */
        default void lines(LogBatch batch) {
            for (int i = 0; i < batch.size(); i++) {
                line(batch.stream(), batch.text(i));
            }
        }
    }
}
