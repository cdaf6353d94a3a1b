package dev.apphost;

/**
 * The outcome of one {@link HealthCheck} probe.
 *
 * <pre>{@code
 * return ok ? HealthCheckResult.healthy() : HealthCheckResult.unhealthy("HTTP 503 from " + url);
 * }</pre>
 *
 * @param isHealthy whether the check passed
 * @param description why it failed (shown as the resource's health reason), or an optional note when it passed
 */
public record HealthCheckResult(boolean isHealthy, String description) {

    public static HealthCheckResult healthy() {
        return new HealthCheckResult(true, null);
    }

    public static HealthCheckResult healthy(String description) {
        return new HealthCheckResult(true, description);
    }

    public static HealthCheckResult unhealthy(String description) {
        return new HealthCheckResult(false, description);
    }
}
