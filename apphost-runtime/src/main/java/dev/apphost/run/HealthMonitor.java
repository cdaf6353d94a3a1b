package dev.apphost.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiConsumer;

/**
 * Polls one {@link ReadinessCheck} while its resource runs, reporting every change of health:
 * every {@link #startupInterval} until the first success (so {@code waitFor} is short), then every
 * {@link #healthyInterval} while healthy, and {@code 1 s × consecutive failures} (capped at 5 s)
 * once it has turned unhealthy, as Aspire's {@code ResourceHealthCheckService}. Time is injected
 * ({@link Clock}, {@link Sleeper}) so tests run without sleeping.
 */
public final class HealthMonitor implements Runnable {

    /** Sleeps; tests pass a fake that records the delays. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());
    }

    static final Duration STARTUP_INTERVAL = Duration.ofMillis(100);
    static final Duration HEALTHY_INTERVAL = Duration.ofSeconds(30);
    static final Duration MAX_UNHEALTHY_INTERVAL = Duration.ofSeconds(5);

    private final ReadinessCheck check;
    private final BiConsumer<Boolean, String> onChange;
    private final Clock clock;
    private final Sleeper sleeper;
    private volatile boolean stopped;
    private Instant lastResultAt;

    /**
     * @param onChange called with (healthy, reason) on the first result and on every change
     */
    public HealthMonitor(ReadinessCheck check, BiConsumer<Boolean, String> onChange, Clock clock, Sleeper sleeper) {
        this.check = check;
        this.onChange = onChange;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** The delay before the next probe. */
    static Duration nextDelay(boolean everHealthy, boolean healthy, int consecutiveFailures) {
        if (!everHealthy) {
            return STARTUP_INTERVAL;
        }
        if (healthy) {
            return HEALTHY_INTERVAL;
        }
        Duration d = Duration.ofSeconds(Math.max(1, consecutiveFailures));
        return d.compareTo(MAX_UNHEALTHY_INTERVAL) > 0 ? MAX_UNHEALTHY_INTERVAL : d;
    }

    public void stop() {
        stopped = true;
    }

    /** When the last probe finished, or {@code null}. */
    public Instant lastResultAt() {
        return lastResultAt;
    }

    @Override
    public void run() {
        Boolean last = null;
        boolean everHealthy = false;
        int failures = 0;
        while (!stopped) {
            boolean healthy;
            String reason;
            try {
                healthy = check.probe();
                reason = healthy ? null : check.description() + " is not ready";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                healthy = false;
                reason = check.description() + ": " + (e.getMessage() != null ? e.getMessage() : e.toString());
            }
            lastResultAt = clock.instant();
            if (stopped) {
                return;
            }
            failures = healthy ? 0 : failures + 1;
            everHealthy |= healthy;
            if (last == null || last != healthy) {
                last = healthy;
                onChange.accept(healthy, reason);
            }
            try {
                sleeper.sleep(nextDelay(everHealthy, healthy, failures));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
