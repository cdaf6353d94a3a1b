package dev.apphost;

import dev.apphost.run.LogLine;
import java.util.List;
import java.util.function.Consumer;

/**
 * The console output of each resource: the recent lines (the last {@code 1000} per resource,
 * oldest first, kept across restarts) and the lines to come.
 *
 * <pre>{@code
 * app.start();
 * boolean ok = app.resourceLogs().lines("consumer").stream().anyMatch(l -> l.text().contains("REACHED"));
 * try (Subscription s = app.resourceLogs().subscribe("api", line -> System.out.println(line.text()))) {
 *     app.resourceCommands().executeCommand("api", KnownResourceCommands.RESTART);
 * }
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

    /**
     * Calls {@code listener} with every new line of {@code resource} ({@code null}: of every resource),
     * in order, on a thread of the AppHost; a slow listener delays only itself.
     */
    Subscription subscribe(String resource, Consumer<LogLine> listener);
}
