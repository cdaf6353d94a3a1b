package dev.apphost.containers;

/**
 * Which engine we are talking to.
 *
 * @param runtime    {@code docker} or {@code podman}
 * @param host       the engine endpoint, e.g. {@code unix:///var/run/docker.sock}
 * @param version    the server version the engine reports
 * @param apiVersion the API version the engine reports (not pinned by us)
 */
public record EngineInfo(String runtime, String host, String version, String apiVersion) {
}
