package dev.apphost.containers;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.Ports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates {@link PortBinding}s to docker-java's {@link Ports} and back. Going back is done by
 * value, not by position: the engine reports a container port's bindings in its own order
 * (e.g. {@code [127.0.0.1:18080, 127.0.0.1:32768]} for a fixed and an allocated binding).
 */
final class PortMapping {
    static final String LOOPBACK = "127.0.0.1";

    private PortMapping() {
    }

    static ExposedPort exposedPort(PortBinding binding) {
        return new ExposedPort(binding.containerPort(),
                binding.protocol() == PortBinding.Protocol.UDP ? InternetProtocol.UDP : InternetProtocol.TCP);
    }

    static Ports toPorts(List<PortBinding> bindings) {
        Ports ports = new Ports();
        for (PortBinding binding : bindings) {
            ports.bind(exposedPort(binding), binding.hostPort() == null
                    ? Ports.Binding.bindIp(LOOPBACK)
                    : Ports.Binding.bindIpAndPort(LOOPBACK, binding.hostPort()));
        }
        return ports;
    }

    /**
     * Matches each requested binding to what the engine reports: a fixed port to the binding with
     * that host port, an allocated one to a reported binding no fixed request claims.
     */
    static List<PublishedPort> resolve(List<PortBinding> requested, Map<ExposedPort, Ports.Binding[]> reported) {
        List<PublishedPort> result = new ArrayList<>();
        Set<String> claimed = new HashSet<>();
        for (PortBinding binding : requested) {
            if (binding.hostPort() != null) {
                claimed.add(key(binding, binding.hostPort()));
            }
        }
        for (PortBinding binding : requested) {
            Ports.Binding[] candidates = reported == null ? null : reported.get(exposedPort(binding));
            PublishedPort match = null;
            for (Ports.Binding candidate : candidates == null ? new Ports.Binding[0] : candidates) {
                int hostPort = parsePort(candidate.getHostPortSpec());
                boolean fits = binding.hostPort() != null ? hostPort == binding.hostPort() : claimed.add(key(binding, hostPort));
                if (fits) {
                    match = new PublishedPort(binding, candidate.getHostIp(), hostPort);
                    break;
                }
            }
            if (match == null) {
                throw new ContainerEngineException("The engine reported no host port for " + binding
                        + " (reported: " + reported + ")");
            }
            result.add(match);
        }
        return result;
    }

    private static String key(PortBinding binding, int hostPort) {
        return binding.containerPort() + "/" + binding.protocol() + "->" + hostPort;
    }

    private static int parsePort(String spec) {
        try {
            return Integer.parseInt(spec);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
