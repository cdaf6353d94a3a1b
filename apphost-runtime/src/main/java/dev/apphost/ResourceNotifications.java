package dev.apphost;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The resources' states, as Aspire's {@code ResourceNotificationService}: wait for a state, read
 * the snapshots, or watch every change.
 *
 * <pre>{@code
 * try (var app = builder.build()) {
 *     app.start();
 *     app.resourceNotifications().waitForResourceHealthy("webfrontend", Duration.ofSeconds(60));
 *     try (Subscription watch = app.resourceNotifications().subscribe(s -> System.out.println(s.name() + " " + s.state()))) {
 *         app.resourceCommands().executeCommand("webfrontend", KnownResourceCommands.RESTART);
 *     }
 * }
 * }</pre>
 */
public interface ResourceNotifications {

    /**
     * Blocks until resource {@code name} is in {@code state} (one of {@link KnownResourceStates}).
     *
     * @throws DistributedApplicationException on timeout, naming the resource, the state wanted and the state it is in
     */
    void waitForResource(String name, String state, Duration timeout);

    /** Blocks until resource {@code name} runs and its health checks pass. */
    void waitForResourceHealthy(String name, Duration timeout);

    /** The current state of resource {@code name}. */
    String state(String name);

    /** The current snapshot of resource {@code name}. */
    ResourceSnapshot snapshot(String name);

    /** The current snapshots of every resource, in model order. */
    List<ResourceSnapshot> snapshots();

    /**
     * Calls {@code listener} with every new snapshot, in the order the changes happened, on a thread
     * of the AppHost (a slow listener delays only itself). It first receives the current snapshots.
     */
    Subscription subscribe(Consumer<ResourceSnapshot> listener);
}
