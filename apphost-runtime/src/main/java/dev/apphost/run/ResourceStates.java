package dev.apphost.run;

import static dev.apphost.KnownResourceStates.EXITED;
import static dev.apphost.KnownResourceStates.FAILED_TO_START;
import static dev.apphost.KnownResourceStates.FINISHED;
import static dev.apphost.KnownResourceStates.NOT_STARTED;
import static dev.apphost.KnownResourceStates.RUNNING;
import static dev.apphost.KnownResourceStates.RUNTIME_UNHEALTHY;
import static dev.apphost.KnownResourceStates.STARTING;
import static dev.apphost.KnownResourceStates.STOPPING;
import static dev.apphost.KnownResourceStates.WAITING;

import java.util.Map;
import java.util.Set;

/**
 * The state machine of a compute resource (Aspire's {@code KnownResourceStates}):
 *
 * <pre>
 * NotStarted → Waiting → Starting → Running → Stopping → Finished | Exited
 *                 │          │          └──────────────→ Finished | Exited | RuntimeUnhealthy
 *                 └──────────┴→ FailedToStart
 * </pre>
 *
 * Terminal states are final, except that a resource that has not started may still be marked
 * {@code FailedToStart}. Parameters use their own texts ({@link #VALUE_MISSING}) outside this machine.
 */
public final class ResourceStates {

    /** A parameter without a value (Aspire's text). */
    public static final String VALUE_MISSING = "Value missing";

    private static final Map<String, Set<String>> NEXT = Map.of(
            NOT_STARTED, Set.of(WAITING, STARTING, FAILED_TO_START),
            WAITING, Set.of(STARTING, FAILED_TO_START, NOT_STARTED),
            STARTING, Set.of(RUNNING, FAILED_TO_START, EXITED, FINISHED),
            RUNNING, Set.of(STOPPING, EXITED, FINISHED, RUNTIME_UNHEALTHY),
            RUNTIME_UNHEALTHY, Set.of(RUNNING, STOPPING, EXITED, FINISHED),
            STOPPING, Set.of(EXITED, FINISHED));

    private ResourceStates() {
    }

    /** Whether a compute resource may go from {@code from} to {@code to}. */
    public static boolean canMove(String from, String to) {
        return NEXT.getOrDefault(from, Set.of()).contains(to);
    }

    /**
     * The state after a process exits with {@code exitCode}: {@code Finished} for 0, and also for
     * 130 (SIGINT) and 143 (SIGTERM) when the AppHost asked it to stop; {@code Exited} otherwise.
     */
    public static String afterExit(int exitCode, boolean stopRequested) {
        if (exitCode == 0 || (stopRequested && (exitCode == 130 || exitCode == 143))) {
            return FINISHED;
        }
        return EXITED;
    }

    /**
     * Aspire's message for a dependent whose dependency {@code dependency} reached {@code state}
     * ({@code StopOnResourceUnavailable}), or {@code null} while that state lets it keep waiting.
     */
    public static String dependencyFailure(String dependency, String state) {
        if (FAILED_TO_START.equals(state)) {
            return "Dependency resource '" + dependency + "' failed to start.";
        }
        if (FINISHED.equals(state) || EXITED.equals(state) || RUNTIME_UNHEALTHY.equals(state)) {
            return "Resource '" + dependency + "' has entered the '" + state + "' state prematurely.";
        }
        return null;
    }
}
