package dev.apphost.run;

import dev.apphost.plan.AllocatedEndpoint;
import java.util.List;
import java.util.Map;

/**
 * Everything an executor needs, resolved.
 *
 * @param environment the variables to add to the inherited environment, resolved for the executor's network
 * @param args the resource's arguments, resolved
 * @param endpoints the resource's endpoints with their ports (host ports: where the proxy listens when proxied)
 * @param replicas for a resource with replicas, one request per replica (index 0 first), each resolved
 *     with that replica's own target ports; empty otherwise
 */
public record LaunchRequest(Map<String, String> environment, List<String> args, List<AllocatedEndpoint> endpoints,
        List<LaunchRequest> replicas) {

    public LaunchRequest {
        environment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
        args = List.copyOf(args);
        endpoints = List.copyOf(endpoints);
        replicas = List.copyOf(replicas);
    }

    /** A request for a single instance. */
    public LaunchRequest(Map<String, String> environment, List<String> args, List<AllocatedEndpoint> endpoints) {
        this(environment, args, endpoints, List.of());
    }
}
