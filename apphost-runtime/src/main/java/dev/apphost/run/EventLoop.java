package dev.apphost.run;

import java.time.Duration;
import java.time.Instant;

/**
 * The one thread that owns every resource's state: events (a process exited, a health check
 * answered, a command arrived) are posted here and handled one at a time, in order, so the
 * {@link ResourceController}s need no locks and listeners see changes in the order they happened.
 * Blocking work (starting a process, a probe, a stop) runs elsewhere and posts its result back.
 * Time comes from the loop too, so a test can drive it with a fake clock.
 */
interface EventLoop {

    /** Runs {@code task} on the loop, after the tasks posted before it. */
    void post(Runnable task);

    /** Runs {@code task} on the loop after {@code delay}; the returned handle cancels it. */
    Cancellable schedule(Duration delay, Runnable task);

    /** The loop's clock. */
    Instant now();

    /** Whether the caller runs on the loop. */
    boolean inLoop();

    /** A scheduled task that may be cancelled. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();

        Cancellable NONE = () -> { };
    }
}
