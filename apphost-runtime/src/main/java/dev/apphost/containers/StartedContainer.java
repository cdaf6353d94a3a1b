package dev.apphost.containers;

import java.util.List;
import java.util.NoSuchElementException;

/**
 * A container that was created and started.
 *
 * @param id    full container id
 * @param name  container name
 * @param ports where each requested {@link PortBinding} ended up, in spec order
 */
public record StartedContainer(String id, String name, List<PublishedPort> ports) {
    public StartedContainer {
        ports = List.copyOf(ports);
    }

    /** The host port of the first binding for {@code containerPort} (TCP). */
    public int hostPort(int containerPort) {
        return ports.stream()
                .filter(p -> p.binding().containerPort() == containerPort && p.binding().protocol() == PortBinding.Protocol.TCP)
                .findFirst().map(PublishedPort::hostPort)
                .orElseThrow(() -> new NoSuchElementException("container '" + name + "' publishes no TCP port " + containerPort));
    }
}
