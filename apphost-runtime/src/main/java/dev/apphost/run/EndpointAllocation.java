package dev.apphost.run;

import dev.apphost.model.ComputeResource;
import dev.apphost.model.ContainerResource;
import dev.apphost.model.Endpoint;
import dev.apphost.model.EnvironmentEntry;
import dev.apphost.model.ValueExpression;
import dev.apphost.plan.AllocatedEndpoint;
import dev.apphost.plan.RunValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ports of every endpoint, decided before anything starts (so consumers started in parallel
 * already know where their dependencies will listen). There is no proxy:
 * <ul>
 *   <li>a process (project or executable) listens on {@code targetPort ?? port ?? allocated}, and
 *       that is also its host port; {@code port} and {@code targetPort} must agree when both are set;</li>
 *   <li>a container publishes {@code targetPort} (required) on {@code port ?? allocated}.</li>
 * </ul>
 * A fixed port already in use, or an invalid endpoint, makes that resource fail to start; the
 * problem is kept per resource in {@link #problem(String)}.
 */
public final class EndpointAllocation implements RunValues.EndpointLookup {

    private final Map<String, Map<String, AllocatedEndpoint>> endpoints = new LinkedHashMap<>();
    private final Map<String, String> problems = new LinkedHashMap<>();
    private final PortAllocator ports;

    private EndpointAllocation(PortAllocator ports) {
        this.ports = ports;
    }

    /** Configuration key: {@code true} gives fixed ports allocated ones where that is safe (tests run in parallel). */
    public static final String RANDOMIZE_PORTS_KEY = "AppHost:RandomizePorts";

    /** Allocates ports for {@code resources}; fixed ports are checked with {@code ports.isFree}. */
    public static EndpointAllocation allocate(List<ComputeResource> resources, PortAllocator ports) {
        return allocate(resources, ports, false);
    }

    /**
     * As {@link #allocate(List, PortAllocator)}; with {@code randomizeFixedPorts}, a fixed port is
     * replaced by an allocated one wherever the workload learns its port from the AppHost: a
     * container's host port (its target port stays), and a process endpoint whose port reaches the
     * process through an environment variable (a project's {@code PORT}/{@code SERVER_PORT}/…, or an
     * endpoint's {@code env}). A process endpoint that nothing tells its port keeps it.
     */
    public static EndpointAllocation allocate(List<ComputeResource> resources, PortAllocator ports,
            boolean randomizeFixedPorts) {
        EndpointAllocation allocation = new EndpointAllocation(ports);
        Map<String, List<Endpoint>> declared = new LinkedHashMap<>();
        for (ComputeResource resource : resources) {
            declared.put(resource.name(), randomizeFixedPorts ? withoutFixedPorts(resource) : resource.endpoints());
        }
        for (ComputeResource resource : resources) {
            for (Endpoint e : declared.get(resource.name())) {
                if (e.port() != null) {
                    ports.reserve(e.port());
                }
                if (e.targetPort() != null && !(resource instanceof ContainerResource)) {
                    ports.reserve(e.targetPort());
                }
            }
        }
        for (ComputeResource resource : resources) {
            allocation.allocateFor(resource, declared.get(resource.name()), ports);
        }
        return allocation;
    }

    private void allocateFor(ComputeResource resource, List<Endpoint> declared, PortAllocator ports) {
        Map<String, AllocatedEndpoint> mine = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        boolean container = resource instanceof ContainerResource;
        for (Endpoint e : declared) {
            int hostPort;
            int targetPort;
            Integer fixed;
            if (container) {
                if (e.targetPort() == null) {
                    errors.add("The endpoint '" + e.name() + "' for container resource '" + resource.name()
                            + "' must specify the TargetPort value");
                    continue;
                }
                fixed = e.port();
                targetPort = e.targetPort();
                hostPort = fixed != null ? fixed : ports.allocate();
            } else {
                if (e.port() != null && e.targetPort() != null && !e.port().equals(e.targetPort())) {
                    errors.add("The endpoint '" + e.name() + "' of resource '" + resource.name() + "' has port "
                            + e.port() + " and targetPort " + e.targetPort() + "; a process is not proxied, so both "
                            + "must be the same (set only one of them).");
                    continue;
                }
                fixed = e.targetPort() != null ? e.targetPort() : e.port();
                hostPort = fixed != null ? fixed : ports.allocate();
                targetPort = hostPort;
            }
            if (fixed != null && !ports.isFree(fixed)) {
                errors.add("Port " + fixed + " of endpoint '" + e.name() + "' of resource '" + resource.name()
                        + "' is already in use by another process; stop that process or choose another port.");
            }
            mine.put(e.name(), new AllocatedEndpoint(resource.name(), e.name(), e.scheme(), hostPort, targetPort,
                    container));
        }
        endpoints.put(key(resource.name()), mine);
        if (!errors.isEmpty()) {
            problems.put(key(resource.name()), String.join(" ", errors));
        }
    }

    /** {@code resource} as {@link #allocate(List, PortAllocator, boolean)} sees it when randomizing. */
    private static List<Endpoint> withoutFixedPorts(ComputeResource resource) {
        boolean container = resource instanceof ContainerResource;
        return resource.endpoints().stream().map(e -> {
            if (container) {
                return e.port() == null ? e : e.withPorts(null, e.targetPort());
            }
            return (e.port() != null || e.targetPort() != null) && portReachesProcess(resource, e.name(), e)
                    ? e.withPorts(null, null) : e;
        }).toList();
    }

    private static boolean portReachesProcess(ComputeResource resource, String endpoint, Endpoint e) {
        if (e.env() != null) {
            return true;
        }
        return resource.settings().environment().stream().anyMatch(entry ->
                entry instanceof EnvironmentEntry.Variable v
                        && v.value() instanceof ValueExpression.EndpointProperty p
                        && p.resource().equalsIgnoreCase(resource.name()) && p.endpoint().equals(endpoint)
                        && (p.property() == ValueExpression.Property.TARGET_PORT
                                || p.property() == ValueExpression.Property.PORT));
    }

    @Override
    public AllocatedEndpoint find(String resource, String endpoint) {
        Map<String, AllocatedEndpoint> mine = endpoints.get(key(resource));
        return mine == null ? null : mine.get(endpoint);
    }

    /** The endpoints of {@code resource}, in declaration order. */
    public List<AllocatedEndpoint> of(String resource) {
        Map<String, AllocatedEndpoint> mine = endpoints.get(key(resource));
        return mine == null ? List.of() : List.copyOf(mine.values());
    }

    /** Lets go of the ports allocated for {@code resource}, held until now: call right before it starts. */
    public void release(String resource) {
        of(resource).forEach(e -> ports.release(e.hostPort()));
    }

    /** Lets go of every port still held (at stop: resources that never started). */
    public void releaseAll() {
        ports.releaseAll();
    }

    /** Why {@code resource} cannot start because of its endpoints, or {@code null}. */
    public String problem(String resource) {
        return problems.get(key(resource));
    }

    public Map<String, String> problems() {
        return Collections.unmodifiableMap(problems);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
