package dev.apphost.containers;

import java.time.Duration;

/** A running log follow; ends by itself when the container stops, or on {@link #close()}. */
public interface LogFollow extends AutoCloseable {
    /** Waits until the stream has ended (the container stopped); {@code false} on timeout. */
    boolean awaitCompletion(Duration timeout) throws InterruptedException;

    /** Stops following; lines already buffered are flushed to the consumer. */
    @Override
    void close();
}
