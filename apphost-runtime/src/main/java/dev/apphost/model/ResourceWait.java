package dev.apphost.model;

/**
 * One {@code waitFor}, {@code waitForStart} or {@code waitForCompletion} of a resource.
 *
 * @param resource the name of the resource waited for
 * @param kind what it must reach
 * @param exitCode for {@link Kind#COMPLETION}: the exit code expected
 */
public record ResourceWait(String resource, Kind kind, int exitCode) {

    public enum Kind {
        /** Running and healthy ({@code waitFor}). */
        READY,
        /** Running, health not required ({@code waitForStart}). */
        START,
        /** Exited with {@link ResourceWait#exitCode()} ({@code waitForCompletion}). */
        COMPLETION
    }
}
