package dev.apphost.run;

/**
 * Makes sure what the AppHost started does not outlive it, even when the AppHost is killed with
 * SIGKILL and cannot stop anything itself. The orchestrator reports every process it starts, and
 * the container executor reports its session; {@link WatchdogReaper} implements this with
 * {@link dev.apphost.watchdog.Watchdog}.
 */
public interface ProcessReaper {

    /** Kill {@code process} (and its descendants) if the AppHost dies while it runs. */
    void watch(ProcessHandle process);

    /** {@code process} has exited: forget it (so a recycled pid is never killed). */
    default void release(ProcessHandle process) {
    }

    /**
     * Remove the containers and networks labelled with {@code sessionId} on the engine at
     * {@code engineHost} if the AppHost dies. Called before the session creates anything.
     */
    default void watchContainerSession(String sessionId, String engineHost) {
    }

    /**
     * As {@link #watchContainerSession(String, String)}, with everything needed to reach the engine
     * ({@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY}, {@code DOCKER_CERT_PATH}: see
     * {@code ContainerEngine.connectionEnvironment()}), so a TLS engine is reached with its certificates.
     */
    default void watchContainerSession(String sessionId, java.util.Map<String, String> engineEnvironment) {
        watchContainerSession(sessionId, engineEnvironment.get("DOCKER_HOST"));
    }

    /** The AppHost is shutting down normally and has stopped everything it started. */
    default void close() {
    }

    /** Watches nothing. */
    ProcessReaper NONE = process -> { };
}
