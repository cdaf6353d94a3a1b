package dev.apphost.containers;

/** Receives one complete line of container output (without the line terminator). */
@FunctionalInterface
public interface LogLineConsumer {
    void accept(LogStream stream, String line);
}
