package dev.apphost;

/** Ends a subscription ({@link ResourceNotifications#subscribe}, {@link ResourceLogs#subscribe}); idempotent. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
