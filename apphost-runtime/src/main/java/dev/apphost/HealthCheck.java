package dev.apphost;

/**
 * A custom health check of a project, executable or container, polled while the resource runs
 * (every 100 ms until it first passes, then every 30 s; 1 s × consecutive failures, at most 5 s,
 * once it failed after having passed). An exception counts as unhealthy, with its message as the reason.
 *
 * <pre>{@code
 * builder.addExecutable("worker", "python3", "../worker", "worker.py")
 *        .withHealthCheck("queue-drained", () -> queue.isEmpty()
 *                ? HealthCheckResult.healthy()
 *                : HealthCheckResult.unhealthy(queue.size() + " messages left"));
 * }</pre>
 */
@FunctionalInterface
public interface HealthCheck {

    /** One probe; must answer within a few seconds. */
    HealthCheckResult check() throws Exception;
}
