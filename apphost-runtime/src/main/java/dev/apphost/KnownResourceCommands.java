package dev.apphost;

/**
 * The built-in commands of every project, executable and container, with Aspire's names.
 *
 * <pre>{@code
 * ExecuteCommandResult r = app.resourceCommands().executeCommand("api", KnownResourceCommands.RESTART);
 * if (!r.success()) System.err.println(r.errorMessage());
 * }</pre>
 */
public final class KnownResourceCommands {

    /** Starts a resource that is not running (explicit start, or after a stop or an exit); it waits for its dependencies first. */
    public static final String START = "resource-start";
    /** Stops a running resource; it ends {@code Finished}. Its dependents keep running. */
    public static final String STOP = "resource-stop";
    /** Stops, then starts again, on the same host ports, with its environment resolved again. */
    public static final String RESTART = "resource-restart";

    private KnownResourceCommands() {
    }
}
