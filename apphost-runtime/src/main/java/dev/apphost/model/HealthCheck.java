package dev.apphost.model;

/** How the orchestrator decides that a running resource is healthy. */
public sealed interface HealthCheck {

    /** HTTP 2xx or 3xx from {@code path} on the resource's endpoint (the first http one by default). */
    record Http(String path, String endpoint) implements HealthCheck {
    }

    /** A Redis {@code PING} answered with {@code PONG}, authenticated with the password parameter. */
    record RedisPing(String endpoint, String passwordParameter) implements HealthCheck {
    }
}
