package dev.apphost.run;

import java.util.List;

/**
 * What is known about one resource at one moment.
 *
 * @param type {@code Project}, {@code Executable}, {@code Container}, {@code Parameter}, {@code ConnectionString}
 * @param state one of {@link dev.apphost.KnownResourceStates}, or a parameter's {@code Value missing}
 * @param exitCode the exit code once the resource exited, else {@code null}
 * @param message why it failed or exited, else {@code null}
 * @param health {@code Healthy}, {@code Unhealthy}, or {@code null} while not running
 * @param urls the URLs of its endpoints
 * @param pid the process id of a process resource, else {@code null}
 */
public record ResourceSnapshot(String name, String type, String state, Integer exitCode, String message,
        String health, List<String> urls, Long pid) {

    public static final String HEALTHY = "Healthy";
    public static final String UNHEALTHY = "Unhealthy";

    public ResourceSnapshot {
        urls = List.copyOf(urls);
    }

    ResourceSnapshot withState(String newState, String newMessage) {
        return new ResourceSnapshot(name, type, newState, exitCode, newMessage, health, urls, pid);
    }

    ResourceSnapshot withExit(String newState, int code, String newMessage) {
        return new ResourceSnapshot(name, type, newState, code, newMessage, null, urls, pid);
    }

    ResourceSnapshot withHealth(String newHealth, String newMessage) {
        return new ResourceSnapshot(name, type, state, exitCode, newMessage, newHealth, urls, pid);
    }

    ResourceSnapshot withPid(Long newPid) {
        return new ResourceSnapshot(name, type, state, exitCode, message, health, urls, newPid);
    }

    public boolean isHealthy() {
        return HEALTHY.equals(health);
    }
}
