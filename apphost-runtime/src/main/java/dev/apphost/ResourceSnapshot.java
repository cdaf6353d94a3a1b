package dev.apphost;

import java.time.Instant;
import java.util.List;

/**
 * What is known about one resource at one moment; every change makes a new snapshot
 * ({@link ResourceNotifications#subscribe}).
 *
 * <pre>{@code
 * ResourceSnapshot s = app.resourceSnapshot("webfrontend");
 * if (s.isRunning() && !s.isHealthy()) System.out.println(s.name() + ": " + s.healthReason());
 * }</pre>
 *
 * @param type {@code Project}, {@code Executable}, {@code Container}, {@code Parameter}, {@code ConnectionString}
 * @param state one of {@link KnownResourceStates}, or a parameter's {@code Value missing}
 * @param exitCode the exit code once the resource exited, else {@code null}
 * @param message why it failed, exited or waits, else {@code null}
 * @param health {@link #HEALTHY}, {@link #UNHEALTHY}, or {@code null} while not running or before the first check
 * @param healthReason the last failing check's description while unhealthy, else {@code null}
 * @param urls the URLs of its endpoints
 * @param pid the process id of a process resource, else {@code null}
 * @param startedAt when it last entered {@code Running}, else {@code null}
 * @param unavailableDependencies resources it waits for that were ready and have stopped or exited
 *        since it started (it keeps running, as in Aspire); empty when all are fine
 */
public record ResourceSnapshot(String name, String type, String state, Integer exitCode, String message,
        String health, String healthReason, List<String> urls, Long pid, Instant startedAt,
        List<String> unavailableDependencies) {

    public static final String HEALTHY = "Healthy";
    public static final String UNHEALTHY = "Unhealthy";

    public ResourceSnapshot {
        urls = List.copyOf(urls);
        unavailableDependencies = unavailableDependencies == null ? List.of() : List.copyOf(unavailableDependencies);
    }

    /** A resource in {@code state} with nothing else known yet. */
    public static ResourceSnapshot of(String name, String type, String state, String message, List<String> urls) {
        return new ResourceSnapshot(name, type, state, null, message, null, null, urls, null, null, List.of());
    }

    public boolean isHealthy() {
        return HEALTHY.equals(health);
    }

    public boolean isRunning() {
        return KnownResourceStates.RUNNING.equals(state);
    }
}
