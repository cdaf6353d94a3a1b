package dev.apphost.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The {@link EventLoop} of a real run: one daemon thread that ends when idle for a few seconds. */
final class ThreadEventLoop implements EventLoop {

    private final ScheduledThreadPoolExecutor executor;
    private final Clock clock = Clock.systemUTC();
    private volatile Thread thread;

    ThreadEventLoop() {
        executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(() -> {
                thread = Thread.currentThread();
                r.run();
            }, "apphost-lifecycle");
            t.setDaemon(true);
            return t;
        });
        executor.setKeepAliveTime(5, TimeUnit.SECONDS);
        executor.allowCoreThreadTimeOut(true);
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void post(Runnable task) {
        executor.execute(guarded(task));
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        var future = executor.schedule(guarded(task), Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** A failing handler is a bug; it must not kill the loop silently. */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                System.err.println("apphost: internal error in the lifecycle loop: " + e);
                e.printStackTrace();
            }
        };
    }
}
