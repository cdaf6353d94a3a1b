package dev.apphost.containers;

import java.util.Objects;

/**
 * A container port published on the host, always on {@code 127.0.0.1} (never on all interfaces).
 *
 * @param containerPort the port inside the container (1–65535)
 * @param protocol      tcp or udp
 * @param hostPort      a fixed host port, or {@code null} to let the engine choose a free one
 */
public record PortBinding(int containerPort, Protocol protocol, Integer hostPort) {

    /** Transport protocol of a published port. */
    public enum Protocol { TCP, UDP }

    public PortBinding {
        Objects.requireNonNull(protocol, "protocol == null");
        checkPort("containerPort", containerPort);
        if (hostPort != null) {
            checkPort("hostPort", hostPort);
        }
    }

    /** A TCP port published on a host port chosen by the engine. */
    public static PortBinding tcp(int containerPort) {
        return new PortBinding(containerPort, Protocol.TCP, null);
    }

    /** A TCP port published on a fixed host port. */
    public static PortBinding tcp(int containerPort, int hostPort) {
        return new PortBinding(containerPort, Protocol.TCP, hostPort);
    }

    /** A UDP port published on a host port chosen by the engine. */
    public static PortBinding udp(int containerPort) {
        return new PortBinding(containerPort, Protocol.UDP, null);
    }

    private static void checkPort(String what, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(what + " out of range 1-65535: " + port);
        }
    }
}
