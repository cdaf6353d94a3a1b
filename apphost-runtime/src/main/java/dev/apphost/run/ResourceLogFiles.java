package dev.apphost.run;

import dev.apphost.Configuration;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A second sink for resources' output, beside the console: every line of resource {@code name} is
 * appended to {@code <AppHost module>/target/apphost/logs/<name>.log} (truncated when the AppHost
 * starts), prefixed with the time it was read and {@code out} or {@code err}. Lines that arrived in one
 * read of the child's pipe share that read's time. The console can then be kept
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
    private final Map<String, FileSink> writers = new ConcurrentHashMap<>();
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
        for (FileSink writer : writers.values()) {
            synchronized (writer) {
                writer.writeOut();
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
        lines(resource, LogBatch.of(stream, text));
    }

    /** Appends the lines of one read, all with the batch's time: one lock and one copy per batch. */
    void lines(String resource, LogBatch batch) {
        if (closed) {
            return;
        }
        FileSink writer = writers.computeIfAbsent(resource.toLowerCase(Locale.ROOT), this::open);
        if (writer == NONE) {
            return;
        }
        byte[] prefix = (batch.timestamp() + (batch.stream() == LogLine.Stream.STDERR ? " err " : " out "))
                .getBytes(StandardCharsets.US_ASCII);
        synchronized (writer) {
            writer.buffer.appendLines(batch, prefix, NEWLINE);
            if (writer.buffer.size() >= FILE_BUFFER) {
                writer.writeOut();
            }
        }
    }

    private static final int FILE_BUFFER = 64 * 1024;
    private static final byte[] NEWLINE = System.lineSeparator().getBytes(StandardCharsets.US_ASCII);
    private static final FileSink NONE = new FileSink(OutputStream.nullOutputStream());

    /** One resource's file and the bytes not yet written to it; used under its own monitor. */
    private static final class FileSink {
        final OutputStream out;
        final LineBuffer buffer = new LineBuffer(FILE_BUFFER);

        FileSink(OutputStream out) {
            this.out = out;
        }

        void writeOut() {
            try {
                if (buffer.size() > 0) {
                    buffer.writeTo(out);
                }
            } catch (IOException e) {
                // the console still has the lines; the file is incomplete
            }
        }
    }

    private FileSink open(String resource) {
        try {
            Files.createDirectories(directory);
            return new FileSink(Files.newOutputStream(file(resource), StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
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
        for (FileSink writer : writers.values()) {
            synchronized (writer) {
                writer.writeOut();
                try {
                    writer.out.close();
                } catch (IOException ignored) {
                    // nothing left to save
                }
            }
        }
    }
}
