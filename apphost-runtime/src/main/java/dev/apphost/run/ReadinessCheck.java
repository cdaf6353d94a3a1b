package dev.apphost.run;

/**
 * One way to tell that a running resource is healthy; built by {@link ReadinessChecks}. A probe
 * must answer within a few seconds (use timeouts) and must not keep state between calls.
 */
public interface ReadinessCheck {

    /** One attempt: {@code true} when healthy; an exception counts as unhealthy and its message is shown. */
    boolean probe() throws Exception;

    /** What is checked, for messages: {@code HTTP GET http://localhost:5000/health}. */
    String description();
}
