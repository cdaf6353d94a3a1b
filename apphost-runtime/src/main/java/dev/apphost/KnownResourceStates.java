package dev.apphost;

import java.util.Set;

/** The states a resource goes through, with Aspire's names. */
public final class KnownResourceStates {

    public static final String NOT_STARTED = "NotStarted";
    public static final String WAITING = "Waiting";
    public static final String STARTING = "Starting";
    public static final String RUNNING = "Running";
    public static final String RUNTIME_UNHEALTHY = "RuntimeUnhealthy";
    public static final String FAILED_TO_START = "FailedToStart";
    public static final String EXITED = "Exited";
    public static final String FINISHED = "Finished";
    public static final String STOPPING = "Stopping";

    /** States a resource does not leave by itself. */
    public static final Set<String> TERMINAL = Set.of(FAILED_TO_START, EXITED, FINISHED);

    private KnownResourceStates() {
    }

    public static boolean isTerminal(String state) {
        return TERMINAL.contains(state);
    }
}
