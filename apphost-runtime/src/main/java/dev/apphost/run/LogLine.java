package dev.apphost.run;

import java.time.Instant;

/**
 * One line a resource wrote.
 *
 * @param resource the resource's name
 * @param stream where it came from
 * @param timestamp when the AppHost read it; lines that came in one read of the resource's output
 *     share that read's time
 * @param text the line, without its line terminator
 */
public record LogLine(String resource, Stream stream, Instant timestamp, String text) {

    /** The stream a line came from. */
    public enum Stream { STDOUT, STDERR }
}
