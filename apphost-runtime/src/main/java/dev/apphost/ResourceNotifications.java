package dev.apphost;

import java.time.Duration;

/**
 * Waits for resources to reach a state, as Aspire's {@code ResourceNotificationService}:
 *
 * <pre>{@code
 * try (var app = builder.build()) {
 *     app.start();
 *     app.resourceNotifications().waitForResourceHealthy("webfrontend", Duration.ofSeconds(60));
 *     URI url = app.getEndpoint("webfrontend", "http");
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

    /** Blocks until resource {@code name} runs and its health check passes. */
    void waitForResourceHealthy(String name, Duration timeout);

    /** The current state of resource {@code name}. */
    String state(String name);
}
