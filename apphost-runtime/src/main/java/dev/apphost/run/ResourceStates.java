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
 * The state machine of a compute resource (Aspire's {@code KnownResourceStates}), driven by its
 * {@link ResourceController}:
 *
 * <pre>
 *                 ┌───────────── stop ─────────────┐
 *                 │                                ▼
 * NotStarted → Waiting → Starting → Running → Stopping → Finished | Exited
 *      │          │          │          └──────────────→ Finished | Exited   (exited by itself)
 *      └──────────┴──────────┴→ FailedToStart
 * Finished | Exited | FailedToStart → Waiting | Starting | FailedToStart     (start, restart)
 * </pre>
 *
 * Terminal states are left only by a start. Parameters use their own texts ({@link #VALUE_MISSING})
 * outside this machine. See {@code docs/lifecycle.md}.
 */
public final class ResourceStates {

    /** A parameter without a value (Aspire's text). */
    public static final String VALUE_MISSING = "Value missing";

    private static final Set<String> RESTART = Set.of(WAITING, STARTING, FAILED_TO_START);

    private static final Map<String, Set<String>> NEXT = Map.of(
            NOT_STARTED, Set.of(WAITING, STARTING, FAILED_TO_START),
            WAITING, Set.of(STARTING, FAILED_TO_START, NOT_STARTED),
            STARTING, Set.of(RUNNING, FAILED_TO_START, STOPPING, EXITED, FINISHED),
            RUNNING, Set.of(STOPPING, EXITED, FINISHED, RUNTIME_UNHEALTHY),
            RUNTIME_UNHEALTHY, Set.of(RUNNING, STOPPING, EXITED, FINISHED),
            STOPPING, Set.of(EXITED, FINISHED),
            FINISHED, RESTART,
            EXITED, RESTART,
            FAILED_TO_START, RESTART);

    private ResourceStates() {
    }

    /** Whether a compute resource may go from {@code from} to {@code to}. */
    public static boolean canMove(String from, String to) {
        return NEXT.getOrDefault(from, Set.of()).contains(to);
    }

    /**
     * The state after a process exits with {@code exitCode}: {@code Finished} when the AppHost asked
     * it to stop, whatever signal ended it (SIGTERM, or SIGKILL after the grace period) and for
     * code 0; {@code Exited} otherwise.
     */
    public static String afterExit(int exitCode, boolean stopRequested) {
        return exitCode == 0 || stopRequested ? FINISHED : EXITED;
    }

    /** Whether a resource in {@code state} is not running and not on its way to run. */
    public static boolean isIdle(String state) {
        return NOT_STARTED.equals(state) || dev.apphost.KnownResourceStates.TERMINAL.contains(state);
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

    /** Aspire's message for a {@code waitForCompletion} dependency that ended with the wrong exit code. */
    public static String wrongExitCode(String dependency, String state, int exitCode, int expected) {
        return "Resource '" + dependency + "' has entered the '" + state + "' state with exit code '" + exitCode
                + "', expected '" + expected + "'.";
    }
}
