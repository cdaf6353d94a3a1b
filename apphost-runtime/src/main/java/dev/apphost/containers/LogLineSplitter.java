package dev.apphost.containers;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * Turns the engine's log frames into lines, per stream. A frame can hold several lines or part of
 * one, so bytes are buffered per stream and split on {@code \n} (a trailing {@code \r} is dropped).
 * Splitting happens on bytes, before decoding, so a UTF-8 character cut between two frames stays
 * whole. Not thread-safe: one splitter per followed container (frames arrive on one thread).
 */
public final class LogLineSplitter {
    private final LogLineConsumer consumer;
    private final Map<LogStream, ByteArrayOutputStream> pending = new EnumMap<>(LogStream.class);

    public LogLineSplitter(LogLineConsumer consumer) {
        this.consumer = consumer;
    }

    /** Feeds one frame's payload; emits every line it completes. */
    public void accept(LogStream stream, byte[] payload) {
        ByteArrayOutputStream buffer = pending.computeIfAbsent(stream, s -> new ByteArrayOutputStream());
        for (byte b : payload) {
            if (b == '\n') {
                emit(stream, buffer);
            } else {
                buffer.write(b);
            }
        }
    }

    /** Emits the unterminated rest of each stream (call when the stream ends). */
    public void flush() {
        pending.forEach((stream, buffer) -> {
            if (buffer.size() > 0) {
                emit(stream, buffer);
            }
        });
    }

    private void emit(LogStream stream, ByteArrayOutputStream buffer) {
        String line = buffer.toString(StandardCharsets.UTF_8);
        buffer.reset();
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        consumer.accept(stream, line);
    }
}
