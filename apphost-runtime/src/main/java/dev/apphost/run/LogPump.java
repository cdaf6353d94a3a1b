package dev.apphost.run;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * Drains one output stream of a child process into a {@link ResourceExecutor.LogSink}, one
 * {@link LogBatch} per read, on its own daemon thread. Lines end at {@code \n}, {@code \r} or
 * {@code \r\n}, like {@link java.io.BufferedReader#readLine()}; a line not yet ended waits, as bytes,
 * for the next read (so a UTF-8 character split across reads stays whole), and is handed on at the
 * end of the stream.
 *
 * <p>Why batches: a chatty child writes thousands of lines per read. Everything downstream (log
 * store, log file, console) then takes one timestamp, one lock and one copy per read, not per line,
 * and no line is decoded unless someone reads it as text. Why not a {@code BufferedReader}: a run
 * starts two of these per process; the buffer starts at 8 KB and grows only for a stream that fills
 * it, so a quiet process costs little. The terminator bytes never occur inside a UTF-8 multi-byte
 * sequence, so splitting the raw bytes is safe.
 */
final class LogPump implements Runnable {

    /** A longer line is handed on in pieces of this size (less up to 3 bytes, to keep a character whole), so a child that never ends a line cannot fill the heap. */
    static final int MAX_LINE_BYTES = 64 * 1024;

    /** A Linux pipe holds 64 KB: room for one full read beside the longest line still open. */
    private static final int MAX_BUFFER = MAX_LINE_BYTES + 64 * 1024;

    private static final int INITIAL_BUFFER = 8 * 1024;

    /** Enough for the read loop and a sink that copies a batch to its consumers. */
    static final long STACK_SIZE = 256 * 1024;

    private final InputStream stream;
    private final LogLine.Stream kind;
    private final ResourceExecutor.LogSink sink;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    /** {@code buffer[0 .. pending)}: the start of a line that has not ended yet. */
    private byte[] buffer = new byte[INITIAL_BUFFER];
    private int pending;
    /** Start and end offsets of the lines found in the current read. */
    private int[] bounds = new int[128];
    private int lines;
    /** The last byte seen was a {@code \r}: a {@code \n} right after it ends no further line. */
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
            int n;
            while ((n = stream.read(buffer, pending, buffer.length - pending)) >= 0) {
                if (n > 0) {
                    received(n);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // the process is gone
        } finally {
            try {
                if (pending > 0) {
                    addLine(0, pending);
                    emit(pending);
                }
            } catch (RuntimeException ignored) {
                // a failing sink: the output ends here
            } finally {
                done.complete(null);
            }
        }
    }

    /** Splits the {@code n} bytes just read after the pending ones, hands on the ended lines, keeps the rest. */
    private void received(int n) {
        byte[] b = buffer;
        int end = pending + n;
        boolean filled = end == b.length;
        int from = 0;
        boolean cr = afterCr;
        for (int i = pending; i < end; i++) {
            byte c = b[i];
            if (c > '\r') {
                cr = false;
            } else if (c == '\n') {
                if (!cr) {
                    addLine(from, i);
                }
                from = i + 1;
                cr = false;
            } else if (c == '\r') {
                addLine(from, i);
                from = i + 1;
                cr = true;
            } else {
                cr = false;
            }
        }
        afterCr = cr;
        while (end - from > MAX_LINE_BYTES) { // '>': the byte after the cut is there to check
            int cut = utf8Boundary(b, from, from + MAX_LINE_BYTES);
            addLine(from, cut);
            from = cut;
        }
        if (lines > 0) {
            emit(from);
        }
        pending = end - from;
        System.arraycopy(b, from, b, 0, pending);
        if (filled && b.length < MAX_BUFFER) {
            buffer = Arrays.copyOf(b, Math.min(MAX_BUFFER, b.length * 2));
        }
    }

    private void addLine(int start, int end) {
        if (2 * lines + 2 > bounds.length) {
            bounds = Arrays.copyOf(bounds, bounds.length * 2);
        }
        bounds[2 * lines] = start;
        bounds[2 * lines + 1] = end;
        lines++;
    }

    /** Hands on the lines found so far, which all lie in {@code buffer[0 .. upTo)}. */
    private void emit(int upTo) {
        LogBatch batch = new LogBatch(kind, Instant.now(), Arrays.copyOf(buffer, upTo),
                Arrays.copyOf(bounds, 2 * lines), lines);
        lines = 0;
        sink.lines(batch);
    }

    /**
     * Where to cut a too-long line at about {@code cut}: before the lead byte of a UTF-8 character
     * that would otherwise be split; at {@code cut} itself when the bytes are not UTF-8.
     */
    static int utf8Boundary(byte[] b, int from, int cut) {
        int c = cut;
        while (c > from && c > cut - 3 && (b[c] & 0xC0) == 0x80) {
            c--;
        }
        return (b[c] & 0xC0) == 0x80 || c == from ? cut : c;
    }
}
