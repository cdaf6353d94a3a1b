package dev.apphost.run;

import dev.apphost.Configuration;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A second sink for resources' output, beside the console: every line of resource {@code name} is
 * appended to {@code <AppHost module>/target/apphost/logs/<name>.log} (truncated when the AppHost
 * starts), prefixed with its time and {@code err} for standard error. The console can then be kept
 * to state lines for some or all resources with the configuration key {@code AppHost:ConsoleLogs}:
 * {@code all} (default), {@code none}, or the resources whose output still goes to the console,
 * comma-separated ({@code --AppHost:ConsoleLogs=gateway,orders}).
 *
 * <pre>{@code
 * var files = ResourceLogFiles.forAppHost(appHostDirectory, configuration);
 * files.line("api", LogLine.Stream.STDOUT, "Started");   // target/apphost/logs/api.log
 * if (files.showsOnConsole("api")) { ... }
 * files.close();
 * }</pre>
 */
public final class ResourceLogFiles implements AutoCloseable {

    /** The configuration key choosing which resources' output reaches the console. */
    public static final String CONSOLE_LOGS_KEY = "AppHost:ConsoleLogs";

    /** The log folder, relative to the AppHost's folder. */
    public static final String RELATIVE_DIRECTORY = "target/apphost/logs";

    private final Path directory;
    private final Set<String> consoleResources;
    private final boolean consoleAll;
    private final Map<String, BufferedWriter> writers = new ConcurrentHashMap<>();
    /** Files are flushed a few times a second, not per line: a chatty resource must not pay a write per line. */
    private final java.util.concurrent.ScheduledExecutorService flusher =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "apphost-log-files");
                t.setDaemon(true);
                return t;
            });
    private volatile boolean closed;

    ResourceLogFiles(Path directory, String consoleLogs) {
        this.directory = directory;
        String value = consoleLogs == null ? "all" : consoleLogs.trim().toLowerCase(Locale.ROOT);
        this.consoleAll = value.isEmpty() || value.equals("all");
        this.consoleResources = value.equals("none") || consoleAll ? Set.of()
                : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        flusher.scheduleWithFixedDelay(this::flushAll, FLUSH_MILLIS, FLUSH_MILLIS,
                java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private static final long FLUSH_MILLIS = 200;

    private void flushAll() {
        for (BufferedWriter writer : writers.values()) {
            synchronized (writer) {
                try {
                    writer.flush();
                } catch (IOException ignored) {
                    // the console still has the lines; the file is incomplete
                }
            }
        }
    }

    /** The files under {@code <appHostDirectory>/target/apphost/logs}, the console choice from configuration. */
    public static ResourceLogFiles forAppHost(Path appHostDirectory, Configuration configuration) {
        return new ResourceLogFiles(appHostDirectory.resolve(RELATIVE_DIRECTORY), configuration.get(CONSOLE_LOGS_KEY));
    }

    /** The file of a resource. */
    public Path file(String resource) {
        return directory.resolve(resource.toLowerCase(Locale.ROOT) + ".log");
    }

    /** Whether the resource's output also goes to the console ({@link #CONSOLE_LOGS_KEY}). */
    public boolean showsOnConsole(String resource) {
        return consoleAll || consoleResources.contains(resource.toLowerCase(Locale.ROOT));
    }

    /** Appends one line; a file that cannot be written is reported once on standard error and skipped after. */
    public void line(String resource, LogLine.Stream stream, String text) {
        if (closed) {
            return;
        }
        BufferedWriter writer = writers.computeIfAbsent(resource.toLowerCase(Locale.ROOT), this::open);
        if (writer == NONE) {
            return;
        }
        synchronized (writer) {
            try {
                writer.write(Instant.now().toString());
                writer.write(stream == LogLine.Stream.STDERR ? " err " : " out ");
                writer.write(text);
                writer.newLine();
            } catch (IOException e) {
                // the console still has the line; the file is incomplete
            }
        }
    }

    private static final BufferedWriter NONE = new BufferedWriter(java.io.Writer.nullWriter());

    private BufferedWriter open(String resource) {
        try {
            Files.createDirectories(directory);
            return Files.newBufferedWriter(file(resource), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("apphost: cannot write the log file of resource '" + resource + "' in " + directory
                    + ": " + e.getMessage());
            return NONE;
        }
    }

    @Override
    public void close() {
        closed = true;
        flusher.shutdownNow();
        for (BufferedWriter writer : writers.values()) {
            synchronized (writer) {
                try {
                    writer.close();
                } catch (IOException ignored) {
                    // nothing left to save
                }
            }
        }
    }
}
