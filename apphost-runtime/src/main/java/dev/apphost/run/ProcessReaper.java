package dev.apphost.run;

/**
 * Makes sure started processes do not outlive the AppHost, even when the AppHost is killed with
 * SIGKILL and cannot stop them itself. The orchestrator reports every process it starts; the
 * colleague's {@code dev.apphost.watchdog.Watchdog} is meant to implement this after merging
 * ({@code watchProcess(ProcessHandle)}); {@link WatchdogProcessReaper} is the stand-in.
 */
public interface ProcessReaper {

    /** Kill {@code process} (and its process group) if the AppHost dies while it runs. */
    void watch(ProcessHandle process);

    /** {@code process} has exited: forget it (so a recycled pid is never killed). */
    default void release(ProcessHandle process) {
    }

    /** The AppHost is shutting down normally and has stopped everything it started. */
    default void close() {
    }

    /** Watches nothing. */
    ProcessReaper NONE = process -> { };
}
