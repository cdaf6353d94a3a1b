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
 * already know where their dependencies will listen):
 * <ul>
 *   <li>a process (project or executable) listens on {@code targetPort ?? port ?? allocated}, and
 *       that is also its host port; {@code port} and {@code targetPort} must agree when both are set;</li>
 *   <li>a proxied endpoint of a process ({@code isProxied(true)}, or any endpoint of a resource with
 *       replicas) has the host port {@code port ?? allocated}, where the AppHost's proxy listens, and
 *       the target port {@code targetPort ?? allocated}; each further replica gets an allocated
 *       target port of its own ({@link #replica(String, int)});</li>
 *   <li>a container publishes {@code targetPort} (required) on {@code port ?? allocated}; the allocated
 *       port of a persistent container is remembered ({@link PersistentPorts}) and reused by later runs.</li>
 * </ul>
 * A fixed port already in use, or an invalid endpoint, makes that resource fail to start; the
 * problem is kept per resource in {@link #problem(String)}.
 */
public final class EndpointAllocation implements RunValues.EndpointLookup {

    private final Map<String, Map<String, AllocatedEndpoint>> endpoints = new LinkedHashMap<>();
    private final Map<String, String> problems = new LinkedHashMap<>();
    private final PortAllocator ports;
    /** Target ports of every replica (index 0 first), by {@code resource/endpoint}. */
    private final Map<String, List<Integer>> replicaPorts = new LinkedHashMap<>();
    private final PersistentPorts remembered;

    private EndpointAllocation(PortAllocator ports, PersistentPorts remembered) {
        this.ports = ports;
        this.remembered = remembered;
    }

    /** Configuration key: {@code true} gives fixed ports allocated ones where that is safe (tests run in parallel). */
    public static final String RANDOMIZE_PORTS_KEY = "AppHost:RandomizePorts";

    /** Allocates ports for {@code resources}; fixed ports are checked with {@code ports.isFree}. */
    public static EndpointAllocation allocate(List<ComputeResource> resources, PortAllocator ports) {
        return allocate(resources, ports, false);
    }

    /** As {@link #allocate(List, PortAllocator)}, remembering persistent containers' ports in {@code remembered}. */
    public static EndpointAllocation allocate(List<ComputeResource> resources, PortAllocator ports,
            PersistentPorts remembered) {
        return allocate(resources, ports, false, remembered);
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
        return allocate(resources, ports, randomizeFixedPorts, PersistentPorts.standard());
    }

    /** As {@link #allocate(List, PortAllocator, boolean)}, remembering persistent containers' ports in {@code remembered}. */
    public static EndpointAllocation allocate(List<ComputeResource> resources, PortAllocator ports,
            boolean randomizeFixedPorts, PersistentPorts remembered) {
        EndpointAllocation allocation = new EndpointAllocation(ports, remembered);
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
                if (fixed == null && resource instanceof ContainerResource c && c.persistent()) {
                    hostPort = remembered.port(c.containerName(), e.name(), ports);
                } else {
                    hostPort = fixed != null ? fixed : ports.allocate();
                }
            } else if (resource.proxies(e)) {
                String invalid = proxiedProblem(resource, e);
                if (invalid != null) {
                    errors.add(invalid);
                    continue;
                }
                fixed = e.port();
                hostPort = fixed != null ? fixed : ports.allocate();
                targetPort = e.targetPort() != null ? e.targetPort() : ports.allocate();
                if (e.targetPort() != null && !ports.isFree(e.targetPort())) {
                    errors.add("Target port " + e.targetPort() + " of endpoint '" + e.name() + "' of resource '"
                            + resource.name() + "' is already in use by another process; stop that process or "
                            + "choose another port.");
                }
                List<Integer> targets = new ArrayList<>(List.of(targetPort));
                for (int i = 1; i < resource.replicas(); i++) {
                    targets.add(ports.allocate());
                }
                replicaPorts.put(key(resource.name()) + "/" + e.name(), List.copyOf(targets));
            } else {
                if (e.port() != null && e.targetPort() != null && !e.port().equals(e.targetPort())) {
                    errors.add("The endpoint '" + e.name() + "' of resource '" + resource.name() + "' has port "
                            + e.port() + " and targetPort " + e.targetPort() + "; an endpoint that is not proxied needs both "
                            + "the same: set only one of them, or put the AppHost's proxy in front of it with "
                            + "withEndpoint(\"" + e.name() + "\", e -> e.isProxied(true)).");
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

    private static String proxiedProblem(ComputeResource resource, Endpoint e) {
        if (resource.replicas() > 1 && e.targetPort() != null) {
            return "Resource '" + resource.name() + "' has " + resource.replicas() + " replicas, so its endpoint '"
                    + e.name() + "' cannot have a fixed targetPort (" + e.targetPort() + "): each replica listens on a "
                    + "port of its own behind the proxy. Remove targetPort (set port for a fixed host port).";
        }
        if (e.port() != null && e.port().equals(e.targetPort())) {
            return "The endpoint '" + e.name() + "' of resource '" + resource.name() + "' is proxied, so port and "
                    + "targetPort cannot both be " + e.port() + ": the proxy listens on port and forwards to targetPort."
                    + " Set only port.";
        }
        return null;
    }

    /**
     * The endpoints of replica {@code index} of {@code resource}: as {@link #of(String)}, with that
     * replica's own target port on each proxied endpoint.
     */
    public List<AllocatedEndpoint> replica(String resource, int index) {
        return of(resource).stream().map(e -> {
            List<Integer> targets = replicaPorts.get(key(resource) + "/" + e.endpoint());
            return targets == null ? e : new AllocatedEndpoint(e.resource(), e.endpoint(), e.scheme(), e.hostPort(),
                    targets.get(index), e.inContainer());
        }).toList();
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
        replicaPorts.forEach((endpoint, targets) -> {
            if (endpoint.startsWith(key(resource) + "/")) {
                targets.forEach(ports::release);
            }
        });
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
