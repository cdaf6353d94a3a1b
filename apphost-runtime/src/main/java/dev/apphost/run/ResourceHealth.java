package dev.apphost.run;

import static dev.apphost.KnownResourceStates.RUNNING;

import dev.apphost.plan.AllocatedEndpoint;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Health of a running resource, as Aspire computes it: no health check means healthy as soon as it
 * runs (for a container, too: a TCP connect to a published port proves nothing, since docker-proxy
 * accepts before anything listens); otherwise Unhealthy until the check first passes, polled by a
 * {@link HealthMonitor}. A resource is ready for its dependents once healthy.
 */
final class ResourceHealth {

    private ResourceHealth() {
    }

    /** Starts watching the health of {@code slot}'s resource, which has just started running. */
    static void watch(ResourceSlot slot, List<AllocatedEndpoint> endpoints, Function<String, String> parameters,
            StateStore store, Executor workers) {
        String name = slot.name();
        ReadinessCheck check;
        try {
            check = ReadinessChecks.forHealthCheck(name, slot.resource.settings().healthCheck(), endpoints, parameters);
        } catch (RuntimeException e) {
            store.update(name, s -> RUNNING.equals(s.state()) ? s.withHealth(ResourceSnapshot.UNHEALTHY, e.getMessage()) : s);
            return;
        }
        if (check == null) {
            // only while running: a resource that exited at once keeps its exit message
            store.update(name, s -> RUNNING.equals(s.state()) ? s.withHealth(ResourceSnapshot.HEALTHY, null) : s);
            slot.ready.complete(null);
            return;
        }
        store.update(name, s -> RUNNING.equals(s.state()) ? s.withHealth(ResourceSnapshot.UNHEALTHY, null) : s);
        slot.monitor = new HealthMonitor(check, (healthy, reason) -> {
            if (slot.exited.isDone()) {
                return;
            }
            store.update(name, s -> RUNNING.equals(s.state())
                    ? s.withHealth(healthy ? ResourceSnapshot.HEALTHY : ResourceSnapshot.UNHEALTHY, reason) : s);
            if (healthy) {
                slot.ready.complete(null);
            }
        }, Clock.systemUTC(), HealthMonitor.Sleeper.SYSTEM);
        workers.execute(slot.monitor);
    }
}
