package dev.apphost.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * Drains one output stream of a child process into a {@link ResourceExecutor.LogSink}, line by
 * line, on its own daemon thread. Lines end at {@code \n}, {@code \r} or {@code \r\n}, like
 * {@link java.io.BufferedReader#readLine()}; each line is decoded as UTF-8.
 *
 * <p>Why not a {@code BufferedReader}: a run starts two of these per process, and start-up cost
 * was measured ({@code bench/README-run.md}). A reader allocates ~25 KB of buffers and a decoder
 * per stream before the first byte arrives; this pump reads raw bytes into one 32 KB buffer and
 * splits on the terminator bytes (which never occur inside a UTF-8 multi-byte sequence). The
 * thread gets a small stack: it only reads, splits and hands lines on.
 */
final class LogPump implements Runnable {

    /** A longer line is handed on in pieces of this size, so a child that never ends a line cannot fill the heap. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    /** Enough for the read loop and a sink that appends to a buffer and prints a line. */
    static final long STACK_SIZE = 256 * 1024;

    private final InputStream stream;
    private final LogLine.Stream kind;
    private final ResourceExecutor.LogSink sink;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    private boolean afterCr;

    private LogPump(InputStream stream, LogLine.Stream kind, ResourceExecutor.LogSink sink) {
        this.stream = stream;
        this.kind = kind;
        this.sink = sink;
    }

    /** Starts draining {@code stream}; the future completes at its end (or on a read error). */
    static CompletableFuture<Void> start(String threadName, InputStream stream, LogLine.Stream kind,
            ResourceExecutor.LogSink sink) {
        LogPump pump = new LogPump(stream, kind, sink);
        Thread t = new Thread(null, pump, threadName, STACK_SIZE);
        t.setDaemon(true);
        t.start();
        return pump.done;
    }

    @Override
    public void run() {
        try (stream) {
            byte[] buffer = new byte[32 * 1024];
            int n;
            while ((n = stream.read(buffer)) >= 0) {
                split(buffer, n);
            }
        } catch (IOException | RuntimeException ignored) {
            // the process is gone
        } finally {
            if (line.size() > 0) {
                emit();
            }
            done.complete(null);
        }
    }

    private void split(byte[] buffer, int length) {
        int from = 0;
        for (int i = 0; i < length; i++) {
            byte b = buffer[i];
            if (b == '\n' && afterCr) { // the \n of a \r\n: the line was emitted at the \r
                afterCr = false;
                from = i + 1;
                continue;
            }
            afterCr = b == '\r';
            if (b == '\n' || b == '\r') {
                line.write(buffer, from, i - from);
                emit();
                from = i + 1;
            }
        }
        line.write(buffer, from, length - from);
        if (line.size() >= MAX_LINE_BYTES) {
            emit();
        }
    }

    private void emit() {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        sink.line(kind, text);
    }
}
