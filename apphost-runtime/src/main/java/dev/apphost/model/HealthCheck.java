package dev.apphost.model;

/** How the orchestrator decides that a running resource is healthy; a resource may have several. */
public sealed interface HealthCheck {

    /** A name for messages and for duplicate detection. */
    String key();

    /**
     * {@code statusCode} (or, when {@code null}, any 2xx or 3xx) from {@code path} on the resource's
     * endpoint {@code endpoint} (the first http(s) one when {@code null}).
     */
    record Http(String path, String endpoint, Integer statusCode) implements HealthCheck {
        public Http(String path, String endpoint) {
            this(path, endpoint, null);
        }

        @Override
        public String key() {
            return "http" + (endpoint == null ? "" : "-" + endpoint) + path;
        }
    }

    /** A Redis {@code PING} answered with {@code PONG}, authenticated with the password parameter. */
    record RedisPing(String endpoint, String passwordParameter) implements HealthCheck {
        @Override
        public String key() {
            return "redis-ping";
        }
    }

    /** A check written by the user ({@code withHealthCheck(name, check)}). */
    record Custom(String key, dev.apphost.HealthCheck check) implements HealthCheck {
    }
}
