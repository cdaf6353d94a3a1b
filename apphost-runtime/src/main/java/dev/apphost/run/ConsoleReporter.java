package dev.apphost.run;

import dev.apphost.KnownResourceStates;
import dev.apphost.ResourceSnapshot;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the AppHost prints: Aspire's lifecycle lines ({@code Distributed application starting.} …),
 * state changes ({@code [api] Running}), each resource's output prefixed with its name
 * ({@code api | Started in 1.2 s}), the table of resources, and the two lines the Maven plugin's
 * {@code start} goal waits for: {@value #ALL_READY} and {@value #FAILED_PREFIX}{@code <names>}.
 * Colours only on a terminal that wants them.
 *
 * <p><b>Resource output is batched.</b> A resource's lines are appended to a buffer of its own and
 * written by one console thread, as many lines per write as have arrived meanwhile, buffers taken in
 * turn: a chatty resource costs one write per batch, not a print and a flush per line, and a quiet
 * resource's line waits for at most one batch of the chatty one. A resource whose buffer is full
 * ({@value #MAX_PENDING_BYTES} bytes) waits for the console, so a child is slowed down no more
 * than the terminal (or file) itself would slow it. Lifecycle and state lines are written at once,
 * after whatever output is pending, so a resource's lines never appear after its own exit line.
 * Output lines are copied as the bytes the resource wrote (UTF-8 is expected), never decoded and
 * re-encoded: one lock and one copy per read of the child's pipe ({@link LogBatch}).
 */
public final class ConsoleReporter {

    public static final String ALL_READY = "apphost: all resources ready";
    public static final String FAILED_PREFIX = "apphost: resources failed: ";

    private static final String RESET = "\u001b[0m";
    private static final String[] PALETTE = {"\u001b[36m", "\u001b[35m", "\u001b[34m", "\u001b[33m", "\u001b[32m",
            "\u001b[96m", "\u001b[95m", "\u001b[94m"};
    private static final String RED = "\u001b[31m";
    private static final String GREEN = "\u001b[32m";

    private final PrintStream out;
    private final boolean colour;
    private final Map<String, String> colours = new ConcurrentHashMap<>();
    /** Guards writes to {@link #out}; taken before any {@link Pending}'s monitor. */
    private final Object writeLock = new Object();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final java.util.concurrent.BlockingQueue<Pending> ready = new java.util.concurrent.LinkedBlockingQueue<>();
    private volatile Thread writer;

    /** A resource's buffered output beyond this makes its log pump wait for the console. */
    static final int MAX_PENDING_BYTES = 256 * 1024;

    private static final byte[] NEWLINE = System.lineSeparator().getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RESET_NEWLINE = (RESET + System.lineSeparator()).getBytes(StandardCharsets.US_ASCII);

    public ConsoleReporter(PrintStream out, boolean colour) {
        this.out = out;
        this.colour = colour;
    }

    /** Colours when attached to a terminal, {@code TERM} is not {@code dumb} and {@code NO_COLOR} is unset. */
    public static boolean colourWanted() {
        String term = System.getenv("TERM");
        return System.console() != null && System.getenv("NO_COLOR") == null
                && term != null && !term.equals("dumb");
    }

    public void starting(Path appHostDirectory) {
        print("Distributed application starting.");
        print("Application host directory is: " + appHostDirectory);
    }

    public void started() {
        print("Distributed application started. Press Ctrl+C to shut down.");
    }

    public void stopping() {
        print("Distributed application is stopping.");
    }

    public void stopped() {
        print("Distributed application stopped.");
    }

    public void state(ResourceSnapshot s) {
        String text = "[" + s.name() + "] " + s.state();
        if (s.exitCode() != null && !KnownResourceStates.FINISHED.equals(s.state())) {
            text += " (exit code " + s.exitCode() + ")";
        }
        if (s.message() != null) {
            text += ": " + s.message();
        }
        boolean bad = KnownResourceStates.FAILED_TO_START.equals(s.state())
                || KnownResourceStates.EXITED.equals(s.state()) || ResourceStates.VALUE_MISSING.equals(s.state());
        print(colour ? (bad ? RED : colourOf(s.name())) + text + RESET : text);
    }

    public void health(ResourceSnapshot s) {
        String text = "[" + s.name() + "] " + s.health() + (s.healthReason() != null && !s.isHealthy() ? ": "
                + s.healthReason() : "");
        print(colour ? (s.isHealthy() ? GREEN : RED) + text + RESET : text);
    }

    /** Queues one line of {@code resource}'s output; it is written by the console thread, in order. */
    public void log(String resource, LogLine.Stream stream, String text) {
        log(resource, LogBatch.of(stream, text));
    }

    /**
     * Queues the lines of one read of {@code resource}'s output, copied as bytes behind the
     * resource's prefix under one lock; waits while the resource's queued output is full.
     */
    void log(String resource, LogBatch batch) {
        Pending buffer = pending.computeIfAbsent(resource, this::pendingOf);
        boolean schedule;
        synchronized (buffer) {
            while (buffer.bytes.size() > MAX_PENDING_BYTES) {
                try {
                    buffer.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (colour && batch.stream() == LogLine.Stream.STDERR) {
                buffer.bytes.appendLines(batch, buffer.errorPrefix, RESET_NEWLINE);
            } else {
                buffer.bytes.appendLines(batch, buffer.prefix, NEWLINE);
            }
            schedule = !buffer.queued;
            buffer.queued = true;
        }
        if (schedule) {
            ready.add(buffer);
            startWriter();
        }
    }

    private Pending pendingOf(String resource) {
        String prefix = colour ? colourOf(resource) + resource + " | " + RESET : resource + " | ";
        return new Pending(prefix.getBytes(StandardCharsets.UTF_8),
                (colour ? prefix + RED : prefix).getBytes(StandardCharsets.UTF_8));
    }

    /** The resources, their state and URLs. */
    public void table(List<ResourceSnapshot> snapshots) {
        int nameWidth = Math.max(8, snapshots.stream().mapToInt(s -> s.name().length()).max().orElse(0));
        int typeWidth = Math.max(4, snapshots.stream().mapToInt(s -> s.type().length()).max().orElse(0));
        String format = "  %-" + nameWidth + "s  %-" + typeWidth + "s  %-16s %s";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, format, "Resource", "Type", "State", "URLs").stripTrailing());
        for (ResourceSnapshot s : snapshots) {
            String state = s.state() + (s.health() != null && !s.isHealthy() ? " (" + s.health() + ")" : "");
            sb.append(System.lineSeparator()).append(String.format(Locale.ROOT, format, s.name(), s.type(), state,
                    String.join(", ", s.urls())).stripTrailing());
        }
        print(sb.toString());
    }

    public void allReady() {
        print(ALL_READY);
    }

    public void failed(List<String> names) {
        print(FAILED_PREFIX + String.join(", ", names));
    }

    /** A plain line of the AppHost's own ({@code api is waiting for db: Starting}). */
    public void info(String text) {
        print(text);
    }

    public void warn(String text) {
        print(colour ? RED + text + RESET : text);
    }

    private String colourOf(String resource) {
        return colours.computeIfAbsent(resource, r -> PALETTE[colours.size() % PALETTE.length]);
    }

    private void print(String line) {
        synchronized (writeLock) {
            pending.values().forEach(this::writePending);
            out.println(line);
            out.flush();
        }
    }

    /** Writes out everything queued so far (the AppHost is about to exit, or a test reads the console). */
    public void flush() {
        synchronized (writeLock) {
            pending.values().forEach(this::writePending);
            out.flush();
        }
    }

    private void startWriter() {
        if (writer != null) {
            return;
        }
        synchronized (ready) {
            if (writer == null) {
                Thread t = new Thread(null, this::writeLoop, "apphost-console", 256 * 1024);
                t.setDaemon(true);
                t.start();
                writer = t;
            }
        }
    }

    private void writeLoop() {
        while (true) {
            Pending next;
            try {
                next = ready.take();
            } catch (InterruptedException e) {
                return;
            }
            synchronized (writeLock) {
                writePending(next);
                out.flush();
            }
        }
    }

    /** Under {@link #writeLock}: takes a resource's buffered lines and writes them. */
    private void writePending(Pending buffer) {
        LineBuffer batch;
        synchronized (buffer) {
            batch = buffer.bytes;
            buffer.queued = false;
            if (batch.size() == 0) {
                return;
            }
            buffer.bytes = buffer.spare != null ? buffer.spare : new LineBuffer(8192);
            buffer.spare = null;
            buffer.notifyAll();
        }
        try {
            batch.writeTo(out);
        } catch (java.io.IOException e) {
            // a PrintStream does not throw; it records the error
        }
        synchronized (buffer) {
            buffer.spare = batch;
        }
    }

    /** One resource's output waiting for the console: two buffers, one filled while the other is written. */
    private static final class Pending {
        final byte[] prefix;
        final byte[] errorPrefix;
        LineBuffer bytes = new LineBuffer(256);
        LineBuffer spare;
        boolean queued;

        Pending(byte[] prefix, byte[] errorPrefix) {
            this.prefix = prefix;
            this.errorPrefix = errorPrefix;
        }
    }
}
