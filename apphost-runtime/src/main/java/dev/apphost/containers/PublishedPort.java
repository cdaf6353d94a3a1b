package dev.apphost.containers;

/**
 * Where a {@link PortBinding} ended up on the host.
 *
 * @param binding  the binding as requested in the spec
 * @param hostIp   the host address it is bound to ({@code 127.0.0.1})
 * @param hostPort the actual host port (the fixed one, or the one the engine chose)
 */
public record PublishedPort(PortBinding binding, String hostIp, int hostPort) {
}
