package dev.apphost.run;

import dev.apphost.HealthCheckResult;
import dev.apphost.ResourceSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Polls the health checks of one running resource without a thread of its own: each probe runs on
 * a worker, its result is handled on the {@link EventLoop}, and the next probe is scheduled there:
 * every {@link #STARTUP_INTERVAL} until the check first passes (so {@code waitFor} is short), then
 * every {@link #HEALTHY_INTERVAL} while healthy, and {@code 1 s × consecutive failures} (capped at
 * 5 s) once it has turned unhealthy, as Aspire's {@code ResourceHealthCheckService}. The resource
 * is {@code Healthy} when every check passed last time, {@code Unhealthy} (with the last failing
 * check's reason) as soon as one failed, unknown before.
 */
final class HealthMonitor {

    static final Duration STARTUP_INTERVAL = Duration.ofMillis(100);
    static final Duration HEALTHY_INTERVAL = Duration.ofSeconds(30);
    static final Duration MAX_UNHEALTHY_INTERVAL = Duration.ofSeconds(5);

    /** Told (on the loop) when the resource's health or its reason changes. */
    @FunctionalInterface
    interface Listener {
        void healthChanged(String health, String reason);
    }

    private final EventLoop loop;
    private final Executor workers;
    private final Listener listener;
    private final List<Probe> probes = new ArrayList<>();
    private String health;
    private String reason;
    private boolean stopped;

    HealthMonitor(List<dev.apphost.HealthCheck> checks, EventLoop loop, Executor workers, Listener listener) {
        this.loop = loop;
        this.workers = workers;
        this.listener = listener;
        checks.forEach(c -> probes.add(new Probe(c)));
    }

    /** The delay before the next probe of one check. */
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

    /** Probes every check now. Call on the loop. */
    void start() {
        probes.forEach(this::probe);
    }

    /** No more probes; results still in flight are dropped. Call on the loop. */
    void stop() {
        stopped = true;
        probes.forEach(p -> p.next.cancel());
    }

    private void probe(Probe p) {
        if (stopped) {
            return;
        }
        workers.execute(() -> {
            HealthCheckResult result = run(p.check);
            loop.post(() -> onResult(p, result));
        });
    }

    /** One probe; an exception or a {@code null} answer counts as unhealthy. */
    static HealthCheckResult run(dev.apphost.HealthCheck check) {
        try {
            HealthCheckResult result = check.check();
            return result != null ? result : HealthCheckResult.unhealthy("the health check returned no result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheckResult.unhealthy("interrupted");
        } catch (Exception e) {
            return HealthCheckResult.unhealthy(e.getMessage() != null ? e.getMessage() : e.getClass().getName());
        }
    }

    private void onResult(Probe p, HealthCheckResult result) {
        if (stopped) {
            return;
        }
        p.last = result;
        p.failures = result.isHealthy() ? 0 : p.failures + 1;
        p.everHealthy |= result.isHealthy();
        if (!result.isHealthy()) {
            p.failedAt = ++sequence;
        }
        recompute();
        p.next = loop.schedule(nextDelay(p.everHealthy, result.isHealthy(), p.failures), () -> probe(p));
    }

    private long sequence;

    private void recompute() {
        Probe lastFailing = null;
        boolean allReported = true;
        for (Probe p : probes) {
            if (p.last == null) {
                allReported = false;
            } else if (!p.last.isHealthy() && (lastFailing == null || p.failedAt > lastFailing.failedAt)) {
                lastFailing = p;
            }
        }
        String newHealth;
        String newReason = null;
        if (lastFailing != null) {
            newHealth = ResourceSnapshot.UNHEALTHY;
            newReason = lastFailing.last.description() != null ? lastFailing.last.description() : "unhealthy";
        } else {
            newHealth = allReported ? ResourceSnapshot.HEALTHY : null;
        }
        if (!Objects.equals(newHealth, health) || !Objects.equals(newReason, reason)) {
            health = newHealth;
            reason = newReason;
            listener.healthChanged(health, reason);
        }
    }

    private static final class Probe {
        final dev.apphost.HealthCheck check;
        HealthCheckResult last;
        boolean everHealthy;
        int failures;
        long failedAt;
        EventLoop.Cancellable next = EventLoop.Cancellable.NONE;

        Probe(dev.apphost.HealthCheck check) {
            this.check = check;
        }
    }
}
