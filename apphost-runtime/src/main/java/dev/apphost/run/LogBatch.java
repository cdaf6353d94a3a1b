package dev.apphost.run;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The lines of one stream of a resource that arrived together (one read of its pipe): the bytes as
 * the child wrote them, where each line starts and ends, and one timestamp for all of them.
 * Consumers that copy bytes (console, log files) never decode a line; {@link #text(int)} decodes one
 * when a reader asks for it. Immutable once built.
 *
 * <pre>{@code
 * LogBatch batch = LogBatch.of(LogLine.Stream.STDOUT, "Started");
 * for (int i = 0; i < batch.size(); i++) { LogLine line = batch.line("api", i); }
 * }</pre>
 */
final class LogBatch {

    private final LogLine.Stream stream;
    private final Instant timestamp;
    /** Package-private for {@link LineBuffer#appendLines}, which copies them without decoding. */
    final byte[] bytes;
    /** Line {@code i} is {@code bytes[bounds[2i] .. bounds[2i+1])}, without its terminator. */
    final int[] bounds;
    private final int count;

    LogBatch(LogLine.Stream stream, Instant timestamp, byte[] bytes, int[] bounds, int count) {
        this.stream = stream;
        this.timestamp = timestamp;
        this.bytes = bytes;
        this.bounds = bounds;
        this.count = count;
    }

    /** A batch of one line (container output, the AppHost's own notes), timestamped now. */
    static LogBatch of(LogLine.Stream stream, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return new LogBatch(stream, Instant.now(), b, new int[] {0, b.length}, 1);
    }

    int size() {
        return count;
    }

    LogLine.Stream stream() {
        return stream;
    }

    Instant timestamp() {
        return timestamp;
    }

    /** The bytes of the lines themselves, without terminators. */
    int lineBytes() {
        int total = 0;
        for (int i = 0; i < count; i++) {
            total += bounds[2 * i + 1] - bounds[2 * i];
        }
        return total;
    }

    /** Line {@code i}, decoded as UTF-8 (malformed bytes become U+FFFD). */
    String text(int i) {
        int start = bounds[2 * i];
        return new String(bytes, start, bounds[2 * i + 1] - start, StandardCharsets.UTF_8);
    }

    LogLine line(String resource, int i) {
        return new LogLine(resource, stream, timestamp, text(i));
    }

    /** Bytes held, for the memory bound of the log store. */
    long retainedBytes() {
        return bytes.length + 4L * bounds.length;
    }
}
