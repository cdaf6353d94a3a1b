package dev.apphost.run;

import java.util.List;

/**
 * The recent console output of each resource, oldest first, bounded per resource (the last
 * {@link RunOptions#logBufferLines()} lines).
 *
 * <pre>{@code
 * app.start();
 * boolean ok = app.resourceLogs().lines("consumer").stream().anyMatch(l -> l.text().contains("REACHED"));
 * }</pre>
 */
public interface ResourceLogs {

    /** A snapshot of the lines kept for {@code resource}; empty when it wrote nothing (or is unknown). */
    List<LogLine> lines(String resource);

    /** The texts of the last {@code count} lines of {@code resource}. */
    default List<String> tail(String resource, int count) {
        List<LogLine> all = lines(resource);
        return all.subList(Math.max(0, all.size() - count), all.size()).stream().map(LogLine::text).toList();
    }
}
