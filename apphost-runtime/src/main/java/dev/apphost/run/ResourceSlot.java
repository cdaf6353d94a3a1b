package dev.apphost.run;

import static dev.apphost.KnownResourceStates.NOT_STARTED;
import static dev.apphost.KnownResourceStates.STOPPING;

import dev.apphost.model.ComputeResource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** One compute resource during a run, as the {@link Orchestrator} tracks it. */
final class ResourceSlot {
    final ComputeResource resource;
    /** Running and healthy; fails with Aspire's dependency message when it will never be. */
    final CompletableFuture<Void> ready = new CompletableFuture<>();
    /** Running, or failed/exited. */
    final CompletableFuture<Void> settled = new CompletableFuture<>();
    final CompletableFuture<Void> exited = new CompletableFuture<>();
    volatile RunningResource running;
    volatile boolean stopRequested;
    volatile HealthMonitor monitor;

    ResourceSlot(ComputeResource resource) {
        this.resource = resource;
    }

    String name() {
        return resource.name();
    }

    /** Stops the resource if it runs (SIGTERM, SIGKILL after {@code grace}); returns once it has exited. */
    void stop(StateStore store, Duration grace) {
        RunningResource current;
        synchronized (this) {
            current = running;
        }
        if (current == null) {
            store.move(name(), NOT_STARTED, s -> s.withState(NOT_STARTED, null));
            return;
        }
        if (exited.isDone()) {
            return;
        }
        stopRequested = true;
        if (monitor != null) {
            monitor.stop();
        }
        store.move(name(), STOPPING, s -> s.withState(STOPPING, null));
        current.release(grace); // the app is stopping: a persistent container is left running
        try {
            exited.get(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception ignored) {
            // reported by the exit callback, if ever
        }
    }

    /** A future that completes when all {@code deps} are ready, or fails as soon as one fails. */
    static CompletableFuture<Void> allReady(List<ResourceSlot> deps) {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        AtomicInteger left = new AtomicInteger(deps.size());
        if (deps.isEmpty()) {
            gate.complete(null);
        }
        for (ResourceSlot d : deps) {
            d.ready.whenComplete((v, e) -> {
                if (e != null) {
                    gate.completeExceptionally(e);
                } else if (left.decrementAndGet() == 0) {
                    gate.complete(null);
                }
            });
        }
        return gate;
    }
}
