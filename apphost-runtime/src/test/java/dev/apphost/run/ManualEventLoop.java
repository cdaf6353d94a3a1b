package dev.apphost.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An {@link EventLoop} for tests: nothing runs until the test says so ({@link #runUntilIdle()}),
 * and time only moves with {@link #advance(Duration)}, so transitions are tested without sleeping.
 */
final class ManualEventLoop implements EventLoop {

    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private final List<Timed> timed = new ArrayList<>();
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private long sequence;
    private boolean running;

    private record Timed(Instant at, long order, Runnable task, boolean[] cancelled) {
    }

    @Override
    public synchronized void post(Runnable task) {
        queue.addLast(task);
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        boolean[] cancelled = {false};
        timed.add(new Timed(now.plus(delay), sequence++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public boolean inLoop() {
        return running;
    }

    /** Runs posted tasks (and those they post) until none is left; timed tasks wait for {@link #advance}. */
    void runUntilIdle() {
        while (true) {
            Runnable next;
            synchronized (this) {
                next = queue.pollFirst();
            }
            if (next == null) {
                return;
            }
            running = true;
            try {
                next.run();
            } finally {
                running = false;
            }
        }
    }

    /** Moves the clock by {@code by}, running each timed task that falls due (in time order) and what it posts. */
    void advance(Duration by) {
        Instant end = now.plus(by);
        runUntilIdle();
        while (true) {
            Timed due;
            synchronized (this) {
                due = timed.stream().filter(t -> !t.at().isAfter(end) && !t.cancelled()[0])
                        .min(Comparator.comparing(Timed::at).thenComparing(Timed::order)).orElse(null);
                if (due == null) {
                    now = end;
                    timed.removeIf(t -> t.cancelled()[0]);
                    break;
                }
                timed.remove(due);
                now = due.at();
            }
            post(due.task());
            runUntilIdle();
        }
        runUntilIdle();
    }

    /** How many timed tasks are waiting (not cancelled). */
    synchronized long pendingTimers() {
        return timed.stream().filter(t -> !t.cancelled()[0]).count();
    }
}
