package dev.apphost.otlp;

import dev.apphost.DistributedApplicationException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the {@link OtlpReceiver} also listens so that containers reach it: a container resolves
 * {@code host.docker.internal} to the engine's {@code host-gateway}, on Linux's Docker Engine the
 * address of the {@code docker0} bridge, which a loopback listener never sees. Configuration
 * {@value #KEY}: unset picks that bridge address when there is one; an address (or {@code 0.0.0.0}
 * for every interface) is used as given; {@code none} keeps the receiver on loopback only.
 *
 * <pre>{@code
 * Optional<InetAddress> also = ContainerListenAddress.resolve(configuration.get(ContainerListenAddress.KEY));
 * }</pre>
 */
public final class ContainerListenAddress {

    /** Configuration key for the address. */
    public static final String KEY = "Dashboard:OtlpContainerAddress";
    /** The bridge Docker Engine creates, whose address is {@code host-gateway} by default. */
    static final String DOCKER_BRIDGE = "docker0";

    private ContainerListenAddress() {
    }

    /** The address {@code configured} names, or the Docker bridge's when it is unset; empty for none. */
    public static Optional<InetAddress> resolve(String configured) {
        if (configured == null || configured.isBlank()) {
            return dockerBridge();
        }
        String value = configured.trim();
        if (value.toLowerCase(Locale.ROOT).equals("none")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(value));
        } catch (UnknownHostException e) {
            throw new DistributedApplicationException("Configuration '" + KEY + "' must be an address to listen on"
                    + " for containers' telemetry (e.g. 172.17.0.1 or 0.0.0.0) or 'none', not '" + configured + "'.");
        }
    }

    /** The IPv4 address of the {@value #DOCKER_BRIDGE} interface, if this machine has one. */
    static Optional<InetAddress> dockerBridge() {
        try {
            NetworkInterface bridge = NetworkInterface.getByName(DOCKER_BRIDGE);
            if (bridge == null) {
                return Optional.empty();
            }
            return Collections.list(bridge.getInetAddresses()).stream()
                    .filter(a -> a instanceof Inet4Address).findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }
}
