package dev.apphost.run;

import dev.apphost.DistributedApplicationException;
import dev.apphost.KnownResourceStates;
import dev.apphost.ResourceNotifications;
import dev.apphost.ResourceSnapshot;
import dev.apphost.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The current {@link ResourceSnapshot} of every resource, with blocking waits: the
 * {@link ResourceNotifications} of a run. Snapshots are put by the lifecycle loop only, so
 * {@linkplain #addListener internal listeners} (called on that thread) and
 * {@linkplain #subscribe subscribers} (called on their own) see every change in order.
 */
public final class StateStore implements ResourceNotifications {

    private final Map<String, ResourceSnapshot> snapshots = new LinkedHashMap<>();
    private final List<Consumer<ResourceSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private final List<SerialDelivery<ResourceSnapshot>> subscribers = new CopyOnWriteArrayList<>();

    /** An internal listener, called on the thread that puts the snapshot; it must not block. */
    public void addListener(Consumer<ResourceSnapshot> listener) {
        listeners.add(listener);
    }

    /** Adds or replaces a resource's snapshot; listeners and subscribers are told. */
    public void put(ResourceSnapshot snapshot) {
        synchronized (this) {
            snapshots.put(key(snapshot.name()), snapshot);
            notifyAll();
            subscribers.forEach(s -> s.offer(snapshot));
        }
        listeners.forEach(l -> l.accept(snapshot));
    }

    @Override
    public Subscription subscribe(Consumer<ResourceSnapshot> listener) {
        SerialDelivery<ResourceSnapshot>[] holder = new SerialDelivery[1];
        holder[0] = new SerialDelivery<>(listener, SerialDelivery.POOL, () -> subscribers.remove(holder[0]));
        synchronized (this) {
            snapshots.values().forEach(holder[0]::offer);
            subscribers.add(holder[0]);
        }
        return holder[0];
    }

    @Override
    public synchronized ResourceSnapshot snapshot(String name) {
        ResourceSnapshot s = snapshots.get(key(name));
        if (s == null) {
            throw new DistributedApplicationException("No resource named '" + name + "'. Resources: "
                    + String.join(", ", names()) + ".");
        }
        return s;
    }

    /** Whether there is a resource called {@code name}. */
    public synchronized boolean contains(String name) {
        return snapshots.containsKey(key(name));
    }

    @Override
    public synchronized List<ResourceSnapshot> snapshots() {
        return new ArrayList<>(snapshots.values());
    }

    /** Same as {@link #snapshots()}. */
    public List<ResourceSnapshot> all() {
        return snapshots();
    }

    private List<String> names() {
        return snapshots.values().stream().map(ResourceSnapshot::name).toList();
    }

    @Override
    public String state(String name) {
        return snapshot(name).state();
    }

    @Override
    public void waitForResource(String name, String state, Duration timeout) {
        await(name, s -> s.state().equalsIgnoreCase(state), "the '" + state + "' state", state, timeout);
    }

    @Override
    public void waitForResourceHealthy(String name, Duration timeout) {
        await(name, s -> KnownResourceStates.RUNNING.equals(s.state()) && s.isHealthy(),
                "the 'Running' state and healthy", KnownResourceStates.RUNNING, timeout);
    }

    private synchronized void await(String name, Predicate<ResourceSnapshot> done, String wanted, String wantedState,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        ResourceSnapshot s = snapshot(name);
        while (!done.test(s)) {
            if (KnownResourceStates.isTerminal(s.state()) && !s.state().equalsIgnoreCase(wantedState)) {
                throw new DistributedApplicationException("Resource '" + s.name() + "' will not reach " + wanted
                        + ": it is in the '" + s.state() + "' state" + detail(s));
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new DistributedApplicationException("Timed out after " + timeout.toMillis() + " ms waiting for "
                        + "resource '" + s.name() + "' to reach " + wanted + "; it is in the '" + s.state()
                        + "' state" + (s.health() != null ? " (" + s.health()
                        + (s.healthReason() != null ? ": " + s.healthReason() : "") + ")" : "") + detail(s));
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DistributedApplicationException("Interrupted while waiting for resource '" + name + "'.", e);
            }
            s = snapshot(name);
        }
    }

    private static String detail(ResourceSnapshot s) {
        return s.message() == null ? "." : ": " + s.message();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
