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

    /** The operating-system processes to watch (for a process resource: the process itself). */
    default List<ProcessHandle> processes() {
        return List.of();
    }

    /** The pid of a process resource, or {@code null}. */
    default Long pid() {
        return null;
    }
}
