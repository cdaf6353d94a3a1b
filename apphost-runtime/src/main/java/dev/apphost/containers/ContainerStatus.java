package dev.apphost.containers;

/**
 * A snapshot of a container's state from the engine.
 *
 * @param state    the engine's state: created, running, paused, restarting, removing, exited, dead
 * @param running  whether it is running
 * @param exitCode exit code (meaningful once exited)
 * @param error    the engine's error text for a failed start, or empty
 */
public record ContainerStatus(String state, boolean running, int exitCode, String error) {
}
