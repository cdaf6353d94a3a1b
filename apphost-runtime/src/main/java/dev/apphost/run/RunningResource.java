package dev.apphost.run;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A started resource, as its executor sees it. */
public interface RunningResource {

    /**
     * Completes with the exit code once the resource has exited and its output has been read to the
     * end (so the last lines are in the log buffer when the orchestrator reports the exit).
     */
    CompletableFuture<Integer> exit();

    /**
     * Asks it to stop (SIGTERM to a process and all its descendants, {@code docker stop} for a
     * container), kills it after {@code grace}, and returns once it is gone.
     */
    void stop(Duration grace);

    /**
     * The application is stopping: stop it, unless it outlives the application. A persistent
     * container is left running (only disconnected from the session), so the next run reuses it;
     * everything else stops as with {@link #stop}. Called instead of {@link #stop} at shutdown, never
     * for a stop command.
     */
    default void release(Duration grace) {
        stop(grace);
    }

    /** What the start had to say, for the resource's snapshot (e.g. that a persistent container was reused), or {@code null}. */
    default String note() {
        return null;
    }

    /** The operating-system processes to watch (for a process resource: the process itself). */
    default List<ProcessHandle> processes() {
        return List.of();
    }

    /** The pid of a process resource, or {@code null}. */
    default Long pid() {
        return null;
    }
}
